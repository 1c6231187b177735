package com.mallrank.index.changes;

import java.time.Duration;
import java.util.Objects;

/**
 * How far change detection looks ({@code batch.changes.*} in {@code application.yml}, the one home
 * of their defaults).
 *
 * @param depth positions loaded from each sample (1..60): listings further down are not compared
 * @param newShopLookback how many earlier ranked samples of the keyword and vantage (the previous
 *     one included) a shop must be absent from to be a {@code new_shop}
 * @param maxGap the oldest the previous ranked sample may be; an older one is not compared (no
 *     events: after a long outage everything would look changed)
 */
public record DetectionSettings(int depth, int newShopLookback, Duration maxGap) {

  /** The most positions compared per sample. */
  public static final int MAX_DEPTH = 60;

  public DetectionSettings {
    if (depth < ListingDiff.TOP || depth > MAX_DEPTH) {
      throw new IllegalArgumentException(
          "depth must be " + ListingDiff.TOP + ".." + MAX_DEPTH + ", got " + depth);
    }
    if (newShopLookback < 1 || newShopLookback > 1_000) {
      throw new IllegalArgumentException("newShopLookback must be 1..1000, got " + newShopLookback);
    }
    Objects.requireNonNull(maxGap, "maxGap");
    if (maxGap.isNegative() || maxGap.isZero()) {
      throw new IllegalArgumentException("maxGap must be positive, got " + maxGap);
    }
  }
}
