package com.mallrank.index.report;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * The question of a Top-20 report ({@link Reports#top20}): one slot, one vantage, some keywords.
 *
 * @param slot the slot
 * @param vantage {@code anonymous} or a matrix-account id
 * @param keywords the keywords to report, in this order, duplicates dropped (keywords without a
 *     sample get status {@value KeywordTop20#STATUS_MISSING}); {@code null} for every keyword
 *     sampled in the slot from the vantage (an empty list is read as {@code null})
 */
public record Top20Query(Instant slot, String vantage, List<String> keywords) {

  /** The first screen: the positions that get the clicks. */
  public static final int TOP = 20;

  public Top20Query {
    Objects.requireNonNull(slot, "slot");
    Objects.requireNonNull(vantage, "vantage");
    keywords =
        keywords == null || keywords.isEmpty() ? null : List.copyOf(new LinkedHashSet<>(keywords));
  }
}
