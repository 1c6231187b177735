package com.mallrank.index.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import co.elastic.clients.elasticsearch._types.Refresh;
import com.mallrank.index.changes.ChangeDetector;
import com.mallrank.index.changes.DetectionSettings;
import com.mallrank.index.document.DailySummary;
import com.mallrank.index.document.ListingDocument;
import com.mallrank.index.report.RankSeries;
import com.mallrank.index.report.Reports;
import com.mallrank.index.testing.Fixtures;
import com.mallrank.index.testing.LocalElasticsearchTest;
import com.mallrank.index.testing.TestIndices;
import com.mallrank.index.write.Snapshot;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

@LocalElasticsearchTest
class RetentionIT {

  private static final String KW = "羽绒服女";
  private static final String ANON = Fixtures.ANONYMOUS;
  private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");
  private static final Instant SEP_10 = Instant.parse("2026-09-30T10:00:00Z");
  private static final Instant SEP_11 = Instant.parse("2026-09-30T11:00:00Z");
  private static final Instant OCT_30 = Instant.parse("2026-10-30T14:00:00Z");
  private static final Instant OCT_31 = Instant.parse("2026-10-31T14:00:00Z");

  @Test
  void summarisesAndDeletesExactlyTheOldListingsAndKeepsEvents(TestIndices es) throws IOException {
    es.bootstrap();
    es.writer()
        .writeAll(
            List.of(
                sample(SEP_10, 3, null),
                sample(SEP_11, 5, 9_900L),
                sample(OCT_30, 4, null),
                sample(OCT_31, 2, null)));
    ChangeDetector detector =
        new ChangeDetector(
            es.client(),
            es.names(),
            new DetectionSettings(60, 24, Duration.ofDays(60)),
            Clock.fixed(NOW, ZoneOffset.UTC),
            Refresh.True);
    detector.detectSlot(SEP_11);
    detector.detectSlot(OCT_30);
    long events = count(es, es.names().changesAlias());
    Retention retention =
        new Retention(es.client(), es.names(), Clock.fixed(NOW, ZoneOffset.UTC), Refresh.True);

    RetentionResult result = retention.run();

    assertThat(result.cutoff()).isEqualTo(Instant.parse("2026-10-31T00:00:00Z"));
    assertThat(result.daysSummarised())
        .containsExactly(LocalDate.of(2026, 9, 30), LocalDate.of(2026, 10, 30));
    assertThat(result.summariesWritten()).isEqualTo(11);
    assertThat(result.indicesDeleted()).containsExactly(es.names().listingsIndex(SEP_10));
    assertThat(result.listingsDeleted()).isEqualTo(15);
    es.client().indices().refresh(r -> r.index(es.names().listingsAlias()));
    assertThat(count(es, es.names().listingsAlias())).isEqualTo(5);
    assertThat(count(es, es.names().changesAlias())).isEqualTo(events).isPositive();
    assertThat(count(es, es.names().samplesAlias())).isEqualTo(4);
    List<DailySummary> summaries =
        es
            .client()
            .search(
                s ->
                    s.index(es.names().dailyAlias())
                        .size(100)
                        .query(q -> q.term(t -> t.field("product_id").value("own"))),
                DailySummary.class)
            .hits()
            .hits()
            .stream()
            .map(h -> h.source())
            .toList();
    assertThat(summaries)
        .containsExactlyInAnyOrder(
            new DailySummary(
                LocalDate.of(2026, 9, 30),
                KW,
                Fixtures.GROUP,
                ANON,
                "own",
                "acct-1",
                3,
                5,
                4.0,
                2,
                9_900L,
                1005,
                Fixtures.PROFILE),
            new DailySummary(
                LocalDate.of(2026, 10, 30),
                KW,
                Fixtures.GROUP,
                ANON,
                "own",
                "acct-1",
                4,
                4,
                4.0,
                1,
                10_004L,
                1004,
                Fixtures.PROFILE));

    RetentionResult again = retention.run();

    assertThat(again.daysSummarised()).isEmpty();
    assertThat(again.listingsDeleted()).isZero();
    assertThat(count(es, es.names().dailyAlias())).isEqualTo(11);

    List<RankSeries> history =
        new Reports(es.client(), es.names())
            .history(SEP_10.minusSeconds(36_000), NOW, List.of(KW), List.of(ANON), null);
    assertThat(history).hasSize(1);
    assertThat(history.get(0).points())
        .extracting(
            RankSeries.Point::slot,
            RankSeries.Point::position,
            RankSeries.Point::worst,
            RankSeries.Point::daily)
        .containsExactly(
            tuple(Instant.parse("2026-09-30T00:00:00Z"), 3, 5, true),
            tuple(Instant.parse("2026-10-30T00:00:00Z"), 4, 4, true),
            tuple(OCT_31, 2, 2, false));
    assertThat(history.get(0).best()).contains(2);
    assertThat(history.get(0).worst()).contains(5);
  }

  /** Five listings, the own product at {@code own} (with {@code price} when given). */
  private static Snapshot sample(Instant slot, int own, Long price) {
    List<ListingDocument> rows = new ArrayList<>();
    for (int position = 1; position <= 5; position++) {
      var listing = Fixtures.listing(slot, KW, ANON, position);
      if (position == own) {
        listing.productId("own").matrixAccount("acct-1").shop("own-shop", "我的店");
        if (price != null) {
          listing.priceFen(price);
        }
      }
      rows.add(listing.build());
    }
    return new Snapshot(Fixtures.sample(slot, KW, ANON, "ok", 5), rows);
  }

  private static long count(TestIndices es, String alias) throws IOException {
    return es.client()
        .count(c -> c.index(alias).ignoreUnavailable(true).allowNoIndices(true))
        .count();
  }
}
