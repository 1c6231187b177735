package com.mallrank.index.report;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.mallrank.index.document.ListingDocument;
import com.mallrank.index.document.SampleDocument;
import com.mallrank.index.schema.IndexNames;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The Top-20 per keyword for a slot and a vantage: the sample status of every keyword, and the
 * listings at positions 1..20 ordered by position only for keywords whose sample is ok or partial.
 * A blocked (empty, login-wall, ...) keyword gets its status and no rows, never a table with holes.
 * Two bounded searches: samples, then listings of the ranked keywords. A keyword sampled on two
 * site profiles (surfaces) in the slot gets one entry per profile, in profile order.
 */
public final class Top20Query {

  /** The first screen: the positions that get the clicks. */
  public static final int TOP = 20;

  private final ReportSearches searches;

  public Top20Query(ElasticsearchClient client, IndexNames names) {
    this(
        new ReportSearches(
            Objects.requireNonNull(client, "client"), Objects.requireNonNull(names, "names")));
  }

  private Top20Query(ReportSearches searches) {
    this.searches = searches;
  }

  /** This report on one site profile (surface) only; {@code null} for every profile. */
  public Top20Query onProfile(String profile) {
    return new Top20Query(searches.onProfile(profile));
  }

  /**
   * Runs the report.
   *
   * @param slot the slot
   * @param vantage {@code anonymous} or a matrix-account id
   * @param keywords the keywords to report, in this order (keywords without a sample get status
   *     {@value KeywordTop20#STATUS_MISSING}); {@code null} or empty for every keyword sampled in
   *     the slot from the vantage
   */
  public Top20Report run(Instant slot, String vantage, List<String> keywords) {
    Objects.requireNonNull(slot, "slot");
    Objects.requireNonNull(vantage, "vantage");
    List<String> requested =
        keywords == null || keywords.isEmpty() ? null : List.copyOf(new LinkedHashSet<>(keywords));
    // one entry per sample: a keyword sampled on two profiles (surfaces) is two Top-20s
    Map<String, List<SampleDocument>> samples = new HashMap<>();
    for (SampleDocument sample : searches.samples(List.of(slot), vantage, requested)) {
      samples.computeIfAbsent(sample.keyword(), k -> new ArrayList<>()).add(sample);
    }
    samples.values().forEach(list -> list.sort(Comparator.comparing(SampleDocument::profile)));
    List<String> order =
        requested != null ? requested : samples.keySet().stream().sorted().toList();
    List<String> ranked =
        order.stream()
            .filter(
                k ->
                    samples.getOrDefault(k, List.of()).stream()
                        .anyMatch(SampleDocument::producesRanks))
            .toList();
    Map<List<String>, List<ListingDocument>> rows = new HashMap<>();
    for (ListingDocument listing : searches.listings(List.of(slot), vantage, ranked, TOP)) {
      rows.computeIfAbsent(
              List.of(listing.keyword(), String.valueOf(listing.profile())), k -> new ArrayList<>())
          .add(listing);
    }
    List<KeywordTop20> result = new ArrayList<>();
    for (String keyword : order) {
      List<SampleDocument> ofKeyword = samples.get(keyword);
      if (ofKeyword == null) {
        result.add(new KeywordTop20(keyword, KeywordTop20.STATUS_MISSING, null, List.of()));
        continue;
      }
      for (SampleDocument sample : ofKeyword) {
        if (!sample.producesRanks()) {
          result.add(new KeywordTop20(keyword, sample.status(), sample, List.of()));
        } else {
          result.add(
              new KeywordTop20(
                  keyword,
                  sample.status(),
                  sample,
                  rows.getOrDefault(List.of(keyword, sample.profile()), List.of())));
        }
      }
    }
    return new Top20Report(slot, vantage, result);
  }
}
