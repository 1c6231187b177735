package com.mallrank.batch.report.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mallrank.batch.report.SampleReports;
import com.mallrank.batch.report.model.ReportDocument;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
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
}
