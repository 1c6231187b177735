package com.mallrank.crawler.image;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The identity of a picture as far as its URL tells: the URL with everything that changes between
 * requests for the same picture removed (scheme, query string with its signature, fragment, CDN
 * shard host, resize templates).
 *
 * <p>Two URLs with the same key are the same stored picture. Two URLs with different keys are
 * <em>probably</em> different pictures; the rules only fold what is known to be presentation, so a
 * difference in key may still be the same picture re-uploaded (compare {@link PerceptualHash}es for
 * that). Rules, applied in order:
 *
 * <ol>
 *   <li>query ({@code x-expires}, {@code x-signature}, …), fragment, scheme, user info and default
 *       ports are dropped; the host is lower-cased; the path keeps its case (object keys are
 *       case-sensitive) with percent-escapes upper-cased and repeated slashes collapsed;
 *   <li>ByteDance image-x shard hosts ({@code p3-aio.ecombdimg.com}, {@code p6-item.…}, {@code
 *       p9-ecom.sandbox-img.test}, {@code sf6-…}, {@code p26-…}) fold to their family: the {@code
 *       p<n>-}/{@code sf<n>-}/{@code lf<n>-} shard prefix goes, and an {@code aio}/{@code
 *       item}/{@code ecom} variant label goes with it ({@code ecombdimg.com}); on those hosts
 *       {@code /img/} and {@code /obj/} are the same store ({@code /obj/}), everything from the
 *       first {@code ~} of the file name (the template, {@code ~tplv-resize:400:400.jpeg}, {@code
 *       ~noop.image}) and the image extension are dropped;
 *   <li>on any host a {@code ~tplv-…} template suffix is dropped;
 *   <li>alicdn: {@code img}/{@code gw}/{@code gd<n>} hosts fold to {@code img.alicdn.com} and
 *       resize suffixes after the real extension go ({@code x.jpg_300x300q90.jpg_.webp} → {@code
 *       x.jpg});
 *   <li>Amazon: image hosts fold to {@code m.media-amazon.com} and modifiers go ({@code
 *       71ab._AC_UL320_.jpg} → {@code 71ab.jpg}).
 * </ol>
 *
 * @param value the normalised key, e.g. {@code ecombdimg.com/obj/ecom-shop-material/a1b2c3}
 */
public record ImageKey(String value) {

  private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://");
  private static final Pattern SHARD_PREFIX = Pattern.compile("^(?:p|sf|lf)\\d+-(.+)$");
  private static final Set<String> SHARD_VARIANTS = Set.of("aio", "item", "ecom");
  private static final Pattern IMAGE_EXTENSION =
      Pattern.compile(
          "\\.(?:jpe?g|png|webp|gif|bmp|heic|avif|awebp|image)$", Pattern.CASE_INSENSITIVE);
  private static final Pattern ALICDN_HOST =
      Pattern.compile("^(?:img|gw|gd\\d+|g)\\.alicdn\\.com$");
  private static final Pattern ALICDN_SUFFIX =
      Pattern.compile("^(.+?\\.(?:jpe?g|png|gif|webp))_.*$", Pattern.CASE_INSENSITIVE);
  private static final Pattern AMAZON_HOST =
      Pattern.compile("^(?:m\\.media-amazon\\.com|images-[a-z]+\\.ssl-images-amazon\\.com)$");
  private static final Pattern AMAZON_MODIFIERS =
      Pattern.compile("^([^.]+)\\.(?:_[^.]*_\\.)+([A-Za-z]+)$");
  private static final Pattern PERCENT_ESCAPE = Pattern.compile("%[0-9a-fA-F]{2}");

  public ImageKey {
    Objects.requireNonNull(value, "value");
    if (value.isBlank()) {
      throw new IllegalArgumentException("an image key is never blank");
    }
  }

  /**
   * The key of an image URL.
   *
   * @param url an absolute, protocol-relative ({@code //host/…}) or host-relative URL, as served
   * @return its key, or {@code null} when {@code url} is {@code null}, blank, or an inline {@code
   *     data:}/{@code blob:} URL (a lazy-loading placeholder, not the picture)
   */
  public static ImageKey of(String url) {
    if (url == null || url.isBlank()) {
      return null;
    }
    String rest = url.strip();
    String lower = rest.toLowerCase(Locale.ROOT);
    if (lower.startsWith("data:") || lower.startsWith("blob:")) {
      return null;
    }
    int end = indexOfAny(rest, '?', '#');
    if (end >= 0) {
      rest = rest.substring(0, end);
    }
    Matcher scheme = SCHEME.matcher(rest);
    if (scheme.find()) {
      rest = rest.substring(scheme.end());
    } else if (rest.startsWith("//")) {
      rest = rest.substring(2);
    }
    String host;
    String path;
    if (rest.startsWith("/")) {
      host = "";
      path = rest;
    } else {
      int slash = rest.indexOf('/');
      host = slash < 0 ? rest : rest.substring(0, slash);
      path = slash < 0 ? "" : rest.substring(slash);
    }
    String key = normalise(plainHost(host), path);
    return key.isBlank() ? null : new ImageKey(key);
  }

  private static String normalise(String host, String rawPath) {
    String path = rawPath.replaceAll("/{2,}", "/");
    path = PERCENT_ESCAPE.matcher(path).replaceAll(m -> m.group().toUpperCase(Locale.ROOT));
    int lastSlash = path.lastIndexOf('/');
    String dir = path.substring(0, lastSlash + 1);
    String file = path.substring(lastSlash + 1);

    Matcher shard = SHARD_PREFIX.matcher(host);
    if (shard.matches()) {
      host = foldShard(shard.group(1));
      if (dir.startsWith("/img/")) {
        dir = "/obj/" + dir.substring("/img/".length());
      }
      int tilde = file.indexOf('~');
      if (tilde >= 0) {
        file = file.substring(0, tilde);
      }
      file = IMAGE_EXTENSION.matcher(file).replaceFirst("");
    } else if (ALICDN_HOST.matcher(host).matches()) {
      host = "img.alicdn.com";
      file = ALICDN_SUFFIX.matcher(file).replaceFirst("$1");
    } else if (AMAZON_HOST.matcher(host).matches()) {
      host = "m.media-amazon.com";
      file = AMAZON_MODIFIERS.matcher(file).replaceFirst("$1.$2");
    }
    int template = file.indexOf("~tplv-");
    if (template >= 0) {
      file = file.substring(0, template);
    }
    return host + dir + file;
  }

  /** {@code aio.ecombdimg.com} → {@code ecombdimg.com}; {@code ttcdn-tos.pstatp.com} unchanged. */
  private static String foldShard(String unprefixed) {
    int dot = unprefixed.indexOf('.');
    if (dot > 0 && SHARD_VARIANTS.contains(unprefixed.substring(0, dot))) {
      return unprefixed.substring(dot + 1);
    }
    return unprefixed;
  }

  /** Lower case, without user info, default port or trailing dot. */
  private static String plainHost(String authority) {
    String host = authority.substring(authority.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
    if (host.endsWith(":443") || host.endsWith(":80")) {
      host = host.substring(0, host.lastIndexOf(':'));
    }
    if (host.endsWith(".")) {
      host = host.substring(0, host.length() - 1);
    }
    return host;
  }

  private static int indexOfAny(String s, char a, char b) {
    int ia = s.indexOf(a);
    int ib = s.indexOf(b);
    if (ia < 0) {
      return ib;
    }
    return ib < 0 ? ia : Math.min(ia, ib);
  }

  @Override
  public String toString() {
    return value;
  }
}
