package com.mallrank.index.report;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What changed between two slots for one vantage.
 *
 * @param before the earlier slot
 * @param after the later slot
 * @param vantage the vantage
 * @param topN the compared depth (positions 1..topN)
 * @param keywords one entry per keyword
 */
public record ComparisonReport(
    Instant before, Instant after, String vantage, int topN, List<KeywordComparison> keywords) {

  public ComparisonReport {
    keywords = List.copyOf(keywords);
  }

  /** The entry of one keyword, if it is in the report. */
  public Optional<KeywordComparison> keyword(String keyword) {
    return keywords.stream().filter(k -> k.keyword().equals(keyword)).findFirst();
  }
}
