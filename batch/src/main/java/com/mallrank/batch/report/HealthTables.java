package com.mallrank.batch.report;

import com.mallrank.batch.report.model.ReportDocument;
import com.mallrank.batch.report.model.ReportTable;
import com.mallrank.batch.text.Commands;
import com.mallrank.index.document.SampleStatus;
import com.mallrank.index.report.LayoutChangeRow;
import com.mallrank.index.report.SamplingHealthReport;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Sampling health as a {@link ReportDocument}: samples by status per slot ({@code health_by_slot}),
 * per identity ({@code health_by_vantage}) and per keyword ({@code health_by_keyword}), with the
 * share of ranked (ok/partial) samples, the expected slots nothing was sampled in ({@code
 * missed_slots}) and, when some sample turned layout_changed, each such keyword with whether a
 * repair proposal is available and its command ({@code layout_changes}).
 */
public final class HealthTables {

  /**
   * The status columns, in this order; any other status is counted under {@code other}. {@code
   * skipped} samples were not fetched on purpose (an account that needs a new login, a rest after a
   * captcha): not sampled, never a drop.
   */
  private static final List<String> STATUSES = SampleStatus.CODES;

  private HealthTables() {}

  /** Maps the report. */
  public static ReportDocument document(
      SamplingHealthReport report, ReportWindow window, Instant generatedAt) {
    return new ReportDocument(
        "采样健康 sampling health",
        window.first(),
        window.last(),
        null,
        window.zone(),
        generatedAt,
        tables(report),
        List.of(),
        List.of());
  }

  /** The tables, in reading order. */
  public static List<ReportTable> tables(SamplingHealthReport report) {
    ReportTable.Builder bySlot = statusTable("health_by_slot", "采样·时段 samples by slot");
    bySlot.datetime("slot", "时段 slot");
    ReportTable.Builder byVantage = statusTable("health_by_vantage", "采样·视角 samples by identity");
    byVantage.text("vantage", "视角 vantage");
    ReportTable.Builder byKeyword = statusTable("health_by_keyword", "采样·关键词 samples by keyword");
    byKeyword.text("keyword", "关键词 keyword");
    ReportTable.Builder missed =
        ReportTable.builder("missed_slots", "漏采时段 missed slots")
            .datetime("slot", "时段 slot")
            .text("note", "说明 note");
    fill(bySlot, report.bySlot());
    fill(byVantage, report.byVantage());
    fill(byKeyword, report.byKeyword());
    for (Instant slot : report.missedSlots()) {
      missed.row(slot, "no sample at all: the scheduler did not run or nothing was written");
    }
    List<ReportTable> tables =
        new java.util.ArrayList<>(
            List.of(bySlot.build(), byVantage.build(), byKeyword.build(), missed.build()));
    if (!report.layoutChanges().isEmpty()) {
      tables.add(layoutChanges(report.layoutChanges()));
    }
    return tables;
  }

  /**
   * {@code layout_changes}, only when some sample turned layout_changed: per profile and keyword,
   * whether a repair proposal is available and the command that makes it.
   */
  private static ReportTable layoutChanges(List<LayoutChangeRow> rows) {
    ReportTable.Builder table =
        ReportTable.builder("layout_changes", "版面变化 layout changes (profile repair)")
            .text("profile", "站点 profile")
            .text("keyword", "关键词 keyword")
            .integer("samples", "样本 samples")
            .datetime("last_changed", "最近 last changed")
            .integer("evidence", "证据 evidence kept")
            .datetime("last_ranked", "最近正常 last ok")
            .text("repair", "修复 repair")
            .layout(false, Integer.MAX_VALUE); // the command is copied from here: never cut
    for (LayoutChangeRow row : rows) {
      table.row(
          row.profile(),
          row.keyword(),
          row.samples(),
          row.lastChanged(),
          row.withEvidence(),
          row.lastRanked(),
          repair(row));
    }
    return table.build();
  }

  /** What the health report says about repairing one keyword's changed layout. */
  static String repair(LayoutChangeRow row) {
    if (row.recovered()) {
      return "ranks again since the change";
    }
    if (row.repairable()) {
      return "repair proposal available: " + Commands.profileRepair(row.profile(), row.keyword());
    }
    if (row.withEvidence() == 0) {
      return "no evidence kept (crawler.evidence.enabled): save the page, repair from files";
    }
    return "no earlier ok sample to learn from: repair from files (--page, --known)";
  }

  private static ReportTable.Builder statusTable(String id, String title) {
    return ReportTable.builder(id, title);
  }

  private static <K> void fill(ReportTable.Builder table, Map<K, Map<String, Long>> counts) {
    table.integer("samples", "样本 samples");
    for (String status : STATUSES) {
      table.integer(status, status);
    }
    table.integer("other", "其他 other").percentBp("ranked_share", "有效率 ranked share");
    BiConsumer<K, Map<String, Long>> row =
        (key, byStatus) -> {
          Object[] cells = new Object[STATUSES.size() + 4];
          long total = byStatus.values().stream().mapToLong(Long::longValue).sum();
          long known = 0;
          cells[0] = key;
          cells[1] = total;
          for (int i = 0; i < STATUSES.size(); i++) {
            long n = byStatus.getOrDefault(STATUSES.get(i), 0L);
            known += n;
            cells[2 + i] = n;
          }
          long ranked =
              SampleStatus.RANKED.stream().mapToLong(s -> byStatus.getOrDefault(s, 0L)).sum();
          cells[STATUSES.size() + 2] = total - known;
          cells[STATUSES.size() + 3] = total == 0 ? null : Math.round(ranked * 10_000.0 / total);
          table.row(cells);
        };
    counts.forEach(row);
  }
}
