package com.mallrank.batch.sample;

import java.util.List;

/**
 * One sample to take in a slot: a keyword of a group, searched from one vantage.
 *
 * @param group the keyword group
 * @param keyword the keyword
 * @param vantage {@code anonymous} or a matrix-account id
 * @param profile the site profile id
 * @param depth how many listings to capture (the deepest of the groups sharing the sample)
 * @param sharedWith the other groups of the same profile that sample this keyword from this vantage
 *     (see {@link com.mallrank.batch.plan.SharedSamples}): when one of them already stored the
 *     sample in this slot, it serves this group too and nothing is fetched
 */
public record SampleTask(
    String group,
    String keyword,
    String vantage,
    String profile,
    int depth,
    List<String> sharedWith) {

  public SampleTask {
    sharedWith = sharedWith == null ? List.of() : List.copyOf(sharedWith);
  }

  /** A task no other group shares. */
  public SampleTask(String group, String keyword, String vantage, String profile, int depth) {
    this(group, keyword, vantage, profile, depth, List.of());
  }
}
