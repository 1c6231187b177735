package com.mallrank.batch.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mallrank.batch.report.model.ChangeTimeline;
import com.mallrank.batch.report.model.ChartSpec;
import com.mallrank.batch.report.model.CoverageHeatmap;
import com.mallrank.batch.report.model.RankHistoryChart;
import com.mallrank.batch.report.model.ReportDocument;
import com.mallrank.batch.report.model.ReportTable;
import com.mallrank.index.document.ChangeEvent;
import com.mallrank.index.report.CoverageReport;
import com.mallrank.index.report.CoverageReport.Basis;
import com.mallrank.index.report.RankDropExplanation;
import com.mallrank.index.report.RankSeries;
import com.mallrank.index.report.SampleStatusRow;
import com.mallrank.index.report.SamplingHealthReport;
import com.mallrank.index.report.SpreadRow;
import com.mallrank.index.report.Top20Report;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The window reports' mappers: exact rows from hand-made index records. */
class WindowReportTablesTest {

  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final Instant T1 = Instant.parse("2026-11-28T06:00:00Z");
  private static final Instant T2 = T1.plusSeconds(3600);
  private static final Instant T3 = T2.plusSeconds(3600);
  private static final Instant NOW = T3.plusSeconds(600);
  private static final ReportWindow WINDOW =
      new ReportWindow(T1, T3, null, null, "core", List.of("mx-a", "mx-b", "mx-c"), ZONE, null);

  static List<Object> row(Object... cells) {
    return Arrays.asList(cells);
  }

  static ReportTable table(ReportDocument doc, String id) {
    return doc.tables().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
  }

  static CoverageReport coverage() {
    return new CoverageReport(
        T1,
        T3,
        List.of(
            new CoverageReport.Cell("a", "mx-a", 1, 3),
            new CoverageReport.Cell("a", "mx-b", 15, 1)),
        List.of(
            new CoverageReport.Share("mx-a", 3, 3 / 160.0),
            new CoverageReport.Share("mx-b", 1, 1 / 160.0)),
        List.of(new CoverageReport.Cannibalisation("a", List.of("mx-a", "mx-b"), 1, T2)),
        List.of(
            new CoverageReport.Gap("b", "mx-c", Basis.NEAR_MISS, 22),
            new CoverageReport.Gap("d", null, Basis.NONE, null)),
        List.of(new CoverageReport.NearMiss("b", "mx-c", "own-c-22", "短款羽绒服", "店c", 22, 2)),
        List.of("e"),
        160);
  }

  @Test
  void coverageMapsEveryPartAndTheHeatmapHasThePlanAccountsAndNoUnrankedRow() {
    ReportDocument doc = CoverageTables.document(coverage(), WINDOW, NOW);

    assertThat(doc.tables())
        .extracting(ReportTable::id)
        .containsExactly(
            "coverage_grid",
            "coverage_share",
            "cannibalisation",
            "coverage_gaps",
            "near_misses",
            "unranked");
    assertThat(table(doc, "coverage_grid").rows())
        .containsExactly(row("a", "mx-a", 1L, 3L), row("a", "mx-b", 15L, 1L));
    assertThat(table(doc, "coverage_share").rows())
        .containsExactly(row("mx-a", 3L, 160L, 188L), row("mx-b", 1L, 160L, 63L));
    assertThat(table(doc, "cannibalisation").rows())
        .containsExactly(row("a", "mx-a, mx-b", 1L, T2));
    assertThat(table(doc, "coverage_gaps").rows())
        .containsExactly(
            row("b", "mx-c", "near_miss: best rank 21-50", 22L),
            row("d", null, "none: no account appears in the results", null));
    assertThat(table(doc, "near_misses").rows())
        .containsExactly(row("b", "mx-c", 22L, 2L, "短款羽绒服", "own-c-22"));
    assertThat(table(doc, "unranked").rows()).hasSize(1);
    assertThat(table(doc, "unranked").rows().get(0).get(0)).isEqualTo("e");
    assertThat((String) table(doc, "unranked").rows().get(0).get(1)).contains("not a gap");

    CoverageHeatmap heatmap = (CoverageHeatmap) doc.charts().get(0);
    assertThat(heatmap.keywords()).containsExactly("a", "b", "d");
    assertThat(heatmap.accounts()).containsExactly("mx-a", "mx-b", "mx-c");
    assertThat(heatmap.cells())
        .containsExactly(
            new CoverageHeatmap.Cell("a", "mx-a", 1), new CoverageHeatmap.Cell("a", "mx-b", 15));
    assertThat(doc.from()).isEqualTo(T1);
    assertThat(doc.to()).isEqualTo(T3);
  }

