package com.mallrank.index.report;

import java.time.Instant;

/**
 * A keyword whose samples on one profile turned {@code layout_changed} in a window: how often, the
 * latest such slot, whether evidence was kept, and the last slot it produced ranks (before or after
 * the change), which together say whether {@code profile repair} can propose a fix.
 *
 * @param profile the site profile (surface)
 * @param keyword the keyword
 * @param samples layout_changed samples in the window
 * @param lastChanged the latest slot with a layout_changed sample in the window
 * @param withEvidence how many of them kept their evidence
 * @param lastRanked the latest slot with an ok/partial sample up to the window's end, or {@code
 *     null}
 */
public record LayoutChangeRow(
    String profile,
    String keyword,
    long samples,
    Instant lastChanged,
    long withEvidence,
    Instant lastRanked) {

  /** Whether a repair can be proposed: evidence kept and an earlier sample with ranks. */
  public boolean repairable() {
    return withEvidence > 0 && lastRanked != null && lastRanked.isBefore(lastChanged);
  }

  /** Whether the keyword produced ranks again after its latest layout change. */
  public boolean recovered() {
    return lastRanked != null && lastRanked.isAfter(lastChanged);
  }
}
