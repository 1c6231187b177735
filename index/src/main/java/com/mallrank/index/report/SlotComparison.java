package com.mallrank.index.report;

import com.mallrank.index.document.ListingDocument;
import com.mallrank.index.document.SampleDocument;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * What changed between two slots, per keyword, for one vantage, within the Top-N: matrix-account
 * listings that moved, entered or left; competitors that entered or left; competitor price,
 * commission, main-image and title changes. Listings are matched by product id (a product shown
 * twice counts at its best position). A keyword sampled on several site profiles (surfaces) is
 * compared once per profile, each profile's samples and listings with their own, never merged. A
 * (profile, keyword) is compared only when both samples are ok or partial; otherwise it is reported
 * as not comparable with both statuses. Two bounded searches (samples of both slots, then positions
 * 1..N of the comparable keywords).
 */
final class SlotComparison {

  /** The largest supported depth. */
  static final int MAX_TOP_N = 100;

  private final ReportSearches searches;

  /**
   * @param searches on one site profile (surface), or on every profile (a keyword sampled on two
   *     profiles is then compared once per profile)
   */
  SlotComparison(ReportSearches searches) {
    this.searches = searches;
  }

  /**
   * Compares positions 1..topN.
   *
   * @param before the earlier slot
   * @param after the later slot
   * @param vantage {@code anonymous} or a matrix-account id
   * @param keywords the keywords, in this order; {@code null} or empty for every keyword sampled in
   *     either slot (sorted); each keyword's profiles in profile order
   * @param topN the depth, 1..{@value #MAX_TOP_N}
   */
  ComparisonReport compare(
      Instant before, Instant after, String vantage, List<String> keywords, int topN) {
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
    Objects.requireNonNull(vantage, "vantage");
    if (before.equals(after)) {
      throw new IllegalArgumentException("compare two different slots, got " + before + " twice");
    }
    if (topN < 1 || topN > MAX_TOP_N) {
      throw new IllegalArgumentException("topN must be 1.." + MAX_TOP_N + ", got " + topN);
    }
    List<String> requested =
        keywords == null || keywords.isEmpty() ? null : List.copyOf(new LinkedHashSet<>(keywords));
    // a sample's identity is slot x profile x keyword x vantage: two surfaces are never merged
    Map<List<String>, SampleDocument> samplesBefore = new HashMap<>();
    Map<List<String>, SampleDocument> samplesAfter = new HashMap<>();
    Map<String, Set<String>> profiles = new HashMap<>();
    for (SampleDocument s : searches.samples(List.of(before, after), vantage, requested)) {
      (s.slot().equals(before) ? samplesBefore : samplesAfter)
          .put(key(s.profile(), s.keyword()), s);
      profiles.computeIfAbsent(s.keyword(), k -> new TreeSet<>()).add(String.valueOf(s.profile()));
    }
    List<String> order =
        requested != null ? requested : profiles.keySet().stream().sorted().toList();
    List<String> comparable =
        order.stream()
            .filter(
                k ->
                    profiles.getOrDefault(k, Set.of()).stream()
                        .anyMatch(
                            p ->
                                ranks(samplesBefore.get(key(p, k)))
                                    && ranks(samplesAfter.get(key(p, k)))))
            .toList();
    Map<List<String>, List<ListingDocument>> rowsBefore = new HashMap<>();
    Map<List<String>, List<ListingDocument>> rowsAfter = new HashMap<>();
    for (ListingDocument l : searches.listings(List.of(before, after), vantage, comparable, topN)) {
      (l.slot().equals(before) ? rowsBefore : rowsAfter)
          .computeIfAbsent(key(l.profile(), l.keyword()), k -> new ArrayList<>())
          .add(l);
    }
    List<KeywordComparison> result = new ArrayList<>();
    for (String keyword : order) {
      Set<String> sampledOn = profiles.get(keyword);
      if (sampledOn == null) {
        result.add(
            KeywordComparison.notComparable(
                keyword,
                searches.profile(),
                KeywordTop20.STATUS_MISSING,
                KeywordTop20.STATUS_MISSING));
        continue;
      }
      for (String profile : sampledOn) {
        List<String> key = key(profile, keyword);
        SampleDocument b = samplesBefore.get(key);
        SampleDocument a = samplesAfter.get(key);
        String surface = (b != null ? b : a).profile();
        if (!ranks(b) || !ranks(a)) {
          result.add(KeywordComparison.notComparable(keyword, surface, status(b), status(a)));
        } else {
          result.add(
              compareKeyword(
                  keyword,
                  surface,
                  b.status(),
                  a.status(),
                  rowsBefore.getOrDefault(key, List.of()),
                  rowsAfter.getOrDefault(key, List.of())));
        }
      }
    }
    return new ComparisonReport(before, after, vantage, searches.profile(), topN, result);
  }

