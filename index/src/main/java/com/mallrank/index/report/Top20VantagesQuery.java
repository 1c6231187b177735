package com.mallrank.index.report;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * The question of a side-by-side Top-20 ({@link Reports#top20Vantages}): one slot, several vantages
 * (the anonymous one and matrix accounts), some keywords.
 *
 * @param slot the slot
 * @param vantages the vantages, in this order, duplicates dropped; {@code null} (or empty) for
 *     every vantage sampled in the slot ({@code anonymous} first, then the accounts sorted)
 * @param keywords the keywords, in this order, duplicates dropped; {@code null} (or empty) for
 *     every keyword sampled in the slot from any of the vantages (sorted)
 */
public record Top20VantagesQuery(Instant slot, List<String> vantages, List<String> keywords) {

  public Top20VantagesQuery {
    Objects.requireNonNull(slot, "slot");
    vantages = distinct(vantages);
    keywords = distinct(keywords);
    if (vantages != null) {
      for (String vantage : vantages) {
        if (vantage == null || vantage.isBlank()) {
          throw new IllegalArgumentException("a vantage name is empty");
        }
      }
    }
  }

  private static List<String> distinct(List<String> values) {
    return values == null || values.isEmpty() ? null : List.copyOf(new LinkedHashSet<>(values));
  }
}
