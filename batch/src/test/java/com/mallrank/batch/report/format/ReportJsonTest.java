package com.mallrank.batch.report.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mallrank.batch.report.SampleReports;
import com.mallrank.batch.report.model.ReportDocument;
import com.mallrank.batch.report.model.VantageRanksChart;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportJsonTest {

  private static byte[] json(ReportDocument report) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new ReportJson().write(report, out);
    return out.toByteArray();
  }

  @Test
  void roundTripsTablesAndCharts() throws Exception {
    ReportDocument report = SampleReports.realistic();

    ReportDocument read = new ReportJson().read(new ByteArrayInputStream(json(report)));

    assertThat(read).isEqualTo(report);
  }

  @Test
  void roundTripsEmptyCells() throws Exception {
    ReportDocument report = FormatFixtures.report("报告", FormatFixtures.top20());

    assertThat(new ReportJson().read(new ByteArrayInputStream(json(report)))).isEqualTo(report);
  }

  @Test
  void fieldNamesAndUnitsAreStable() throws Exception {
    JsonNode root =
        new ObjectMapper().readTree(json(FormatFixtures.report("报告", FormatFixtures.top20())));

    assertThat(root.path("format").asText()).isEqualTo("mallrank-report");
    assertThat(root.path("version").asInt()).isEqualTo(1);
    assertThat(root.path("zone").asText()).isEqualTo("Asia/Shanghai");
    assertThat(root.path("generated_at").asText()).isEqualTo("2026-11-28T06:05:00Z");
    JsonNode table = root.path("tables").get(0);
    assertThat(table.path("id").asText()).isEqualTo("top20");
    assertThat(table.path("columns").get(3).path("type").asText()).isEqualTo("money_fen");
    JsonNode row = table.path("rows").get(0);
    assertThat(row.path("price").isIntegralNumber()).isTrue();
    assertThat(row.path("price").asLong()).isEqualTo(29900L);
    assertThat(row.path("commission").asLong()).isEqualTo(1250L);
    assertThat(row.path("sampled_at").asText()).isEqualTo("2026-11-28T06:00:00Z");
    assertThat(table.path("rows").get(2).path("price").isNull()).isTrue();
  }

  @Test
  void chartsCarryTheirType() throws Exception {
    JsonNode charts = new ObjectMapper().readTree(json(SampleReports.realistic())).path("charts");

    assertThat(charts.get(0).path("type").asText()).isEqualTo("rank_history");
    assertThat(charts.get(0).has("blocked_slots")).isTrue();
    assertThat(charts.get(6).path("type").asText()).isEqualTo("coverage_heatmap");
    assertThat(charts.get(6).path("cells").get(0).has("best_rank")).isTrue();
    assertThat(charts.get(7).path("type").asText()).isEqualTo("change_timeline");
  }

  @Test
  void roundTripsTheOwnRanksByVantageChart() throws Exception {
    VantageRanksChart chart =
        new VantageRanksChart(
            "own_ranks_by_vantage",
            "自有商品各视角排名",
            List.of("羽绒服女", "雪地靴"),
            List.of("anonymous", "mx-a"),
            List.of(new VantageRanksChart.Rank("羽绒服女", "mx-a", "mx-a", 3, "自营 · 店")),
            List.of(new VantageRanksChart.Unranked("雪地靴", "anonymous", "blocked")));
    ReportDocument report =
        new ReportDocument(
            "报告",
            FormatFixtures.SLOT,
            FormatFixtures.SLOT,
            null,
            FormatFixtures.ZONE,
            FormatFixtures.SLOT,
            List.of(FormatFixtures.samples()),
            List.of(chart),
            List.of());

    byte[] json = json(report);

    assertThat(new ReportJson().read(new ByteArrayInputStream(json))).isEqualTo(report);
    JsonNode written = new ObjectMapper().readTree(json).path("charts").get(0);
    assertThat(written.path("type").asText()).isEqualTo("vantage_ranks");
    assertThat(written.path("ranks").get(0).path("position").asInt()).isEqualTo(3);
    assertThat(written.path("unranked").get(0).path("status").asText()).isEqualTo("blocked");
  }
}