  @Test
  void coverageWithNothingRankedHasNoHeatmap() {
    CoverageReport empty =
        new CoverageReport(
            T1, T3, List.of(), List.of(), List.of(), List.of(), List.of(), List.of("e"), 0);
    assertThat(CoverageTables.document(empty, WINDOW, NOW).charts()).isEmpty();
  }

  static ChangeEvent event(
      Instant slot,
      String kind,
      String product,
      String old,
      String now,
      Integer before,
      Integer after) {
    return new ChangeEvent(
        slot,
        slot.minusSeconds(3600),
        "羽绒服",
        "core",
        "anonymous",
        kind,
        product,
        "s-" + product,
        kind.equals("own_moved") ? null : "店" + product,
        kind.equals("own_moved") ? "mx-a" : null,
        old,
        now,
        before,
        after,
        before,
        after,
        false,
        NOW,
        null,
        "标题" + product);
  }

  static List<ChangeEvent> events() {
    return List.of(
        event(T3, "commission", "p2", "1250", "1500", 4, 3),
        event(T3, "main_image", "p3", "img/8409f970c7c6f1234.jpeg", "img/2a2d.jpeg", 5, 5),
        event(T3, "own_moved", "own1", null, null, 2, 6),
        event(T2, "price", "p1", "29900", "25900", 8, 2),
        event(T2, "entered_top20", "p9", null, null, null, 12));
  }

  @Test
  void changeLogRowsShowYuanPercentShortImageKeysAndRanks() {
    ReportDocument doc = ChangeLogTables.document(events(), false, WINDOW, NOW);

    assertThat(doc.title()).isEqualTo("竞品变更日志 change log");
    assertThat(table(doc, "change_log").rows())
        .containsExactly(
            row(
                T3,
                "羽绒服",
                "anonymous",
                "commission",
                "标题p2",
                "店p2",
                "12.50%",
                "15.00%",
                4L,
                3L,
                null,
                "p2"),
            row(
                T3,
                "羽绒服",
                "anonymous",
                "main_image",
                "标题p3",
                "店p3",
                "8409f970c7c6…",
                "2a2d.jpeg",
                5L,
                5L,
                null,
                "p3"),
            row(
                T3,
                "羽绒服",
                "anonymous",
                "own_moved",
                "标题own1",
                "s-own1",
                null,
                null,
                2L,
                6L,
                "mx-a",
                "own1"),
            row(
                T2,
                "羽绒服",
                "anonymous",
                "price",
                "标题p1",
                "店p1",
                "¥299.00",
                "¥259.00",
                8L,
                2L,
                null,
                "p1"),
            row(
                T2,
                "羽绒服",
                "anonymous",
                "entered_top20",
                "标题p9",
                "店p9",
                null,
                null,
                null,
                12L,
                null,
                "p9"));
    assertThat(table(doc, "change_counts").rows())
        .containsExactly(
            row("price", 1L),
            row("commission", 1L),
            row("main_image", 1L),
            row("entered_top20", 1L),
            row("own_moved", 1L));
    ChangeTimeline timeline = (ChangeTimeline) doc.charts().get(0);
    assertThat(timeline.events()).hasSize(5);
    assertThat(timeline.events().get(3))
        .isEqualTo(
            new ChangeTimeline.Event(
                T2, "price", "羽绒服", "标题p1 · 店p1 ¥299.00 → ¥259.00 #8 → #2 [anonymous]"));
    assertThat(timeline.events().get(2).label())
        .as("an own listing: the account, then the listing by title")
        .isEqualTo("★ mx-a 标题own1 · s-own1 #2 → #6 [anonymous]");
  }

