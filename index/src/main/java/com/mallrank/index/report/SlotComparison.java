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
 * twice counts at its best position). A keyword is compared only when both samples are ok or
 * partial; otherwise it is reported as not comparable with both statuses. Two bounded searches
 * (samples of both slots, then positions 1..N of the comparable keywords).
 */
final class SlotComparison {

  /** The largest supported depth. */
  static final int MAX_TOP_N = 100;

  private final ReportSearches searches;

  /**
   * @param searches on one site profile (surface), or on every profile (right only when the
   *     keywords were sampled on one profile: a keyword sampled on two has two samples per slot)
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
   *     either slot (sorted)
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
    Map<String, SampleDocument> samplesBefore = new HashMap<>();
    Map<String, SampleDocument> samplesAfter = new HashMap<>();
    Set<String> sampled = new TreeSet<>();
    for (SampleDocument s : searches.samples(List.of(before, after), vantage, requested)) {
      SampleDocument other =
          (s.slot().equals(before) ? samplesBefore : samplesAfter).put(s.keyword(), s);
      if (other != null) {
        throw new IllegalArgumentException(
            "keyword '"
                + s.keyword()
                + "' was sampled on two site profiles ("
                + other.profile()
                + ", "
                + s.profile()
                + ") in "
                + s.slot()
                + "; choose one with --profile");
      }
      sampled.add(s.keyword());
    }
    List<String> order = requested != null ? requested : List.copyOf(sampled);
    List<String> comparable =
        order.stream()
            .filter(k -> ranks(samplesBefore.get(k)) && ranks(samplesAfter.get(k)))
            .toList();
    Map<String, List<ListingDocument>> rowsBefore = new HashMap<>();
    Map<String, List<ListingDocument>> rowsAfter = new HashMap<>();
    for (ListingDocument l : searches.listings(List.of(before, after), vantage, comparable, topN)) {
      (l.slot().equals(before) ? rowsBefore : rowsAfter)
          .computeIfAbsent(l.keyword(), k -> new ArrayList<>())
          .add(l);
    }
    List<KeywordComparison> result = new ArrayList<>();
    for (String keyword : order) {
      SampleDocument b = samplesBefore.get(keyword);
      SampleDocument a = samplesAfter.get(keyword);
      if (!ranks(b) || !ranks(a)) {
        result.add(KeywordComparison.notComparable(keyword, status(b), status(a)));
      } else {
        result.add(
            compareKeyword(
                keyword,
                b.status(),
                a.status(),
                rowsBefore.getOrDefault(keyword, List.of()),
                rowsAfter.getOrDefault(keyword, List.of())));
      }
    }
    return new ComparisonReport(before, after, vantage, topN, result);
  }

  private static KeywordComparison compareKeyword(
      String keyword,
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
        keyword, statusBefore, statusAfter, true, own, competitors, changes);
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
