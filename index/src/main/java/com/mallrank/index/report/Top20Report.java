package com.mallrank.index.report;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The Top-20 of several keywords for one slot and vantage.
 *
 * @param slot the slot
 * @param vantage the vantage
 * @param keywords one entry per keyword: in the requested order, or sorted when all keywords were
 *     asked for
 */
public record Top20Report(Instant slot, String vantage, List<KeywordTop20> keywords) {

  public Top20Report {
    keywords = List.copyOf(keywords);
  }

  /** The entry of one keyword, if it is in the report. */
  public Optional<KeywordTop20> keyword(String keyword) {
    return keywords.stream().filter(k -> k.keyword().equals(keyword)).findFirst();
  }
}
