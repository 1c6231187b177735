package com.mallrank.batch.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.mallrank.batch.report.model.ChangeTimeline;
import com.mallrank.batch.report.model.CoverageHeatmap;
import com.mallrank.batch.report.model.ReportDocument;
import com.mallrank.batch.report.model.ReportTable;
import com.mallrank.index.document.ListingDocument;
import com.mallrank.index.document.SampleDocument;
import com.mallrank.index.report.ComparisonReport;
import com.mallrank.index.report.FieldChange;
import com.mallrank.index.report.KeywordComparison;
import com.mallrank.index.report.KeywordTop20;
import com.mallrank.index.report.RankChange;
import com.mallrank.index.report.Top20Report;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The index's Top-20 and comparison reports mapped to report tables. */
class IndexReportTablesTest {

  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final Instant SLOT = Instant.parse("2026-11-28T06:00:00Z");
  private static final Instant NOW = SLOT.plusSeconds(600);

  private static SampleDocument sample(String keyword, String status) {
    return new SampleDocument(
        SLOT,
        keyword,
        List.of("core"),
        "anonymous",
        "sandbox-static",
        status,
        60,
        800,
        200,
        null,
        "u",
        status.equals("ok") ? null : "请完成安全验证",
        SLOT.plusSeconds(30),
        null);
  }

  private static ListingDocument listing(String keyword, int position, String account) {
    return new ListingDocument(
        SLOT,
        keyword,
        "core",
        "anonymous",
        position,
        position,
        false,
        "p" + position,
        "标题" + position,
        "s",
        "店" + position,
        29900L,
        1250,
        null,
        null,
        "已售1万",
        account,
        SLOT.plusSeconds(30),
        null,
        null);
  }

  @Test
  void top20HasRowsOnlyForRankedKeywordsAndEveryStatus() {
    Top20Report report =
        new Top20Report(
            SLOT,
            "anonymous",
            List.of(
                new KeywordTop20(
                    "羽绒服女",
                    "ok",
                    sample("羽绒服女", "ok"),
                    List.of(
                        listing("羽绒服女", 1, null),
                        listing("羽绒服女", 2, "mx-hangzhou"),
                        listing("羽绒服女", 5, "mx-hangzhou"))),
                new KeywordTop20("洗衣凝珠", "blocked", sample("洗衣凝珠", "blocked"), List.of()),
                new KeywordTop20("雪地靴", KeywordTop20.STATUS_MISSING, null, List.of())));

    ReportDocument document =
        Top20Tables.document(report, ZONE, List.of("mx-hangzhou", "mx-yiwu"), NOW);

    ReportTable top = document.tables().get(0);
    assertThat(top.rows()).hasSize(3);
    assertThat(top.rows().get(1).get(top.columnIndex("matrix_account"))).isEqualTo("mx-hangzhou");
    assertThat(top.rows().get(0).get(top.columnIndex("price"))).isEqualTo(29900L);
    ReportTable samples = document.tables().get(1);
    assertThat(samples.rows())
        .extracting(row -> row.get(samples.columnIndex("status")))
        .containsExactly("ok", "blocked", "missing");
    assertThat(samples.rows().get(0).get(samples.columnIndex("own_in_top20"))).isEqualTo(2L);
    assertThat(samples.rows().get(1).get(samples.columnIndex("own_in_top20"))).isNull();
    CoverageHeatmap coverage = (CoverageHeatmap) document.charts().get(0);
    assertThat(coverage.keywords()).containsExactly("羽绒服女"); // a blocked keyword is no gap
    assertThat(coverage.accounts()).containsExactly("mx-hangzhou", "mx-yiwu");
    assertThat(coverage.cells())
        .containsExactly(new CoverageHeatmap.Cell("羽绒服女", "mx-hangzhou", 2));
    assertThat(ReportOutputOptions.baseName("top20", report.slot(), null, report.vantage()))
        .isEqualTo("mallrank-top20-20261128T0600Z-anonymous");
  }

