package com.mallrank.batch.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallrank.batch.report.model.ReportDocument;
import com.mallrank.index.report.LayoutChangeRow;
import com.mallrank.index.report.SamplingHealthReport;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The health report's {@code layout_changes} table: present only when some sample changed layout,
 * and saying for each keyword whether a repair proposal is available (with its command) or why not.
 */
class LayoutChangesTableTest {

  private static final Instant T1 = Instant.parse("2026-11-28T06:00:00Z");
  private static final Instant T2 = T1.plusSeconds(3600);
  private static final Instant T3 = T2.plusSeconds(3600);
  private static final ReportWindow WINDOW =
      new ReportWindow(T1, T3, null, null, "core", List.of(), ZoneId.of("Asia/Shanghai"), null);

  @Test
  void eachChangedKeywordSaysWhetherARepairCanBeProposed() {
    SamplingHealthReport report =
        new SamplingHealthReport(
            Map.of(T2, Map.of("layout_changed", 4L)),
            Map.of(),
            Map.of(),
            List.of(),
            List.of(
                new LayoutChangeRow("sandbox-static", "羽绒服 女", 2, T2, 2, T1),
                new LayoutChangeRow("sandbox-static", "b", 1, T2, 0, T1),
                new LayoutChangeRow("sandbox-static", "c", 1, T2, 1, null),
                new LayoutChangeRow("sandbox-static", "d", 1, T2, 1, T3)));

    ReportDocument doc = HealthTables.document(report, WINDOW, T3);

    assertThat(WindowReportTablesTest.table(doc, "layout_changes").rows())
        .containsExactly(
            Arrays.asList(
                "sandbox-static",
                "羽绒服 女",
                2L,
                T2,
                2L,
                T1,
                "repair proposal available: mallrank profile repair --profile sandbox-static"
                    + " --keyword '羽绒服 女'"),
            Arrays.asList(
                "sandbox-static",
                "b",
                1L,
                T2,
                0L,
                T1,
                "no evidence kept (crawler.evidence.enabled): save the page, repair from files"),
            Arrays.asList(
                "sandbox-static",
                "c",
                1L,
                T2,
                1L,
                null,
                "no earlier ok sample to learn from: repair from files (--page, --known)"),
            Arrays.asList("sandbox-static", "d", 1L, T2, 1L, T3, "ranks again since the change"));
  }

  @Test
  void withoutLayoutChangesThereIsNoTable() {
    SamplingHealthReport report =
        new SamplingHealthReport(Map.of(T2, Map.of("ok", 4L)), Map.of(), Map.of(), List.of());

    assertThat(HealthTables.document(report, WINDOW, T3).tables())
        .extracting(t -> t.id())
        .containsExactly(
            "health_by_slot", "health_by_vantage", "health_by_keyword", "missed_slots");
  }
}
