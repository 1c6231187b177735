package com.mallrank.crawler.image;

import com.mallrank.crawler.image.ImageFingerprint.SkipReason;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads main images with a byte cap and hashes them, remembering the result by {@link
 * ImageKey}: a re-signed or re-sharded URL of a picture already seen is not downloaded again.
 *
 * <p>The cache is a bounded LRU. Results that belong to the picture (hashed, too large,
 * unsupported, undecodable) are cached; failed downloads are not, so they are retried next time.
 * Thread-safe; two threads asking for the same new key at once may both download it.
 */
public final class ImageFingerprinter {

  /** 4 MiB: a 800×800 JPEG main image is typically 50–300 KiB. */
  public static final int DEFAULT_MAX_BYTES = 4 * 1024 * 1024;

  public static final int DEFAULT_CACHE_SIZE = 10_000;

  private static final Logger log = LoggerFactory.getLogger(ImageFingerprinter.class);

  private final ImageSource source;
  private final int maxBytes;
  private final Map<ImageKey, ImageFingerprint> cache;

  /**
   * @param source where bytes come from
   * @param maxBytes the largest image downloaded; larger ones are skipped as {@link
   *     SkipReason#TOO_LARGE} after reading at most {@code maxBytes + 1} bytes
   * @param cacheSize how many keys to remember
   */
  public ImageFingerprinter(ImageSource source, int maxBytes, int cacheSize) {
    this.source = Objects.requireNonNull(source, "source");
    if (maxBytes < 1 || cacheSize < 1) {
      throw new IllegalArgumentException("maxBytes and cacheSize must be positive");
    }
    this.maxBytes = maxBytes;
    this.cache = new LruMap<>(cacheSize);
  }

  /** Fingerprints one image URL as served (signed query included). Never throws for bad input. */
  public ImageFingerprint fingerprint(String url) {
    return fingerprint(url, source);
  }

  /**
   * {@link #fingerprint(String)}, a download (when the key is not remembered yet) from {@code via}
   * instead: the way of the account that saw the picture. The memory is shared.
   */
  public ImageFingerprint fingerprint(String url, ImageSource via) {
    Objects.requireNonNull(via, "via");
    ImageKey key = ImageKey.of(url);
    if (key == null) {
      return ImageFingerprint.skipped(null, SkipReason.NO_URL, "no image URL");
    }
    ImageFingerprint cached;
    synchronized (cache) {
      cached = cache.get(key);
    }
    if (cached != null) {
      return cached;
    }
    URI uri = toUri(url.strip());
    if (uri == null) {
      return ImageFingerprint.skipped(key, SkipReason.BAD_URL, "not an absolute http(s) URL");
    }
    ImageFingerprint result = download(key, uri, via);
    if (result.skipped() != SkipReason.FETCH_FAILED) {
      synchronized (cache) {
        cache.put(key, result);
      }
    }
    if (!result.hasHash()) {
      log.debug("image {} not hashed: {} ({})", key, result.skipped(), result.detail());
    }
    return result;
  }

  /** How many keys are remembered. */
  public int cachedKeys() {
    synchronized (cache) {
      return cache.size();
    }
  }

  private ImageFingerprint download(ImageKey key, URI uri, ImageSource source) {
    byte[] bytes;
    try (InputStream in = source.open(uri)) {
      bytes = readAtMost(in, maxBytes);
    } catch (IOException e) {
      return ImageFingerprint.skipped(key, SkipReason.FETCH_FAILED, e.getMessage());
    }
    if (bytes == null) {
      return ImageFingerprint.skipped(
          key, SkipReason.TOO_LARGE, "more than " + maxBytes + " bytes");
    }
    try {
      return ImageFingerprint.hashed(key, PerceptualHash.of(bytes));
    } catch (ImageDecodeException e) {
      SkipReason reason =
          e.unsupportedFormat() ? SkipReason.UNSUPPORTED_FORMAT : SkipReason.UNDECODABLE;
      return ImageFingerprint.skipped(key, reason, e.getMessage());
    }
  }

  /** The bytes, or {@code null} as soon as there are more than {@code limit}. */
  private static byte[] readAtMost(InputStream in, int limit) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(limit, 64 * 1024));
    byte[] buffer = new byte[16 * 1024];
    long total = 0;
    int n;
    while ((n = in.read(buffer)) > 0) {
      total += n;
      if (total > limit) {
        return null;
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  /** Absolute http(s) URI; protocol-relative gets https; stray characters are percent-encoded. */
  private static URI toUri(String url) {
    String s = url.startsWith("//") ? "https:" + url : url;
    String lower = s.toLowerCase(Locale.ROOT);
    if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
      return null;
    }
    try {
      return new URI(s);
    } catch (URISyntaxException e) {
      try {
        return new URI(encodeStrays(s));
      } catch (URISyntaxException again) {
        return null;
      }
    }
  }

  private static String encodeStrays(String s) {
    StringBuilder out = new StringBuilder();
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c <= 0x20 || c >= 0x7f || "\"<>\\^`{|}".indexOf(c) >= 0) {
        out.append('%').append(String.format("%02X", c));
      } else {
        out.append((char) c);
      }
    }
    return out.toString();
  }

  private static final class LruMap<K, V> extends LinkedHashMap<K, V> {
    private final int capacity;

    LruMap(int capacity) {
      super(16, 0.75f, true);
      this.capacity = capacity;
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
      return size() > capacity;
    }
  }
}
