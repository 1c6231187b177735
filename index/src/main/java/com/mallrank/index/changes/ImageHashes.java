package com.mallrank.index.changes;

import java.util.HexFormat;

/**
 * Perceptual hashes as stored on listings ({@code image_hash}: 16 hex digits, a 64-bit hash). The
 * crawler computes them; the index only compares two stored values.
 */
public final class ImageHashes {

  /** The largest Hamming distance at which two hashes are taken as the same picture. */
  public static final int SAME_PICTURE_MAX_DISTANCE = 10;

  private ImageHashes() {}

  /**
   * Whether both hashes are present, valid and within {@link #SAME_PICTURE_MAX_DISTANCE}. A missing
   * or malformed hash never makes two pictures the same.
   */
  public static boolean samePicture(String a, String b) {
    Integer distance = distance(a, b);
    return distance != null && distance <= SAME_PICTURE_MAX_DISTANCE;
  }

  /** The Hamming distance of two 16-hex-digit hashes, or {@code null} when either is unusable. */
  public static Integer distance(String a, String b) {
    Long x = parse(a);
    Long y = parse(b);
    return x == null || y == null ? null : Long.bitCount(x ^ y);
  }

  private static Long parse(String hex) {
    if (hex == null || hex.length() != 16) {
      return null;
    }
    for (int i = 0; i < hex.length(); i++) {
      if (Character.digit(hex.charAt(i), 16) < 0) {
        return null;
      }
    }
    return HexFormat.fromHexDigitsToLong(hex);
  }
}
