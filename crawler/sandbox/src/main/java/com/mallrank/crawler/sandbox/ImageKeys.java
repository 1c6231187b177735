package com.mallrank.crawler.sandbox;

import java.util.Locale;

/**
 * Main-image keys and URLs. The key (32 hex digits) names the picture and is the stable part of the
 * URL path ({@code /obj/ecom-shop-material/<key>.jpeg~tplv-resize:400:400.jpeg}); host variant
 * ({@code p3}/{@code p6}/{@code p9}), {@code x-expires} and {@code x-signature} change on every
 * request, as on a real signing CDN.
 */
final class ImageKeys {

  static final String HOST_SUFFIX = "-ecom.sandbox-img.test";
  static final String PATH_PREFIX = "/obj/ecom-shop-material/";
  static final String PATH_SUFFIX = ".jpeg~tplv-resize:400:400.jpeg";
  private static final String[] HOSTS = {"p3", "p6", "p9"};

  private ImageKeys() {}

  /** The key of a product's picture number {@code variant} (0 = the original). */
  static String key(long seed, String productId, long variant) {
    return hex(Seeds.of(seed, "image", productId, variant))
        + hex(Seeds.of(seed, "image2", productId, variant));
  }

  /** The URL path of a picture: what stays the same while the picture does. */
  static String path(String key) {
    return PATH_PREFIX + key + PATH_SUFFIX;
  }

  /**
   * A freshly signed URL for the picture.
   *
   * @param nonce a value different for every call (a request counter)
   * @param nowEpochSecond the simulated time, so expiry looks plausible
   */
  static String signedUrl(String key, long nonce, long nowEpochSecond) {
    long h = Seeds.of(0, key, nonce);
    String host = HOSTS[Seeds.below(h, HOSTS.length)];
    long expires = nowEpochSecond + 86_400 + Math.floorMod(nonce, 3_600);
    String signature = hex(Seeds.of(h, "sig", expires)) + hex(Seeds.of(h, "sig2", nonce));
    return "https://"
        + host
        + HOST_SUFFIX
        + path(key)
        + "?x-expires="
        + expires
        + "&x-signature="
        + signature.substring(0, 28).toUpperCase(Locale.ROOT);
  }

  private static String hex(long v) {
    return String.format("%016x", v);
  }
}
