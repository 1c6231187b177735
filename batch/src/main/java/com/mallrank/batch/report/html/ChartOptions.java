package com.mallrank.batch.report.html;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mallrank.batch.report.model.ChangeTimeline;
import com.mallrank.batch.report.model.ChartSpec;
import com.mallrank.batch.report.model.CoverageHeatmap;
import com.mallrank.batch.report.model.RankHistoryChart;
import com.mallrank.batch.report.model.VantageRanksChart;
import com.mallrank.batch.text.Formats;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns chart specs into ECharts options (plain JSON: no functions; the page adds escaping tooltip
 * formatters). Animation is off so a printed or captured page is complete. Times are shown in the
 * report's zone whatever the viewer's browser zone: slots become category labels, and timeline
 * instants are shifted by the zone offset and drawn with {@code useUTC}.
 */
final class ChartOptions {

  static final String FONT =
      "-apple-system, \"PingFang SC\", \"Hiragino Sans GB\", \"Microsoft YaHei\", \"Noto Sans CJK"
          + " SC\", \"Source Han Sans SC\", \"WenQuanYi Micro Hei\", \"Helvetica Neue\", Arial,"
          + " sans-serif";

  static final String[] PALETTE = {
    "#2f6fde", "#e8684a", "#13a89e", "#f6bd16", "#7262fd", "#5d7092", "#ff9845", "#1e9493",
    "#ff99c3", "#6dc8ec"
  };

  /** Kind codes of change events, as people read them. */
  static final Map<String, String> KIND_NAMES = new LinkedHashMap<>();

  static {
    KIND_NAMES.put("price", "价格 price");
    KIND_NAMES.put("commission", "佣金 commission");
    KIND_NAMES.put("main_image", "主图 main image");
    KIND_NAMES.put("title", "标题 title");
    KIND_NAMES.put("shop", "店铺 shop");
    KIND_NAMES.put("entered_top20", "进入前20 entered");
    KIND_NAMES.put("left_top20", "跌出前20 left");
    KIND_NAMES.put("new_shop", "新店铺 new shop");
    KIND_NAMES.put("own_moved", "自有排名变动 own moved");
  }

  private final JsonNodeFactory json = JsonNodeFactory.instance;
  private final ZoneId zone;

  ChartOptions(ZoneId zone) {
    this.zone = zone;
  }

  /** The options of one chart. */
  ObjectNode of(ChartSpec chart) {
    if (chart instanceof RankHistoryChart c) {
      return rankHistory(c);
    }
    if (chart instanceof CoverageHeatmap c) {
      return heatmap(c);
    }
    if (chart instanceof VantageRanksChart c) {
      return vantageRanks(c);
    }
    return timeline((ChangeTimeline) chart);
  }

  /** The chart's height in CSS pixels. */
  static int height(ChartSpec chart) {
    if (chart instanceof CoverageHeatmap c) {
      return Math.max(220, 110 + 34 * c.keywords().size());
    }
    if (chart instanceof ChangeTimeline c) {
      long rows = c.events().stream().map(ChangeTimeline.Event::keyword).distinct().count();
      return (int) Math.max(240, 130 + 30 * rows);
    }
    if (chart instanceof VantageRanksChart) {
      return 340;
    }
    return 300;
  }

  private ObjectNode base(String title) {
    ObjectNode option = json.objectNode();
    option.put("animation", false);
    ArrayNode colors = option.putArray("color");
    for (String color : PALETTE) {
      colors.add(color);
    }
    option.putObject("textStyle").put("fontFamily", FONT);
    option
        .putObject("title")
        .put("text", title)
        .put("left", 8)
        .put("top", 4)
        .putObject("textStyle")
        .put("fontSize", 14)
        .put("fontWeight", 600)
        .put("color", "#1f2937");
    return option;
  }

