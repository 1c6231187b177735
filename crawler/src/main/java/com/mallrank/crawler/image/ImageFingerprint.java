package com.mallrank.crawler.image;

import java.util.Objects;

/**
 * What {@link ImageFingerprinter} learnt about one main image URL.
 *
 * @param key the URL's key, or {@code null} when there was no URL
 * @param hash the {@link PerceptualHash}, or {@code null} when the image was not hashed
 * @param skipped why there is no hash; {@code null} exactly when {@code hash} is present
 * @param detail a human-readable detail for {@code skipped} (no query strings), or {@code null}
 */
public record ImageFingerprint(ImageKey key, Long hash, SkipReason skipped, String detail) {

  /** Why an image has no hash. */
  public enum SkipReason {
    /** The listing has no image URL. */
    NO_URL,
    /** The URL is not an absolute http(s) URL. */
    BAD_URL,
    /** The download failed: network error, timeout or non-2xx status. Not cached: may recover. */
    FETCH_FAILED,
    /** The image is larger than the byte cap. */
    TOO_LARGE,
    /** No decoder for the format (WebP, AVIF, …). */
    UNSUPPORTED_FORMAT,
    /** A known format whose bytes did not decode. */
    UNDECODABLE
  }

  public ImageFingerprint {
    if ((hash == null) == (skipped == null)) {
      throw new IllegalArgumentException("exactly one of hash and skipped must be present");
    }
  }

  /** A hashed image. */
  public static ImageFingerprint hashed(ImageKey key, long hash) {
    return new ImageFingerprint(Objects.requireNonNull(key, "key"), hash, null, null);
  }

  /** An image without hash, and why. */
  public static ImageFingerprint skipped(ImageKey key, SkipReason reason, String detail) {
    return new ImageFingerprint(key, null, Objects.requireNonNull(reason, "reason"), detail);
  }

  /** Whether {@link #hash()} is present. */
  public boolean hasHash() {
    return hash != null;
  }
}
