package com.mallrank.index.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.groups.Tuple.tuple;

import com.mallrank.index.document.ListingDocument;
import com.mallrank.index.report.CoverageReport.Basis;
import com.mallrank.index.testing.Fixtures;
import com.mallrank.index.testing.LocalElasticsearchTest;
import com.mallrank.index.testing.TestIndices;
import com.mallrank.index.write.Snapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@LocalElasticsearchTest
class CoverageIT {

  private static final String ANON = Fixtures.ANONYMOUS;
  private static final Instant T0 = Instant.parse("2026-11-28T13:00:00Z");
  private static final Instant T1 = Instant.parse("2026-11-28T14:00:00Z");
  private static final Instant T2 = Instant.parse("2026-11-28T15:00:00Z");
  private static final Instant T3 = Instant.parse("2026-11-28T16:00:00Z");

  @Test
  void gridSharesCannibalisationGapsAndNearMissesAreExact(TestIndices es) {
    es.bootstrap();
    es.writer()
        .writeAll(
            List.of(
                ok(T1, "a", ANON, 20, Map.of(3, "acct-1", 15, "acct-2")),
                ok(T2, "a", ANON, 20, Map.of(5, "acct-1")),
                Fixtures.snapshot(T3, "a", ANON, "blocked", 0),
                ok(T1, "a", "acct-1", 20, Map.of(1, "acct-1")),
                ok(T1, "b", ANON, 25, Map.of(25, "acct-2", 22, "acct-3")),
                ok(T2, "b", ANON, 20, Map.of()),
                ok(T1, "c", ANON, 60, Map.of(55, "acct-1", 58, "acct-2", 60, "acct-2")),
                ok(T1, "d", ANON, 20, Map.of()),
                ok(T0, "d", ANON, 20, Map.of(2, "acct-1")),
                Fixtures.snapshot(T1, "e", ANON, "blocked", 0),
                ok(T1, "f", ANON, 30, Map.of(20, "acct-3", 30, "acct-3"))));

    CoverageReport report =
        new Reports(es.client(), es.names()).coverage(T1, T3.plusSeconds(3600), null, null);

    assertThat(report.cells())
        .extracting(
            CoverageReport.Cell::keyword,
            CoverageReport.Cell::account,
            CoverageReport.Cell::bestRank,
            CoverageReport.Cell::samplesInTop20)
        .containsExactly(
            tuple("a", "acct-1", 1, 3L),
            tuple("a", "acct-2", 15, 1L),
            tuple("f", "acct-3", 20, 1L));
    assertThat(report.top20Positions()).isEqualTo(160);
    assertThat(report.shares())
        .extracting(CoverageReport.Share::account, CoverageReport.Share::heldPositions)
        .containsExactly(tuple("acct-1", 3L), tuple("acct-2", 1L), tuple("acct-3", 1L));
    assertThat(report.shares().get(0).share()).isCloseTo(3 / 160.0, within(1e-9));
    assertThat(report.cannibalisation())
        .containsExactly(
            new CoverageReport.Cannibalisation("a", List.of("acct-1", "acct-2"), 1, T1));
    assertThat(report.gaps())
        .containsExactly(
            new CoverageReport.Gap("b", "acct-3", Basis.NEAR_MISS, 22),
            new CoverageReport.Gap("c", "acct-2", Basis.PRESENCE, null),
            new CoverageReport.Gap("d", null, Basis.NONE, null));
    assertThat(report.nearMisses())
        .containsExactly(
            new CoverageReport.NearMiss("b", "acct-2", "own-acct-2-25", "b 商品 25", "acct-2", 25, 1),
            new CoverageReport.NearMiss("b", "acct-3", "own-acct-3-22", "b 商品 22", "acct-3", 22, 1),
            new CoverageReport.NearMiss(
                "f", "acct-3", "own-acct-3-30", "f 商品 30", "acct-3", 30, 1));
    assertThat(report.unranked()).containsExactly("e");
  }

  @Test
  void keywordAndVantageFiltersNarrowTheReport(TestIndices es) {
    es.bootstrap();
    es.writer()
        .writeAll(
            List.of(
                ok(T1, "a", ANON, 20, Map.of(3, "acct-1", 15, "acct-2")),
                ok(T1, "a", "acct-1", 20, Map.of(1, "acct-1")),
                ok(T1, "d", ANON, 20, Map.of())));

    CoverageReport report =
        new Reports(es.client(), es.names()).coverage(T1, T2, List.of("a"), List.of("acct-1"));

    assertThat(report.cells())
        .extracting(CoverageReport.Cell::keyword, CoverageReport.Cell::account)
        .containsExactly(tuple("a", "acct-1"));
    assertThat(report.cannibalisation()).isEmpty();
    assertThat(report.gaps()).isEmpty();
    assertThat(report.top20Positions()).isEqualTo(20);
  }

  /** An ok sample with {@code count} listings; own products at the given positions. */
  static Snapshot ok(
      Instant slot, String keyword, String vantage, int count, Map<Integer, String> own) {
    List<ListingDocument> rows = new ArrayList<>();
    for (int position = 1; position <= count; position++) {
      var listing = Fixtures.listing(slot, keyword, vantage, position);
      String account = own.get(position);
      if (account != null) {
        listing
            .productId("own-" + account + "-" + position)
            .matrixAccount(account)
            .shop("shop-" + account, account);
      }
      rows.add(listing.build());
    }
    return new Snapshot(Fixtures.sample(slot, keyword, vantage, "ok", count), rows);
  }
}
