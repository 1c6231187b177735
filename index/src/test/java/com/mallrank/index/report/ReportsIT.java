package com.mallrank.index.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import com.mallrank.index.document.ChangeEvent;
import com.mallrank.index.testing.Fixtures;
import com.mallrank.index.testing.LocalElasticsearchTest;
import com.mallrank.index.testing.TestIndices;
import com.mallrank.index.write.BulkResponses;
import com.mallrank.index.write.Snapshot;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@LocalElasticsearchTest
class ReportsIT {

  private static final String ANON = Fixtures.ANONYMOUS;
  private static final Instant T1 = Instant.parse("2026-11-28T14:00:00Z");
  private static final Instant T2 = Instant.parse("2026-11-28T15:00:00Z");
  private static final Instant T3 = Instant.parse("2026-11-28T16:00:00Z");
  private static final Instant T4 = Instant.parse("2026-11-28T17:00:00Z");

  @Test
  void rankHistoryGivesPositionsPerSlotAndMovementAcrossABlockedSlot(TestIndices es) {
    es.bootstrap();
    es.writer()
        .writeAll(
            List.of(
                CoverageIT.ok(T1, "a", ANON, 20, Map.of(5, "acct-1")),
                Fixtures.snapshot(T2, "a", ANON, "blocked", 0),
                CoverageIT.ok(T3, "a", ANON, 20, Map.of(2, "acct-1")),
                CoverageIT.ok(T4, "a", ANON, 20, Map.of())));
    // the own product keeps one id across slots
    List<RankSeries> series =
        reports(es)
            .history(
                T1, T4.plusSeconds(1), null, null, List.of("own-acct-1-5", "own-acct-1-2", "p3"));

    assertThat(series)
        .extracting(RankSeries::productId, s -> s.points().size())
        .containsExactly(tuple("own-acct-1-2", 1), tuple("own-acct-1-5", 1), tuple("p3", 3));
    assertThat(series.get(2).points())
        .extracting(RankSeries.Point::slot, RankSeries.Point::position, RankSeries.Point::movement)
        .containsExactly(tuple(T1, 3, null), tuple(T3, 3, 0), tuple(T4, 3, 0));
    List<RankSeries> own = reports(es).history(T1, T4.plusSeconds(1), null, null, null);
    assertThat(own)
        .extracting(RankSeries::productId, RankSeries::matrixAccount)
        .containsExactly(tuple("own-acct-1-2", "acct-1"), tuple("own-acct-1-5", "acct-1"));
    // named by the title and shop the product was last shown with, not by its id
    assertThat(series)
        .extracting(RankSeries::productId, RankSeries::title, RankSeries::shopName)
        .containsExactly(
            tuple("own-acct-1-2", "a 商品 2", "acct-1"),
            tuple("own-acct-1-5", "a 商品 5", "acct-1"),
            tuple("p3", "a 商品 3", "店铺3"));
  }

  @Test
  void vantageSpreadGivesMinMaxMedianAcrossVantages(TestIndices es) {
    es.bootstrap();
    es.writer()
        .writeAll(
            List.of(
                withOwn(T1, ANON, 3),
                withOwn(T1, "acct-1", 1),
                withOwn(T1, "acct-2", 10),
                withOwn(T2, ANON, 7),
                Fixtures.snapshot(T1, "a", "acct-3", "blocked", 0)));

    List<SpreadRow> rows = reports(es).spread(T1, List.of("a"));

    assertThat(rows)
        .containsExactly(
            new SpreadRow(
                "a",
                "own",
                "acct-1",
                "a 商品 1",
                "店铺1",
                Map.of(ANON, 3, "acct-1", 1, "acct-2", 10),
                1,
                10,
                3.0));
  }

  /** Keyword "a" with 12 listings and the product "own" of acct-1 at {@code position}. */
  private static Reports reports(TestIndices es) {
    return new Reports(es.client(), es.names());
  }

  private static Snapshot withOwn(Instant slot, String vantage, int position) {
    List<com.mallrank.index.document.ListingDocument> rows = new ArrayList<>();
    for (int p = 1; p <= 12; p++) {
      var listing = Fixtures.listing(slot, "a", vantage, p);
      if (p == position) {
        listing.productId("own").matrixAccount("acct-1");
      }
      rows.add(listing.build());
    }
    return new Snapshot(Fixtures.sample(slot, "a", vantage, "ok", 12), rows);
  }

