package com.mallrank.batch.report;

import com.mallrank.batch.report.model.ChartSpec;
import com.mallrank.batch.report.model.RankHistoryChart;
import com.mallrank.batch.report.model.ReportDocument;
import com.mallrank.batch.report.model.ReportTable;
import com.mallrank.batch.text.Formats;
import com.mallrank.index.report.RankSeries;
import com.mallrank.index.report.SampleStatusRow;
import com.mallrank.index.report.SpreadRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Rank history (the search operator's view) as a {@link ReportDocument}: one {@link
 * RankHistoryChart} per keyword and vantage with one line per listing, where slots whose sample
 * produced no ranks are {@code blockedSlots} ("not sampled", never a drop); the {@code
 * rank_summary} table (best, worst, latest, movement per listing) and the {@code vantage_spread}
 * table (median/min/max over the vantages in the latest slot).
 */
public final class HistoryTables {

  private HistoryTables() {}

  /**
   * Maps the reports.
   *
   * @param series the rank series
   * @param samples the sample statuses of the window (for the x axes and blocked slots)
   * @param spread the vantage spread of {@code spreadSlot}
   * @param spreadSlot the slot of the spread (the latest), or {@code null} when none was run
   * @param window the window and filters
   * @param generatedAt when the report is made
   */
  public static ReportDocument document(
      List<RankSeries> series,
      List<SampleStatusRow> samples,
      List<SpreadRow> spread,
      Instant spreadSlot,
      ReportWindow window,
      Instant generatedAt) {
    List<ReportTable> tables = new ArrayList<>();
    tables.add(summary(series));
    if (spreadSlot != null) {
      tables.add(spread(spread));
    }
    return window.document("排名历史 rank history", generatedAt, tables, charts(series, samples));
  }

  /**
   * One chart per (keyword, vantage) that has a series, in series order. The x axis is every slot
   * with a sample of that keyword and vantage, plus every point's slot; a slot with samples but
   * none ranked (ok/partial) is blocked.
   */
  public static List<ChartSpec> charts(List<RankSeries> series, List<SampleStatusRow> samples) {
    Map<List<String>, List<RankSeries>> byChart = new LinkedHashMap<>();
    for (RankSeries s : series) {
      byChart.computeIfAbsent(List.of(s.keyword(), s.vantage()), k -> new ArrayList<>()).add(s);
    }
    Map<List<String>, Map<Instant, Boolean>> ranked = new TreeMap<>(HistoryTables::compare);
    for (SampleStatusRow row : samples) {
      ranked
          .computeIfAbsent(List.of(row.keyword(), row.vantage()), k -> new TreeMap<>())
          .merge(row.slot(), row.ranked(), Boolean::logicalOr);
    }
    List<ChartSpec> charts = new ArrayList<>();
    int n = 0;
    for (Map.Entry<List<String>, List<RankSeries>> chart : byChart.entrySet()) {
      Map<Instant, Boolean> sampled = ranked.getOrDefault(chart.getKey(), Map.of());
      TreeSet<Instant> slots = new TreeSet<>(sampled.keySet());
      chart.getValue().forEach(s -> s.points().forEach(p -> slots.add(p.slot())));
      List<Instant> axis = List.copyOf(slots);
      List<Instant> blocked =
          axis.stream().filter(slot -> Boolean.FALSE.equals(sampled.get(slot))).toList();
      List<RankHistoryChart.RankSeries> lines = new ArrayList<>();
      for (RankSeries s : chart.getValue()) {
        Map<Instant, Integer> bySlot = new TreeMap<>();
        s.points().forEach(p -> bySlot.put(p.slot(), p.position()));
        List<Integer> ranks = new ArrayList<>();
        axis.forEach(slot -> ranks.add(bySlot.get(slot)));
        lines.add(new RankHistoryChart.RankSeries(name(s), ranks));
      }
      charts.add(
          new RankHistoryChart(
              "history_" + ++n,
              chart.getKey().get(0) + " · " + chart.getKey().get(1),
              axis,
              lines,
              blocked));
    }
    return charts;
  }

  /** The {@code rank_summary} table: one row per series. */
  public static ReportTable summary(List<RankSeries> series) {
    ReportTable.Builder table =
        ReportTable.builder("rank_summary", "排名概览 rank summary")
            .text("keyword", "关键词 keyword")
            .text("vantage", "视角 vantage")
            .text("matrix_account", "矩阵账号 account")
            .text("title", "标题 title")
            .text("shop", "店铺 shop")
            .integer("best", "最佳 best")
            .integer("worst", "最差 worst")
            .integer("latest", "最新 latest")
            .datetime("latest_slot", "最新时段 latest slot")
            .integer("movement", "最新变动 movement (+ = up)")
            .integer("window_change", "区间变动 window change (+ = up)")
            .integer("points", "次数 points")
            .text("product_id", "商品ID product id");
    for (RankSeries s : series) {
      RankSeries.Point latest = s.latest().orElse(null);
      RankSeries.Point first = s.points().isEmpty() ? null : s.points().get(0);
      table.row(
          s.keyword(),
          s.vantage(),
          s.matrixAccount(),
          s.title(),
          s.shopName(),
          s.best().orElse(null),
          s.worst().orElse(null),
          latest == null ? null : latest.position(),
          latest == null ? null : latest.slot(),
          latest == null ? null : latest.movement(),
          latest == null ? null : first.position() - latest.position(),
          s.points().size(),
          s.productId());
    }
    return table.build();
  }

  /** The {@code vantage_spread} table: one row per own listing of the latest slot. */
  public static ReportTable spread(List<SpreadRow> rows) {
    ReportTable.Builder table =
        ReportTable.builder("vantage_spread", "千人千面 vantage spread")
            .text("keyword", "关键词 keyword")
            .text("matrix_account", "矩阵账号 account")
            .text("title", "标题 title")
            .text("median", "中位 median")
            .integer("min", "最佳 min")
            .integer("max", "最差 max")
            .integer("vantages", "视角数 vantages")
            .text("positions", "各视角 positions")
            .text("product_id", "商品ID product id");
    for (SpreadRow row : rows) {
      table.row(
          row.keyword(),
          row.matrixAccount(),
          row.title(),
          median(row.median()),
          row.min(),
          row.max(),
          row.positions().size(),
          new TreeMap<>(row.positions())
              .entrySet().stream()
                  .map(e -> e.getKey() + " #" + e.getValue())
                  .collect(Collectors.joining(", ")),
          row.productId());
    }
    return table.build();
  }

  static String median(double median) {
    return median == Math.rint(median) ? Long.toString((long) median) : Double.toString(median);
  }

  private static String name(RankSeries s) {
    return (s.matrixAccount() == null ? "" : s.matrixAccount() + " · ")
        + Formats.listing(s.title(), s.shopName(), s.productId());
  }

  private static int compare(List<String> a, List<String> b) {
    int c = a.get(0).compareTo(b.get(0));
    return c != 0 ? c : a.get(1).compareTo(b.get(1));
  }
}
