package com.mallrank.crawler.image;

/**
 * Whether a listing's main image (主图) changed between two samples, and on what evidence.
 *
 * <p>Rules: no key on either side → {@link Verdict#UNKNOWN} (a card without an image says nothing
 * about the picture); equal keys → {@link Verdict#SAME} (the same stored picture, re-signed or
 * re-sized); different keys with both hashes → {@link Verdict#SAME} when within {@link
 * PerceptualHash#SAME_PICTURE_MAX_DISTANCE} (the same picture uploaded again), else {@link
 * Verdict#CHANGED}; different keys without both hashes → {@link Verdict#CHANGED} by key.
 *
 * @param verdict the decision
 * @param basis what decided it
 * @param hashDistance the Hamming distance when hashes decided, else {@code null}
 */
public record MainImageComparison(Verdict verdict, Basis basis, Integer hashDistance) {

  /** The decision. */
  public enum Verdict {
    SAME,
    CHANGED,
    UNKNOWN
  }

  /** The evidence behind a verdict. */
  public enum Basis {
    /** One side has no image URL. */
    MISSING_IMAGE,
    /** The image keys alone. */
    KEY,
    /** The perceptual hashes. */
    HASH
  }

  /** Compares the image of the earlier sample with the later one. */
  public static MainImageComparison compare(MainImage before, MainImage after) {
    if (before == null || after == null || before.key() == null || after.key() == null) {
      return new MainImageComparison(Verdict.UNKNOWN, Basis.MISSING_IMAGE, null);
    }
    if (before.key().equals(after.key())) {
      return new MainImageComparison(Verdict.SAME, Basis.KEY, null);
    }
    if (before.hash() != null && after.hash() != null) {
      int distance = PerceptualHash.hammingDistance(before.hash(), after.hash());
      Verdict verdict =
          distance <= PerceptualHash.SAME_PICTURE_MAX_DISTANCE ? Verdict.SAME : Verdict.CHANGED;
      return new MainImageComparison(verdict, Basis.HASH, distance);
    }
    return new MainImageComparison(Verdict.CHANGED, Basis.KEY, null);
  }

  /** Whether the picture changed. */
  public boolean changed() {
    return verdict == Verdict.CHANGED;
  }
}