  @Test
  void aCutChangeLogSaysSoAndKindsAreChecked() {
    assertThat(ChangeLogTables.document(events(), true, WINDOW, NOW).title())
        .contains("first 5 events");
    assertThat(ChangeLogTables.document(List.of(), false, WINDOW, NOW).charts()).isEmpty();
    assertThat(ChangeLogTables.kinds(List.of("PRICE", "new_shop")))
        .containsExactly("price", "new_shop");
    assertThat(ChangeLogTables.kinds(null)).isNull();
    assertThatThrownBy(() -> ChangeLogTables.kinds(List.of("rank")))
        .hasMessageContaining("unknown --kind 'rank'")
        .hasMessageContaining("main_image");
  }

  static RankSeries.Point point(Instant slot, int position, Integer movement) {
    return new RankSeries.Point(slot, position, position, movement, false);
  }

  @Test
  void historyShadesUnrankedSlotsAndSummarisesEachListing() {
    List<RankSeries> series =
        List.of(
            new RankSeries(
                "羽绒服",
                "anonymous",
                "own1",
                "mx-a",
                "加厚长款羽绒服女冬季新款",
                "店a",
                List.of(point(T1, 3, null), point(T3, 7, null))),
            new RankSeries(
                "羽绒服", "anonymous", "own2", "mx-b", null, null, List.of(point(T3, 12, null))),
            new RankSeries(
                "羽绒服",
                "mx-a",
                "own1",
                "mx-a",
                "加厚长款羽绒服女冬季新款",
                "店a",
                List.of(point(T1, 1, null), point(T2, 2, -1))));
    List<SampleStatusRow> samples =
        List.of(
            new SampleStatusRow("羽绒服", "anonymous", T1, "ok"),
            new SampleStatusRow("羽绒服", "anonymous", T2, "blocked"),
            new SampleStatusRow("羽绒服", "anonymous", T3, "ok"),
            new SampleStatusRow("羽绒服", "mx-a", T1, "ok"),
            new SampleStatusRow("羽绒服", "mx-a", T2, "partial"),
            new SampleStatusRow("羽绒服", "mx-a", T3, "empty"));
    List<SpreadRow> spread =
        List.of(
            new SpreadRow(
                "羽绒服",
                "own1",
                "mx-a",
                "加厚长款羽绒服女冬季新款",
                "店a",
                Map.of("mx-a", 2, "anonymous", 7),
                2,
                7,
                4.5));

    ReportDocument doc = HistoryTables.document(series, samples, spread, T3, WINDOW, NOW);

    List<ChartSpec> charts = doc.charts();
    assertThat(charts).hasSize(2);
    RankHistoryChart anon = (RankHistoryChart) charts.get(0);
    assertThat(anon.id()).isEqualTo("history_1");
    assertThat(anon.title()).isEqualTo("羽绒服 · anonymous");
    assertThat(anon.slots()).containsExactly(T1, T2, T3);
    assertThat(anon.blockedSlots()).containsExactly(T2);
    assertThat(anon.series())
        .containsExactly(
            new RankHistoryChart.RankSeries("mx-a · 加厚长款羽绒服女冬季新款 · 店a", Arrays.asList(3, null, 7)),
            new RankHistoryChart.RankSeries("mx-b · own2", Arrays.asList(null, null, 12)));
    RankHistoryChart asA = (RankHistoryChart) charts.get(1);
    assertThat(asA.blockedSlots()).containsExactly(T3);
    assertThat(asA.series().get(0).ranks()).containsExactly(1, 2, null);

    assertThat(table(doc, "rank_summary").rows())
        .containsExactly(
            row(
                "羽绒服",
                "anonymous",
                "mx-a",
                "加厚长款羽绒服女冬季新款",
                "店a",
                3L,
                7L,
                7L,
                T3,
                null,
                -4L,
                2L,
                "own1"),
            row("羽绒服", "anonymous", "mx-b", null, null, 12L, 12L, 12L, T3, null, 0L, 1L, "own2"),
            row("羽绒服", "mx-a", "mx-a", "加厚长款羽绒服女冬季新款", "店a", 1L, 2L, 2L, T2, -1L, -1L, 2L, "own1"));
    assertThat(table(doc, "vantage_spread").rows())
        .containsExactly(
            row("羽绒服", "mx-a", "加厚长款羽绒服女冬季新款", "4.5", 2L, 7L, 2L, "anonymous #7, mx-a #2", "own1"));
  }