  /** The identity of a keyword's sample on one surface (slot and vantage are fixed here). */
  private static List<String> key(String profile, String keyword) {
    return List.of(String.valueOf(profile), keyword);
  }

  private static KeywordComparison compareKeyword(
      String keyword,
      String profile,
      String statusBefore,
      String statusAfter,
      List<ListingDocument> before,
      List<ListingDocument> after) {
    Map<String, ListingDocument> byProductBefore = bestPositionByProduct(before);
    Map<String, ListingDocument> byProductAfter = bestPositionByProduct(after);
    Set<String> products = new LinkedHashSet<>(byProductAfter.keySet());
    products.addAll(byProductBefore.keySet());

    List<RankChange> own = new ArrayList<>();
    List<RankChange> competitors = new ArrayList<>();
    List<FieldChange> changes = new ArrayList<>();
    for (String productId : products) {
      ListingDocument b = byProductBefore.get(productId);
      ListingDocument a = byProductAfter.get(productId);
      ListingDocument latest = a != null ? a : b;
      String account = a != null && a.matrixAccount() != null ? a.matrixAccount() : accountOf(b);
      RankChange.Kind kind;
      if (b == null) {
        kind = RankChange.Kind.ENTERED;
      } else if (a == null) {
        kind = RankChange.Kind.LEFT;
      } else if (a.position() != b.position()) {
        kind = RankChange.Kind.MOVED;
      } else {
        kind = null;
      }
      RankChange change =
          kind == null
              ? null
              : new RankChange(
                  kind,
                  productId,
                  account,
                  latest.title(),
                  latest.shopName(),
                  b == null ? null : b.position(),
                  a == null ? null : a.position());
      if (account != null) {
        if (change != null) {
          own.add(change);
        }
      } else {
        if (change != null && kind != RankChange.Kind.MOVED) {
          competitors.add(change);
        }
        if (a != null && b != null) {
          addChange(changes, FieldChange.Field.PRICE_FEN, b, a, ListingDocument::priceFen);
          addChange(changes, FieldChange.Field.COMMISSION_BP, b, a, ListingDocument::commissionBp);
          addChange(changes, FieldChange.Field.IMAGE_KEY, b, a, ListingDocument::imageKey);
          addChange(changes, FieldChange.Field.TITLE, b, a, ListingDocument::title);
        }
      }
    }
    Comparator<RankChange> byPosition =
        Comparator.comparing(
                (RankChange c) ->
                    c.positionAfter() != null ? c.positionAfter() : c.positionBefore())
            .thenComparing(c -> c.positionAfter() == null ? 1 : 0);
    own.sort(byPosition);
    competitors.sort(byPosition);
    return new KeywordComparison(
        keyword, profile, statusBefore, statusAfter, true, own, competitors, changes);
  }

  private static void addChange(
      List<FieldChange> changes,
      FieldChange.Field field,
      ListingDocument before,
      ListingDocument after,
      Function<ListingDocument, Object> value) {
    Object old = value.apply(before);
    Object now = value.apply(after);
    if (old != null && now != null && !old.equals(now)) {
      changes.add(
          new FieldChange(
              field,
              after.productId(),
              after.shopName(),
              after.title(),
              old.toString(),
              now.toString(),
              before.position(),
              after.position()));
    }
  }

  private static Map<String, ListingDocument> bestPositionByProduct(List<ListingDocument> rows) {
    Map<String, ListingDocument> byProduct = new LinkedHashMap<>();
    rows.stream()
        .sorted(Comparator.comparingInt(ListingDocument::position))
        .forEach(l -> byProduct.putIfAbsent(l.productId(), l));
    return byProduct;
  }

  private static String accountOf(ListingDocument listing) {
    return listing == null ? null : listing.matrixAccount();
  }

  private static boolean ranks(SampleDocument sample) {
    return sample != null && sample.producesRanks();
  }

  private static String status(SampleDocument sample) {
    return sample == null ? KeywordTop20.STATUS_MISSING : sample.status();
  }
}