  private ObjectNode rankHistory(RankHistoryChart chart) {
    ObjectNode option = base(chart.title());
    option.putObject("tooltip").put("trigger", "axis");
    ObjectNode legend = option.putObject("legend").put("type", "scroll").put("top", 26);
    legend.put("left", 8).put("right", 8);
    option
        .putObject("grid")
        .put("left", 44)
        .put("right", 18)
        .put("top", 64)
        .put("bottom", 30)
        .put("containLabel", false);
    ArrayNode labels = json.arrayNode();
    for (Instant slot : chart.slots()) {
      labels.add(Formats.shortTime(slot, zone));
    }
    // Points sit in bands, so a shaded blocked slot is as wide as a slot.
    ObjectNode x = option.putObject("xAxis").put("type", "category").put("boundaryGap", true);
    x.set("data", labels);
    x.putObject("axisLabel").put("hideOverlap", true);
    // Rank 1 is on top: keep the axis at the bottom, not at the value 0 (the top).
    x.putObject("axisLine").put("onZero", false);
    int max = 20;
    for (RankHistoryChart.RankSeries s : chart.series()) {
      for (Integer rank : s.ranks()) {
        if (rank != null) {
          max = Math.max(max, rank);
        }
      }
    }
    rankAxis(option, (max + 4) / 5 * 5);
    ArrayNode series = option.putArray("series");
    for (RankHistoryChart.RankSeries s : chart.series()) {
      ObjectNode line =
          series
              .addObject()
              .put("type", "line")
              .put("name", s.name())
              .put("connectNulls", false)
              .put("symbolSize", 6)
              .put("showSymbol", true);
      ArrayNode data = line.putArray("data");
      for (Integer rank : s.ranks()) {
        if (rank == null) {
          data.addNull();
        } else {
          data.add(rank);
        }
      }
    }
    if (!chart.blockedSlots().isEmpty()) {
      // A full-height grey band per slot without ranks: "not measured", never "dropped out".
      ObjectNode band =
          series
              .addObject()
              .put("type", "bar")
              .put("name", "未采到 not sampled")
              .put("silent", true)
              .put("barWidth", "100%")
              .put("barGap", "-100%")
              .put("z", 1);
      band.putObject("itemStyle").put("color", "rgba(148,163,184,0.28)");
      ArrayNode data = band.putArray("data");
      for (Instant slot : chart.slots()) {
        if (chart.blockedSlots().contains(slot)) {
          data.add((max + 4) / 5 * 5);
        } else {
          data.addNull();
        }
      }
    }
    return option;
  }

  /**
   * Own listings' ranks per keyword (x), one scatter series per vantage, offset side by side within
   * the keyword's band; rank 1 on top. A keyword a vantage has no ranks for gets a grey square in a
   * band below the last rank, carrying the status (the tooltip says it), never nothing.
   */
  private ObjectNode vantageRanks(VantageRanksChart chart) {
    ObjectNode option = base(chart.title());
    option.putObject("tooltip").put("trigger", "item");
    option.putObject("legend").put("type", "scroll").put("top", 26).put("left", 8).put("right", 8);
    option
        .putObject("grid")
        .put("left", 44)
        .put("right", 18)
        .put("top", 64)
        .put("bottom", 48)
        .put("containLabel", false);
    ObjectNode x = option.putObject("xAxis").put("type", "category").put("boundaryGap", true);
    x.set("data", strings(chart.keywords()));
    x.putObject("axisLabel").put("interval", 0).put("hideOverlap", true);
    x.putObject("axisLine").put("onZero", false);
    x.putObject("splitArea").put("show", true);
    int max = 20;
    for (VantageRanksChart.Rank rank : chart.ranks()) {
      max = Math.max(max, rank.position());
    }
    int top = (max + 4) / 5 * 5;
    // one band below the last rank holds the marks of vantages without ranks (its label hidden by
    // the page), so they never read as rank 20
    rankAxis(option, top + 5);
    ArrayNode series = option.putArray("series");
    int count = chart.vantages().size();
    for (int i = 0; i < count; i++) {
      String vantage = chart.vantages().get(i);
      ObjectNode s =
          series.addObject().put("type", "scatter").put("name", vantage).put("symbolSize", 12);
      // side by side within the keyword's band: 14 px apart, centred
      s.putArray("symbolOffset").add((int) Math.round((i - (count - 1) / 2.0) * 14)).add(0);
      ArrayNode data = s.putArray("data");
      for (VantageRanksChart.Rank rank : chart.ranks()) {
        if (!rank.vantage().equals(vantage)) {
          continue;
        }
        ObjectNode point = data.addObject();
        point.putArray("value").add(chart.keywords().indexOf(rank.keyword())).add(rank.position());
        point.put("name", rank.listing() == null ? "" : rank.listing());
        point.put("account", rank.account());
      }
      for (VantageRanksChart.Unranked mark : chart.unranked()) {
        if (!mark.vantage().equals(vantage)) {
          continue;
        }
        ObjectNode point = data.addObject();
        point.putArray("value").add(chart.keywords().indexOf(mark.keyword())).add(top + 3);
        point.put("name", mark.status());
        point.put("status", mark.status());
        point.put("symbol", "rect");
        point.putObject("itemStyle").put("color", "rgba(148,163,184,0.8)");
      }
    }
    return option;
  }

  /**
   * The rank axis, rank 1 on top: from 0 (unlabelled by the page) to {@code max}, a multiple of 5,
   * ticks at 5, 10, 15, 20.
   */
  private static void rankAxis(ObjectNode option, int max) {
    ObjectNode y =
        option
            .putObject("yAxis")
            .put("type", "value")
            .put("inverse", true)
            .put("min", 0)
            .put("max", max)
            .put("interval", 5);
    y.putObject("splitLine").putObject("lineStyle").put("color", "#eef0f3");
  }