  @Test
  void changeLogFiltersSortsNewestFirstAndPagesWithoutGapsOrRepeats(TestIndices es)
      throws IOException {
    es.bootstrap();
    List<ChangeEvent> events = new ArrayList<>();
    events.add(event(T2, T1, "a", ANON, "own_moved", "own", "acct-1", 2, 6));
    events.add(event(T2, T1, "a", ANON, "entered_top20", "nc", null, null, 3));
    events.add(event(T2, T1, "a", ANON, "new_shop", "nc", null, null, 3));
    events.add(event(T2, T1, "a", ANON, "price", "p7", null, 7, 7));
    events.add(event(T2, T1, "a", ANON, "title", "p9", null, 9, 12));
    events.add(event(T2, T1, "a", "acct-1", "price", "p7", null, 5, 5));
    events.add(event(T2, T1, "b", ANON, "price", "p1", null, 1, 1));
    events.add(event(T3, T2, "a", ANON, "price", "p8", null, 8, 8));
    events.add(event(T1, T1.minusSeconds(3600), "a", ANON, "commission", "p2", null, 2, 1));
    write(es, events);
    Reports log = reports(es);

    ChangeLogQuery all = ChangeLogQuery.window(T1, T4).pageSize(4);
    List<String> seen = new ArrayList<>();
    ChangeLogPage page = log.changeLog(all);
    int pages = 1;
    seen.addAll(page.events().stream().map(ChangeEvent::id).toList());
    while (page.next() != null) {
      page = log.changeLog(all.after(page.next()));
      pages++;
      seen.addAll(page.events().stream().map(ChangeEvent::id).toList());
    }
    assertThat(pages).isEqualTo(3);
    assertThat(seen).hasSize(9).doesNotHaveDuplicates();
    assertThat(seen.get(0)).isEqualTo("20261128T1600Z|sandbox-static|anonymous|a|price|p8");
    assertThat(seen.get(8)).isEqualTo("20261128T1400Z|sandbox-static|anonymous|a|commission|p2");

    assertThat(
            log.changeLog(
                    ChangeLogQuery.window(T1, T4)
                        .keywords(List.of("a"))
                        .kinds(List.of("price"))
                        .vantages(List.of(ANON)))
                .events())
        .extracting(ChangeEvent::productId, ChangeEvent::rankBefore, ChangeEvent::rankAfter)
        .containsExactly(tuple("p8", 8, 8), tuple("p7", 7, 7));
    assertThat(log.changeLog(ChangeLogQuery.window(T1, T4).shops(List.of("shop-p1"))).events())
        .extracting(ChangeEvent::keyword)
        .containsExactly("b");

    Reports explainer = reports(es);
    List<RankDropExplanation> drops = explainer.drops(T1, T4, "a", ANON, null);
    assertThat(drops).hasSize(1);
    RankDropExplanation drop = drops.get(0);
    assertThat(drop.rankBefore()).isEqualTo(2);
    assertThat(drop.rankAfter()).isEqualTo(6);
    assertThat(drop.competitorChanges())
        .extracting(ChangeEvent::kind, ChangeEvent::productId)
        .containsExactly(
            tuple("entered_top20", "nc"),
            tuple("new_shop", "nc"),
            tuple("price", "p7"),
            tuple("title", "p9"));
    assertThat(drop.overtakers()).extracting(ChangeEvent::productId).containsExactly("nc");
  }

  @Test
  void samplingHealthCountsStatusesAndFindsMissedSlots(TestIndices es) {
    es.bootstrap();
    es.writer()
        .writeAll(
            List.of(
                CoverageIT.ok(T1, "a", ANON, 3, Map.of()),
                CoverageIT.ok(T1, "b", ANON, 3, Map.of()),
                Fixtures.snapshot(T1, "a", "acct-1", "blocked", 0),
                Fixtures.snapshot(T3, "a", ANON, "error", 0)));

    SamplingHealthReport report =
        reports(es)
            .health(
                T1,
                T4.plusSeconds(1),
                SamplingHealth.slots(T1, T4.plusSeconds(1), Duration.ofHours(1)));

    assertThat(report.bySlot())
        .isEqualTo(Map.of(T1, Map.of("ok", 2L, "blocked", 1L), T3, Map.of("error", 1L)));
    assertThat(report.byVantage())
        .isEqualTo(Map.of(ANON, Map.of("ok", 2L, "error", 1L), "acct-1", Map.of("blocked", 1L)));
    assertThat(report.byKeyword())
        .isEqualTo(
            Map.of("a", Map.of("ok", 1L, "blocked", 1L, "error", 1L), "b", Map.of("ok", 1L)));
    assertThat(report.missedSlots()).containsExactly(T2, T4);
  }

  private static ChangeEvent event(
      Instant slot,
      Instant previous,
      String keyword,
      String vantage,
      String kind,
      String product,
      String account,
      Integer before,
      Integer after) {
    return new ChangeEvent(
        slot,
        previous,
        keyword,
        Fixtures.GROUP,
        vantage,
        kind,
        product,
        "shop-" + product,
        "店铺",
        account,
        null,
        null,
        before,
        after,
        before,
        after,
        false,
        slot.plusSeconds(60),
        Fixtures.PROFILE,
        "标题" + product);
  }

  private static void write(TestIndices es, List<ChangeEvent> events) throws IOException {
    List<BulkOperation> ops = new ArrayList<>();
    for (ChangeEvent e : events) {
      ops.add(
          BulkOperation.of(
              o ->
                  o.index(i -> i.index(es.names().changesIndex(e.slot())).id(e.id()).document(e))));
    }
    BulkResponses.requireAllSucceeded(
        es.client().bulk(b -> b.operations(ops).refresh(Refresh.True)));
  }
}
