package com.mallrank.index.report;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What changed between two slots for one vantage.
 *
 * @param before the earlier slot
 * @param after the later slot
 * @param vantage the vantage
 * @param profile the site profile (surface) the report was restricted to, or {@code null} for every
 *     profile
 * @param topN the compared depth (positions 1..topN)
 * @param keywords one entry per keyword and site profile it was sampled on: by keyword (in the
 *     requested order, else sorted), then profile
 */
public record ComparisonReport(
    Instant before,
    Instant after,
    String vantage,
    String profile,
    int topN,
    List<KeywordComparison> keywords) {

  public ComparisonReport {
    keywords = List.copyOf(keywords);
  }

  /** The first entry of one keyword (its first profile), if it is in the report. */
  public Optional<KeywordComparison> keyword(String keyword) {
    return keywords.stream().filter(k -> k.keyword().equals(keyword)).findFirst();
  }

  /** The entry of one keyword on one profile, if it is in the report. */
  public Optional<KeywordComparison> keyword(String profile, String keyword) {
    return keywords.stream()
        .filter(k -> k.keyword().equals(keyword) && Objects.equals(k.profile(), profile))
        .findFirst();
  }

  /**
   * The profiles the report covers, sorted: the one it was restricted to, else those of its
   * entries. One profile is named once by a reader; several name theirs on each entry.
   */
  public List<String> profiles() {
    if (profile != null) {
      return List.of(profile);
    }
    TreeSet<String> profiles = new TreeSet<>();
    keywords.stream()
        .map(KeywordComparison::profile)
        .filter(Objects::nonNull)
        .forEach(profiles::add);
    return List.copyOf(profiles);
  }
}
