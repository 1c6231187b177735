package com.mallrank.index.report;

import com.mallrank.index.document.ListingDocument;
import com.mallrank.index.document.SampleDocument;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The Top-20 per keyword for a slot and a vantage: the sample status of every keyword, and the
 * listings at positions 1..20 ordered by position only for keywords whose sample is ok or partial.
 * A blocked (empty, login-wall, ...) keyword gets its status and no rows, never a table with holes.
 * Two bounded searches: samples, then listings of the ranked keywords. A keyword sampled on two
 * site profiles (surfaces) in the slot gets one entry per profile, in profile order. Behind {@link
 * Reports#top20}.
 */
final class Top20 {

  private final ReportSearches searches;

  /**
   * @param searches the searches, on one site profile or on all
   */
  Top20(ReportSearches searches) {
    this.searches = searches;
  }

  /**
   * Runs the report for several vantages, side by side: one entry per keyword and site profile,
   * each with one view per vantage (a vantage without that sample: {@value
   * KeywordTop20#STATUS_MISSING}). Two searches per vantage, plus one to list the vantages when
   * none are named.
   */
  Top20VantagesReport runVantages(Top20VantagesQuery query) {
    Instant slot = query.slot();
    List<String> vantages = query.vantages() != null ? query.vantages() : searches.vantages(slot);
    List<Top20Report> reports = new ArrayList<>();
    for (String vantage : vantages) {
      reports.add(run(new Top20Query(slot, vantage, query.keywords())));
    }
    // keyword → its profiles (sorted), from every vantage's samples
    Map<String, TreeSet<String>> profiles = new HashMap<>();
    for (Top20Report report : reports) {
      for (KeywordTop20 entry : report.keywords()) {
        TreeSet<String> ofKeyword = profiles.computeIfAbsent(entry.keyword(), k -> new TreeSet<>());
        if (entry.sample() != null) {
          ofKeyword.add(entry.sample().profile());
        }
      }
    }
    List<String> order =
        query.keywords() != null ? query.keywords() : profiles.keySet().stream().sorted().toList();
    List<Top20VantagesReport.KeywordVantages> rows = new ArrayList<>();
    for (String keyword : order) {
      TreeSet<String> ofKeyword = profiles.getOrDefault(keyword, new TreeSet<>());
      List<String> keys =
          ofKeyword.isEmpty() ? Collections.singletonList(null) : List.copyOf(ofKeyword);
      for (String profile : keys) {
        List<KeywordTop20> views = new ArrayList<>();
        for (Top20Report report : reports) {
          views.add(
              report.keywords().stream()
                  .filter(
                      e ->
                          e.keyword().equals(keyword)
                              && e.sample() != null
                              && e.sample().profile().equals(profile))
                  .findFirst()
                  .orElseGet(
                      () ->
                          new KeywordTop20(keyword, KeywordTop20.STATUS_MISSING, null, List.of())));
        }
        rows.add(new Top20VantagesReport.KeywordVantages(keyword, profile, views));
      }
    }
    return new Top20VantagesReport(slot, vantages, rows);
  }

  /** Runs the report. */
  Top20Report run(Top20Query query) {
    Instant slot = query.slot();
    String vantage = query.vantage();
    List<String> requested = query.keywords();
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
    for (ListingDocument listing :
        searches.listings(List.of(slot), vantage, ranked, Top20Query.TOP)) {
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
