package com.mallrank.batch.report;

import static com.mallrank.batch.report.FixtureSlots.A;
import static com.mallrank.batch.report.FixtureSlots.ANON;
import static com.mallrank.batch.report.FixtureSlots.B;
import static com.mallrank.batch.report.FixtureSlots.C;
import static com.mallrank.batch.report.FixtureSlots.T0;
import static com.mallrank.batch.report.FixtureSlots.T1;
import static com.mallrank.batch.report.FixtureSlots.T2;
import static com.mallrank.batch.report.FixtureSlots.T3;
import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch._types.Refresh;
import com.mallrank.batch.report.format.ReportFormat;
import com.mallrank.batch.report.model.RankHistoryChart;
import com.mallrank.batch.report.model.ReportDocument;
import com.mallrank.batch.report.model.ReportTable;
import com.mallrank.batch.runtime.ElasticsearchRuntime;
import com.mallrank.batch.testing.MallrankIT;
import com.mallrank.index.changes.ChangeDetector;
import com.mallrank.index.document.ListingDocument;
import com.mallrank.index.testing.DetectionDefaults;
import com.mallrank.index.testing.Fixtures;
import com.mallrank.index.write.Snapshot;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The window reports end to end on the real local Elasticsearch: hand-made snapshots of three
 * hourly slots (one keyword covered by two accounts that drop and cut a price, one near miss, one
 * always blocked), change detection between the slots, then each report's exact rows, and the daily
 * report written as HTML and XLSX.
 */