  private ObjectNode heatmap(CoverageHeatmap chart) {
    ObjectNode option = base(chart.title());
    option.putObject("tooltip").put("trigger", "item");
    option
        .putObject("grid")
        .put("left", 8)
        .put("right", 24)
        .put("top", 40)
        .put("bottom", 64)
        .put("containLabel", true);
    ObjectNode x = option.putObject("xAxis").put("type", "category").put("position", "top");
    x.set("data", strings(chart.accounts()));
    x.putObject("splitArea").put("show", true);
    ObjectNode y = option.putObject("yAxis").put("type", "category").put("inverse", true);
    y.set("data", strings(chart.keywords()));
    y.putObject("splitArea").put("show", true);
    ObjectNode visual =
        option
            .putObject("visualMap")
            .put("type", "piecewise")
            .put("orient", "horizontal")
            .put("left", "center")
            .put("bottom", 6)
            .put("dimension", 2);
    ArrayNode pieces = visual.putArray("pieces");
    pieces.addObject().put("min", 1).put("max", 3).put("label", "1–3").put("color", "#0f8a5f");
    pieces.addObject().put("min", 4).put("max", 10).put("label", "4–10").put("color", "#5cc38f");
    pieces.addObject().put("min", 11).put("max", 20).put("label", "11–20").put("color", "#f2c14e");
    pieces.addObject().put("min", 21).put("label", "21+").put("color", "#e07a5f");
    ArrayNode data = json.arrayNode();
    for (CoverageHeatmap.Cell cell : chart.cells()) {
      data.addArray()
          .add(chart.accounts().indexOf(cell.account()))
          .add(chart.keywords().indexOf(cell.keyword()))
          .add(cell.bestRank());
    }
    ObjectNode series =
        option.putArray("series").addObject().put("type", "heatmap").put("name", chart.title());
    series.set("data", data);
    series.putObject("label").put("show", true).put("formatter", "#{@[2]}").put("color", "#fff");
    series.putObject("itemStyle").put("borderColor", "#fff").put("borderWidth", 2);
    return option;
  }

  private ObjectNode timeline(ChangeTimeline chart) {
    ObjectNode option = base(chart.title());
    option.put("useUTC", true);
    option.putObject("tooltip").put("trigger", "item");
    option.putObject("legend").put("type", "scroll").put("top", 26).put("left", 8);
    option
        .putObject("grid")
        .put("left", 8)
        .put("right", 24)
        .put("top", 64)
        .put("bottom", 30)
        .put("containLabel", true);
    option.putObject("xAxis").put("type", "time").putObject("splitLine").put("show", false);
    List<String> keywords = new ArrayList<>();
    Map<String, ArrayNode> byKind = new LinkedHashMap<>();
    for (String kind : KIND_NAMES.keySet()) {
      byKind.put(kind, null);
    }
    for (ChangeTimeline.Event event : chart.events()) {
      if (!keywords.contains(event.keyword())) {
        keywords.add(event.keyword());
      }
    }
    ObjectNode y = option.putObject("yAxis").put("type", "category").put("inverse", true);
    y.set("data", strings(keywords));
    y.putObject("splitLine").put("show", true).putObject("lineStyle").put("color", "#eef0f3");
    for (ChangeTimeline.Event event : chart.events()) {
      ArrayNode data = byKind.get(event.kind());
      if (data == null) {
        data = json.arrayNode();
        byKind.put(event.kind(), data);
      }
      long shifted =
          event.at().toEpochMilli()
              + zone.getRules().getOffset(event.at()).getTotalSeconds() * 1000L;
      ObjectNode point = data.addObject();
      point.putArray("value").add(shifted).add(event.keyword());
      point.put("name", event.label() == null ? "" : event.label());
      point.put("time", Formats.time(event.at(), zone));
    }
    ArrayNode series = option.putArray("series");
    String[] symbols = {"circle", "diamond", "triangle", "rect", "roundRect", "pin", "arrow"};
    int i = 0;
    for (Map.Entry<String, ArrayNode> kind : byKind.entrySet()) {
      if (kind.getValue() == null) {
        continue;
      }
      ObjectNode s =
          series
              .addObject()
              .put("type", "scatter")
              .put("name", KIND_NAMES.getOrDefault(kind.getKey(), kind.getKey()))
              .put("symbol", symbols[i++ % symbols.length])
              .put("symbolSize", 13);
      s.set("data", kind.getValue());
      s.putObject("itemStyle").put("opacity", 0.85);
    }
    return option;
  }

  private ArrayNode strings(List<String> values) {
    ArrayNode array = json.arrayNode();
    values.forEach(array::add);
    return array;
  }
}
