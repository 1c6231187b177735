package com.mallrank.crawler.repair;

import com.mallrank.crawler.model.Listing;
import com.mallrank.crawler.model.ResultPage;
import com.mallrank.crawler.profile.FieldName;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a profile really extracts from the new page, compared with the known listings: each
 * extracted listing is paired with the known listing of its product id, and each field counts the
 * pairs whose values agree ({@link KnownValues#agree}). The repair's verdict is taken from this,
 * the extractor's own reading, never from the induction's.
 *
 * @param page what the profile extracted
 * @param matched extracted listings paired with a known listing
 * @param fields per field with known values on paired listings: agreeing and total
 * @param ads the ad flags read against the known ones ({@link AdCounts})
 * @param sponsoredMisses the first listings whose ad flag differs from their known listing's
 */
record Verification(
    ResultPage page,
    int matched,
    Map<FieldName, FieldCheck> fields,
    AdCounts ads,
    List<String> sponsoredMisses) {

  /** The first few disagreements listed per field. */
  static final int LISTED = 3;

  /**
   * One field.
   *
   * @param agree paired listings whose value is the known one
   * @param total paired listings whose known listing has a value
   * @param misses the first {@value #LISTED} that differ: position, id, known and read value
   */
  record FieldCheck(int agree, int total, List<String> misses) {}

  static Verification of(ResultPage page, List<Listing> known) {
    Map<String, Deque<Listing>> byId = new HashMap<>();
    for (Listing listing : known) {
      byId.computeIfAbsent(listing.productId(), k -> new ArrayDeque<>()).add(listing);
    }
    Map<FieldName, int[]> counts = new EnumMap<>(FieldName.class);
    Map<FieldName, List<String>> misses = new EnumMap<>(FieldName.class);
    int matched = 0;
    List<String> ids = new ArrayList<>();
    List<Boolean> knownAds = new ArrayList<>();
    List<Boolean> readAds = new ArrayList<>();
    List<String> sponsoredMisses = new ArrayList<>();
    for (Listing read : page.listings()) {
      Deque<Listing> pending = byId.get(read.productId());
      Listing expected = pending == null ? null : pending.poll();
      if (expected == null) {
        continue;
      }
      matched++;
      ids.add(read.productId());
      knownAds.add(expected.sponsored());
      readAds.add(read.sponsored());
      if (read.sponsored() != expected.sponsored() && sponsoredMisses.size() < LISTED) {
        sponsoredMisses.add(
            "#"
                + read.position()
                + " "
                + read.productId()
                + ": known "
                + (expected.sponsored() ? "ad" : "organic")
                + ", read "
                + (read.sponsored() ? "ad" : "organic"));
      }
      for (FieldName field : FieldName.values()) {
        String want = KnownValues.of(expected, field);
        if (want == null) {
          continue;
        }
        String got = KnownValues.of(read, field);
        int[] c = counts.computeIfAbsent(field, f -> new int[2]);
        c[1]++;
        if (KnownValues.agree(field, want, got)) {
          c[0]++;
        } else {
          List<String> listed = misses.computeIfAbsent(field, f -> new ArrayList<>());
          if (listed.size() < LISTED) {
            listed.add(
                "#"
                    + read.position()
                    + " "
                    + read.productId()
                    + ": known "
                    + want
                    + ", read "
                    + got);
          }
        }
      }
    }
    Map<FieldName, FieldCheck> fields = new EnumMap<>(FieldName.class);
    counts.forEach(
        (field, c) ->
            fields.put(field, new FieldCheck(c[0], c[1], misses.getOrDefault(field, List.of()))));
    return new Verification(
        page, matched, fields, AdCounts.of(ids, knownAds, readAds), sponsoredMisses);
  }
}