  @Test
  void changesSplitIntoOwnCompetitorEntriesAndNotCompared() {
    Instant before = SLOT.minusSeconds(3600);
    ComparisonReport report =
        new ComparisonReport(
            before,
            SLOT,
            "anonymous",
            null,
            20,
            List.of(
                new KeywordComparison(
                    "羽绒服女",
                    "douyin-mall",
                    "ok",
                    "ok",
                    true,
                    List.of(
                        new RankChange(RankChange.Kind.MOVED, "p1", "mx-yiwu", "长款羽绒服", "店", 3, 9)),
                    List.of(
                        new RankChange(RankChange.Kind.ENTERED, "p7", null, "新款", "新店", null, 4)),
                    List.of(
                        new FieldChange(
                            FieldChange.Field.PRICE_FEN,
                            "p2",
                            "暖冬旗舰店",
                            "加厚长款羽绒服",
                            "29900",
                            "25900",
                            2,
                            1))),
                new KeywordComparison(
                    "洗衣凝珠",
                    "douyin-mall",
                    "ok",
                    "blocked",
                    false,
                    List.of(),
                    List.of(),
                    List.of())));

    ReportDocument document = ChangesTables.document(report, ZONE, false, NOW);

    ReportTable own = document.tables().get(0);
    assertThat(own.rows().get(0).get(own.columnIndex("gain"))).isEqualTo(-6L);
    ReportTable fields = document.tables().get(1);
    assertThat(fields.rows().get(0).get(fields.columnIndex("old_value"))).isEqualTo("¥299.00");
    assertThat(fields.rows().get(0).get(fields.columnIndex("price_change"))).isEqualTo(-1338L);
    ReportTable entries = document.tables().get(2);
    assertThat(entries.rows().get(0).get(entries.columnIndex("change"))).isEqualTo("entered");
    ReportTable notCompared = document.tables().get(3);
    assertThat(notCompared.rows().get(0)).containsExactly("洗衣凝珠", "ok", "blocked");
    ChangeTimeline timeline = (ChangeTimeline) document.charts().get(0);
    assertThat(timeline.events())
        .extracting(ChangeTimeline.Event::kind)
        .containsExactly("own_moved", "price", "entered_top20");
    // a competitor is named by its title and shop, its product id in a column of its own
    assertThat(fields.rows().get(0).get(fields.columnIndex("title"))).isEqualTo("加厚长款羽绒服");
    assertThat(fields.rows().get(0).get(fields.columnIndex("product_id"))).isEqualTo("p2");
    assertThat(timeline.events().get(1).label()).isEqualTo("加厚长款羽绒服 · 暖冬旗舰店 ¥299.00 → ¥259.00");
    assertThat(timeline.events().get(2).label()).isEqualTo("- → #4 新款 · 新店");
    ReportTable text = document.text().get(0).table();
    List<Object> priceRow =
        text.rows().stream()
            .filter(r -> r.get(text.columnIndex("change")).equals("competitor price"))
            .findFirst()
            .orElseThrow();
    assertThat(priceRow.get(text.columnIndex("listing"))).isEqualTo("加厚长款羽绒服");
    assertThat(priceRow.get(text.columnIndex("product_id"))).isEqualTo("p2");
    assertThat(document.from()).isEqualTo(before);
    assertThat(document.to()).isEqualTo(SLOT);
  }

  @Test
  void aReportOfOneProfileNamesItOnceAndOfSeveralOnEveryRow() {
    Instant before = SLOT.minusSeconds(3600);
    KeywordComparison mall =
        new KeywordComparison(
            "羽绒服女",
            "douyin-mall",
            "ok",
            "ok",
            true,
            List.of(new RankChange(RankChange.Kind.MOVED, "p1", "mx-yiwu", "长款羽绒服", "店", 3, 9)),
            List.of(),
            List.of());
    KeywordComparison buyin =
        new KeywordComparison(
            "羽绒服女", "douyin-buyin", "ok", "blocked", false, List.of(), List.of(), List.of());

    ReportDocument one =
        ChangesTables.document(
            new ComparisonReport(before, SLOT, "anonymous", null, 20, List.of(mall)),
            ZONE,
            false,
            NOW);
    ReportDocument both =
        ChangesTables.document(
            new ComparisonReport(before, SLOT, "anonymous", null, 20, List.of(buyin, mall)),
            ZONE,
            false,
            NOW);

    assertThat(one.title()).isEqualTo("变更报告 changes report · douyin-mall");
    assertThat(one.tables().get(0).columns())
        .extracting(c -> c.key())
        .doesNotContain("profile")
        .startsWith("keyword", "matrix_account");
    assertThat(one.text().get(0).heading()).endsWith("[anonymous · douyin-mall]");
    assertThat(both.title()).isEqualTo("变更报告 changes report");
    assertThat(both.text().get(0).heading()).endsWith("[anonymous]");
    ReportTable own = both.tables().get(0);
    assertThat(own.rows())
        .extracting(r -> r.get(own.columnIndex("keyword")), r -> r.get(own.columnIndex("profile")))
        .containsExactly(tuple("羽绒服女", "douyin-mall"));
    assertThat(both.tables().get(3).rows())
        .containsExactly(List.of("羽绒服女", "douyin-buyin", "ok", "blocked"));
    assertThat(both.text().get(0).table().rows().get(0).subList(0, 2))
        .containsExactly("羽绒服女", "douyin-mall");
    assertThat(both.text().get(0).notes())
        .containsExactly(
            "  羽绒服女 · douyin-buyin: not compared (ok -> blocked), no rank changes inferred");
    assertThat(((ChangeTimeline) both.charts().get(0)).events())
        .extracting(ChangeTimeline.Event::keyword)
        .containsExactly("羽绒服女 · douyin-mall");
  }
}
