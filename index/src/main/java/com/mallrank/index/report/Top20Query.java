package com.mallrank.index.report;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.mallrank.index.document.ListingDocument;
import com.mallrank.index.document.SampleDocument;
import com.mallrank.index.schema.IndexNames;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The Top-20 per keyword for a slot and a vantage: the sample status of every keyword, and the
 * listings at positions 1..20 ordered by position only for keywords whose sample is ok or partial.
 * A blocked (empty, login-wall, ...) keyword gets its status and no rows, never a table with holes.
 * Two bounded searches: samples, then listings of the ranked keywords.
 */
public final class Top20Query {

  /** The first screen: the positions that get the clicks. */
  public static final int TOP = 20;

  private final ReportSearches searches;

  public Top20Query(ElasticsearchClient client, IndexNames names) {
    this.searches =
        new ReportSearches(
            Objects.requireNonNull(client, "client"), Objects.requireNonNull(names, "names"));
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
    Map<String, SampleDocument> samples = new HashMap<>();
    for (SampleDocument sample : searches.samples(List.of(slot), vantage, requested)) {
      samples.put(sample.keyword(), sample);
    }
    List<String> order =
        requested != null ? requested : samples.keySet().stream().sorted().toList();
    List<String> ranked =
        order.stream()
            .filter(k -> samples.containsKey(k) && samples.get(k).producesRanks())
            .toList();
    Map<String, List<ListingDocument>> rows = new HashMap<>();
    for (ListingDocument listing : searches.listings(List.of(slot), vantage, ranked, TOP)) {
      rows.computeIfAbsent(listing.keyword(), k -> new ArrayList<>()).add(listing);
    }
    List<KeywordTop20> result = new ArrayList<>();
    for (String keyword : order) {
      SampleDocument sample = samples.get(keyword);
      if (sample == null) {
        result.add(new KeywordTop20(keyword, KeywordTop20.STATUS_MISSING, null, List.of()));
      } else if (!sample.producesRanks()) {
        result.add(new KeywordTop20(keyword, sample.status(), sample, List.of()));
      } else {
        result.add(
            new KeywordTop20(
                keyword, sample.status(), sample, rows.getOrDefault(keyword, List.of())));
      }
    }
    return new Top20Report(slot, vantage, result);
  }
}