// these tests write fixtures with the writer and read them at once
@MallrankIT(properties = "index.refresh=true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WindowReportsIT {

  @Autowired ElasticsearchRuntime elasticsearch;
  @Autowired ReportWindows windows;
  @Autowired WindowReports reports;

  @BeforeAll
  void writeThreeSlotsAndDetectChanges() {
    List<Snapshot> snapshots = new ArrayList<>();
    // A: mx-a at 3 and mx-b at 15; then mx-a drops to 5 (p5 takes 3) and p1 cuts its price;
    // then the page is blocked.
    snapshots.add(ok(T1, A, 20, Map.of(3, own("own-a1", "mx-a"), 15, own("own-b1", "mx-b")), 0));
    snapshots.add(
        ok(
            T2,
            A,
            20,
            Map.of(3, comp(5), 5, own("own-a1", "mx-a"), 15, own("own-b1", "mx-b")),
            -1000));
    snapshots.add(blocked(T3, A));
    // B: no account in the Top-20, mx-c at 22 every slot.
    for (Instant slot : List.of(T1, T2, T3)) {
      snapshots.add(ok(slot, B, 25, Map.of(22, own("own-c1", "mx-c")), 0));
      // C: never ranked.
      snapshots.add(blocked(slot, C));
    }
    elasticsearch.snapshotWriter().writeAll(snapshots);
    ChangeDetector detector =
        new ChangeDetector(
            elasticsearch.client(),
            elasticsearch.names(),
            DetectionDefaults.settings(),
            Clock.systemUTC(),
            Refresh.True);
    for (Instant slot : List.of(T1, T2, T3)) {
      detector.detectSlot(slot);
    }
  }

  private ReportWindow window() {
    // 13:00 in Asia/Shanghai = T0; --to defaults to the latest slot sampled (T3).
    return windows.resolve(ReportWindowOptions.defaults().slots("2026-11-28T13:00", "latest"), 24);
  }

  @Test
  void theWindowRunsFromTheFirstSlotToTheLatestSampledWithThePlanAccounts() {
    ReportWindow window = window();
    assertThat(window.first()).isEqualTo(T0);
    assertThat(window.last()).isEqualTo(T3);
    assertThat(window.keywords()).isNull();
    assertThat(window.accounts()).contains("mx-hangzhou");
    ReportWindow hours =
        windows.resolve(ReportWindowOptions.defaults().slots(null, "2026-11-28T16:00"), 2);
    assertThat(hours.first()).isEqualTo(T2);
    assertThat(hours.last()).isEqualTo(T3);
  }

  @Test
  void coverageGridSharesCannibalisationGapsNearMissesAndUnranked() {
    ReportDocument doc = reports.coverage(window());

    assertThat(rows(doc, "coverage_grid"))
        .containsExactly(row(A, "mx-a", 3L, 2L), row(A, "mx-b", 15L, 2L));
    // 5 ranked samples x 20 Top-20 positions; each account held 2.
    assertThat(rows(doc, "coverage_share"))
        .containsExactly(row("mx-a", 2L, 100L, 200L), row("mx-b", 2L, 100L, 200L));
    assertThat(rows(doc, "cannibalisation")).containsExactly(row(A, "mx-a, mx-b", 2L, T2));
    assertThat(rows(doc, "coverage_gaps"))
        .containsExactly(row(B, "mx-c", "near_miss: best rank 21-50", 22L));
    assertThat(rows(doc, "near_misses"))
        .containsExactly(row(B, "mx-c", 22L, 3L, B + " own-c1", "own-c1"));
    assertThat(rows(doc, "unranked")).extracting(r -> r.get(0)).containsExactly(C);
  }

  @Test
  void changeLogHasTheOwnDropAndThePriceCutOnly() {
    ReportDocument doc = reports.changelog(window(), null, null, 500);

    assertThat(rows(doc, "change_log"))
        .containsExactly(
            row(
                T2,
                A,
                ANON,
                "own_moved",
                A + " own-a1",
                "shop-mx-a",
                null,
                null,
                3L,
                5L,
                "mx-a",
                "own-a1"),
            row(T2, A, ANON, "price", A + " 商品 1", "店铺1", "¥100.01", "¥90.01", 1L, 1L, null, "p1"));
    assertThat(rows(doc, "change_counts")).containsExactly(row("price", 1L), row("own_moved", 1L));

    ReportDocument prices =
        reports.changelog(window(), ChangeLogTables.kinds(List.of("price")), null, 500);
    assertThat(rows(prices, "change_log")).extracting(r -> r.get(3)).containsExactly("price");
    ReportDocument cut = reports.changelog(window(), null, null, 1);
    assertThat(rows(cut, "change_log")).hasSize(1);
    assertThat(cut.title()).contains("first 1 events");
  }

  @Test
  void historyShadesTheBlockedSlotAndSummarisesEachOwnListing() {
    ReportDocument doc = reports.history(window(), null);

    assertThat(rows(doc, "rank_summary"))
        .containsExactly(
            row(A, ANON, "mx-a", A + " own-a1", null, 3L, 5L, 5L, T2, -2L, -2L, 2L, "own-a1"),
            row(A, ANON, "mx-b", A + " own-b1", null, 15L, 15L, 15L, T2, 0L, 0L, 2L, "own-b1"),
            row(B, ANON, "mx-c", B + " own-c1", null, 22L, 22L, 22L, T3, 0L, 0L, 3L, "own-c1"));
    RankHistoryChart a = (RankHistoryChart) doc.charts().get(0);
    assertThat(a.title()).isEqualTo(A + " · " + ANON);
    assertThat(a.slots()).containsExactly(T1, T2, T3);
    assertThat(a.blockedSlots()).containsExactly(T3);
    assertThat(a.series().get(0).ranks()).containsExactly(3, 5, null);
    assertThat(((RankHistoryChart) doc.charts().get(1)).blockedSlots()).isEmpty();
    // The latest slot (T3): only B was ranked.
    assertThat(rows(doc, "vantage_spread"))
        .containsExactly(
            row(B, "mx-c", B + " own-c1", "22", 22L, 22L, 1L, "anonymous #22", "own-c1"));
  }

  @Test
  void healthCountsStatusesAndTheMissedSlot() {
    ReportDocument doc = reports.health(window(), Duration.ofHours(1));

    assertThat(rows(doc, "health_by_slot"))
        .containsExactly(
            row(T1, 3L, 2L, 0L, 0L, 1L, 0L, 0L, 0L, 0L, 0L, 6667L),
            row(T2, 3L, 2L, 0L, 0L, 1L, 0L, 0L, 0L, 0L, 0L, 6667L),
            row(T3, 3L, 1L, 0L, 0L, 2L, 0L, 0L, 0L, 0L, 0L, 3333L));
    assertThat(rows(doc, "health_by_keyword"))
        .extracting(r -> r.get(0), r -> r.get(2), r -> r.get(5))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(A, 2L, 1L),
            org.assertj.core.groups.Tuple.tuple(C, 0L, 3L),
            org.assertj.core.groups.Tuple.tuple(B, 3L, 0L));
    assertThat(rows(doc, "missed_slots")).extracting(r -> r.get(0)).containsExactly(T0);
  }

  @Test
  void explainFindsTheDropAndTheSameHourPriceCut() {
    ReportDocument doc = reports.explain(window(), null);

    assertThat(rows(doc, "rank_drops"))
        .containsExactly(row(T2, T1, A, ANON, "mx-a", "own-a1", 3L, 5L, 1L, ""));
    assertThat(rows(doc, "drop_causes"))
        .containsExactly(
            row(
                T2,
                A,
                ANON,
                "own-a1",
                "price",
                A + " 商品 1",
                "店铺1",
                "¥100.01",
                "¥90.01",
                1L,
                1L,
                "",
                "p1"));
  }

  @Test
  void dailyIsWrittenAsHtmlAndXlsxChosenByTheExtension(@TempDir Path dir) throws Exception {
    ReportDocument daily = reports.daily(window(), 2000);
    // The latest slot's Top-20: only B was ranked (A and C blocked), keywords in sorted order.
    assertThat(rows(daily, "top20")).hasSize(20).allMatch(r -> r.get(0).equals(B));
    assertThat(rows(daily, "samples"))
        .extracting(r -> r.get(0), r -> r.get(1))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(A, "blocked"),
            org.assertj.core.groups.Tuple.tuple(C, "blocked"),
            org.assertj.core.groups.Tuple.tuple(B, "ok"));
    assertThat(rows(daily, "coverage_grid")).hasSize(2);
    assertThat(rows(daily, "change_log")).hasSize(2);

    ByteArrayOutputStream terminal = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(terminal, true, StandardCharsets.UTF_8);
    for (String name : List.of("daily.html", "daily.xlsx")) {
      new ReportOutputOptions()
          .to(ReportFormat.TABLE, dir.resolve(name))
          .write(daily, "unused", out);
    }
    assertThat(terminal.toString(StandardCharsets.UTF_8)).contains("daily.html", "daily.xlsx");
    String html = Files.readString(dir.resolve("daily.html"));
    assertThat(html).startsWith("<!doctype html>").contains("每日报告 daily report", A);
    try (InputStream in = Files.newInputStream(dir.resolve("daily.xlsx"));
        XSSFWorkbook workbook = new XSSFWorkbook(in)) {
      List<String> sheets = new ArrayList<>();
      workbook.forEach(sheet -> sheets.add(sheet.getSheetName()));
      assertThat(sheets)
          .hasSize(daily.tables().size() + 1)
          .contains("覆盖 coverage grid", "变更日志 change log", "采样·时段 samples by slot", "报告说明");
      assertThat(workbook.getSheet("覆盖 coverage grid").getLastRowNum()).isEqualTo(2);
    }
  }

  private static List<List<Object>> rows(ReportDocument doc, String table) {
    return doc.tables().stream()
        .filter(t -> t.id().equals(table))
        .findFirst()
        .map(ReportTable::rows)
        .orElseThrow();
  }

  private static List<Object> row(Object... cells) {
    return Arrays.asList(cells);
  }

  private record Own(String productId, String account, Integer competitor) {}

  private static Own own(String productId, String account) {
    return new Own(productId, account, null);
  }

  private static Own comp(int position) {
    return new Own(null, null, position);
  }

  /** An ok sample of {@code count} competitors p1..; p1's price moved by {@code priceDelta}. */
  private static Snapshot ok(
      Instant slot, String keyword, int count, Map<Integer, Own> at, long priceDelta) {
    List<ListingDocument> listings = new ArrayList<>();
    for (int position = 1; position <= count; position++) {
      Own o = at.get(position);
      int as = o != null && o.competitor() != null ? o.competitor() : position;
      Fixtures.Listing listing = Fixtures.listing(slot, keyword, ANON, position);
      if (o != null && o.competitor() != null) {
        listing.productId("p" + as).title(keyword + " 商品 " + as).shop("shop-" + as, "店铺" + as);
        listing.priceFen(10_000L + as).commissionBp(1000 + as).imageKey("img/" + as + ".jpeg");
      } else if (o != null) {
        listing
            .productId(o.productId())
            .title(keyword + " " + o.productId())
            .matrixAccount(o.account())
            .shop("shop-" + o.account(), null)
            .imageKey("img/" + o.productId() + ".jpeg");
      }
      if (position == 1) {
        listing.priceFen(10_001L + priceDelta);
      }
      listings.add(listing.build());
    }
    return new Snapshot(Fixtures.sample(slot, keyword, ANON, "ok", count), listings);
  }

  private static Snapshot blocked(Instant slot, String keyword) {
    return Fixtures.snapshot(slot, keyword, ANON, "blocked", 0);
  }
}