  @Test
  void healthCountsEveryStatusAndTheRankedShare() {
    SamplingHealthReport report =
        new SamplingHealthReport(
            Map.of(T1, Map.of("ok", 3L, "blocked", 1L, "skipped", 4L), T3, Map.of("weird", 2L)),
            Map.of("anonymous", Map.of("ok", 2L, "partial", 1L, "empty", 1L)),
            Map.of("羽绒服", Map.of("login_required", 2L)),
            List.of(T2));

    ReportDocument doc = HealthTables.document(report, WINDOW, NOW);

    assertThat(table(doc, "health_by_slot").rows())
        .containsExactly(
            // skipped (not sampled on purpose) has its own column and is not ranked
            row(T1, 8L, 3L, 0L, 0L, 1L, 0L, 0L, 0L, 4L, 0L, 3750L),
            row(T3, 2L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 2L, 0L));
    assertThat(table(doc, "health_by_vantage").rows())
        .containsExactly(row("anonymous", 4L, 2L, 1L, 1L, 0L, 0L, 0L, 0L, 0L, 0L, 7500L));
    assertThat(table(doc, "health_by_keyword").rows())
        .containsExactly(row("羽绒服", 2L, 0L, 0L, 0L, 0L, 2L, 0L, 0L, 0L, 0L, 0L));
    assertThat(table(doc, "missed_slots").rows()).hasSize(1);
    assertThat(table(doc, "missed_slots").rows().get(0).get(0)).isEqualTo(T2);
  }

  @Test
  void explainListsEachDropWithItsOvertakersAndCauses() {
    ChangeEvent price = event(T3, "price", "p1", "29900", "25900", 8, 2);
    ChangeEvent image = event(T3, "main_image", "p3", "img/a.jpeg", "img/b.jpeg", 1, 1);
    RankDropExplanation drop =
        new RankDropExplanation(
            "羽绒服",
            "anonymous",
            "own1",
            "mx-a",
            T2,
            T3,
            2,
            6,
            List.of(image, price),
            List.of(price));

    ReportDocument doc = ExplainTables.document(List.of(drop), WINDOW, NOW);

    assertThat(table(doc, "rank_drops").rows())
        .containsExactly(
            row(T3, T2, "羽绒服", "anonymous", "mx-a", "own1", 2L, 6L, 2L, "标题p1 · 店p1 #2"));
    assertThat(table(doc, "drop_causes").rows())
        .containsExactly(
            row(
                T3,
                "羽绒服",
                "anonymous",
                "own1",
                "main_image",
                "标题p3",
                "店p3",
                "a.jpeg",
                "b.jpeg",
                1L,
                1L,
                "",
                "p3"),
            row(
                T3,
                "羽绒服",
                "anonymous",
                "own1",
                "price",
                "标题p1",
                "店p1",
                "¥299.00",
                "¥259.00",
                8L,
                2L,
                "yes",
                "p1"));
  }

  @Test
  void dailyHasEveryPartWithUniqueIds() {
    DailyTables.Parts parts =
        new DailyTables.Parts(
            new Top20Report(T3, "anonymous", List.of()),
            List.of(
                new RankSeries(
                    "羽绒服", "anonymous", "own1", "mx-a", "标题", "店", List.of(point(T3, 4, null)))),
            List.of(new SampleStatusRow("羽绒服", "anonymous", T3, "ok")),
            coverage(),
            events(),
            false,
            new SamplingHealthReport(Map.of(T3, Map.of("ok", 1L)), Map.of(), Map.of(), List.of()));

    ReportDocument doc = DailyTables.document(parts, WINDOW, NOW);

    assertThat(doc.title()).isEqualTo("每日报告 daily report · core");
    assertThat(doc.tables())
        .extracting(ReportTable::id)
        .containsExactly(
            "top20",
            "samples",
            "rank_summary",
            "coverage_grid",
            "coverage_share",
            "cannibalisation",
            "coverage_gaps",
            "near_misses",
            "unranked",
            "change_log",
            "change_counts",
            "health_by_slot",
            "health_by_vantage",
            "health_by_keyword",
            "missed_slots");
    assertThat(doc.charts())
        .extracting(ChartSpec::id)
        .containsExactly("coverage_heatmap", "change_timeline", "history_1");
  }
}
