package com.mallrank.crawler.image;

/**
 * A listing's main image as observed in one sample.
 *
 * @param url the URL as served, or {@code null}
 * @param key its {@link ImageKey}, or {@code null} when there is no URL
 * @param hash its {@link PerceptualHash}, or {@code null} when not hashed
 */
public record MainImage(String url, ImageKey key, Long hash) {

  public MainImage {
    if (key == null && url != null) {
      key = ImageKey.of(url);
    }
  }

  /** An image known by URL only. */
  public static MainImage of(String url) {
    return new MainImage(url, null, null);
  }

  /** An image with what {@link ImageFingerprinter} found for it. */
  public static MainImage of(String url, ImageFingerprint fingerprint) {
    return new MainImage(url, fingerprint.key(), fingerprint.hash());
  }
}
