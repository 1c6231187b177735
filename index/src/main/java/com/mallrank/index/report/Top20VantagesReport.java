package com.mallrank.index.report;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The Top-20 of several keywords in one slot as several vantages saw it, side by side.
 *
 * @param slot the slot
 * @param vantages the vantages, in column order
 * @param keywords one entry per keyword and site profile (surface): in the requested order, or
 *     sorted; a keyword sampled on two profiles has two entries, in profile order
 */
public record Top20VantagesReport(
    Instant slot, List<String> vantages, List<KeywordVantages> keywords) {

  public Top20VantagesReport {
    Objects.requireNonNull(slot, "slot");
    vantages = List.copyOf(vantages);
    keywords = List.copyOf(keywords);
    for (KeywordVantages keyword : keywords) {
      if (keyword.views().size() != vantages.size()) {
        throw new IllegalArgumentException(
            keyword.keyword()
                + " has "
                + keyword.views().size()
                + " views for "
                + vantages.size()
                + " vantages");
      }
    }
  }

  /**
   * One keyword on one site profile, as each vantage saw it.
   *
   * @param keyword the keyword
   * @param profile the site profile of the samples, or {@code null} when no vantage has a sample
   * @param views one Top-20 per vantage, in the report's vantage order; a vantage without a sample
   *     of this keyword and profile has status {@value KeywordTop20#STATUS_MISSING} and no listings
   */
  public record KeywordVantages(String keyword, String profile, List<KeywordTop20> views) {

    public KeywordVantages {
      Objects.requireNonNull(keyword, "keyword");
      views = List.copyOf(views);
    }

    /** Whether any vantage has ranks for this keyword (an ok or partial sample). */
    public boolean ranked() {
      return views.stream().anyMatch(KeywordTop20::ranked);
    }
  }
}
