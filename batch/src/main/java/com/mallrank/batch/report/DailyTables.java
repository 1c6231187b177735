package com.mallrank.batch.report;

import com.mallrank.batch.report.model.ChartSpec;
import com.mallrank.batch.report.model.CoverageHeatmap;
import com.mallrank.batch.report.model.ReportDocument;
import com.mallrank.batch.report.model.ReportTable;
import com.mallrank.index.document.ChangeEvent;
import com.mallrank.index.report.CoverageReport;
import com.mallrank.index.report.RankSeries;
import com.mallrank.index.report.SampleStatusRow;
import com.mallrank.index.report.SamplingHealthReport;
import com.mallrank.index.report.Top20Report;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The daily report: one document a team opens every morning. Tables: the latest slot's {@code
 * top20} and {@code samples} (as {@link Top20Tables}), {@code rank_summary} ({@link
 * HistoryTables}), the coverage tables ({@link CoverageTables}), {@code change_log} and {@code
 * change_counts} ({@link ChangeLogTables}) and the health tables ({@link HealthTables}); charts:
 * the rank histories, the coverage heatmap and the change timeline.
 */
public final class DailyTables {

  private DailyTables() {}

  /** The parts of a daily report, each as its own report computed it. */
  public record Parts(
      Top20Report top20,
      List<RankSeries> history,
      List<SampleStatusRow> samples,
      CoverageReport coverage,
      List<ChangeEvent> changes,
      boolean changesTruncated,
      SamplingHealthReport health) {}

  /** Maps the parts. */
  public static ReportDocument document(Parts parts, ReportWindow window, Instant generatedAt) {
    List<ReportTable> tables = new ArrayList<>();
    // The Top-20 tables only: the coverage heatmap comes from the whole window below.
    tables.addAll(
        Top20Tables.document(parts.top20(), window.zone(), window.accounts(), generatedAt)
            .tables());
    tables.add(HistoryTables.summary(parts.history()));
    tables.addAll(CoverageTables.tables(parts.coverage()));
    tables.add(ChangeLogTables.table(parts.changes()));
    tables.add(ChangeLogTables.counts(parts.changes()));
    tables.addAll(HealthTables.tables(parts.health()));
    List<ChartSpec> charts = new ArrayList<>();
    CoverageHeatmap heatmap = CoverageTables.heatmap(parts.coverage(), window.accounts());
    if (heatmap != null) {
      charts.add(heatmap);
    }
    charts.addAll(ChangeLogTables.charts(parts.changes()));
    charts.addAll(HistoryTables.charts(parts.history(), parts.samples()));
    return new ReportDocument(
        "每日报告 daily report"
            + (window.group() == null ? "" : " · " + window.group())
            + (parts.changesTruncated() ? " (change log cut at --limit)" : ""),
        window.first(),
        window.last(),
        null,
        window.zone(),
        generatedAt,
        tables,
        charts,
        List.of());
  }
}
