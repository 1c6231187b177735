package com.mallrank.batch.report;

import com.mallrank.batch.report.model.ChangeTimeline;
import com.mallrank.batch.report.model.ChartSpec;
import com.mallrank.batch.report.model.CoverageHeatmap;
import com.mallrank.batch.report.model.RankHistoryChart;
import com.mallrank.batch.report.model.ReportDocument;
import com.mallrank.batch.report.model.ReportTable;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A realistic report for tests and the README screenshot: six Chinese long-tail keywords, the three
 * matrix accounts of the sandbox plan, 24 hourly slots (Beijing time) with two blocked samples, a
 * coverage grid with gaps, near misses and one keyword two accounts fight over, and a day of
 * competitor changes. Deterministic (fixed seed and times).
 */
public final class SampleReports {

  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  public static final Instant FIRST_SLOT = Instant.parse("2026-11-27T07:00:00Z"); // 15:00 +08
  public static final int SLOTS = 24;
  public static final Instant GENERATED = Instant.parse("2026-11-28T06:07:00Z");
  public static final List<String> ACCOUNTS = List.of("mx-hangzhou", "mx-yiwu", "mx-guangzhou");
  public static final List<String> KEYWORDS =
      List.of("加厚羽绒服女长款", "白鸭绒羽绒服女短款", "羽绒服女小个子", "高领毛衣女内搭", "无线蓝牙耳机降噪", "洗衣凝珠持久留香");

  private static final String[] SHOPS = {
    "暖冬旗舰店", "雪域羽绒官方店", "北极绒女装专营", "鸭鸭羽绒服", "波司登户外店", "小个子穿搭馆", "声阔数码", "立白官方旗舰店"
  };
  private static final String[] KINDS = {
    "price", "commission", "main_image", "title", "entered_top20", "left_top20", "new_shop"
  };

  private SampleReports() {}

  public static List<Instant> slots() {
    List<Instant> slots = new ArrayList<>();
    for (int i = 0; i < SLOTS; i++) {
      slots.add(FIRST_SLOT.plus(Duration.ofHours(i)));
    }
    return slots;
  }

  /** The full report: rank history per keyword, coverage, change timeline and three tables. */
  public static ReportDocument realistic() {
    Random random = new Random(20261128L);
    List<Instant> slots = slots();
    List<ChartSpec> charts = new ArrayList<>();
    for (int k = 0; k < KEYWORDS.size(); k++) {
      String keyword = KEYWORDS.get(k);
      List<Instant> blocked = k == 5 ? List.of(slots.get(9), slots.get(10)) : List.of();
      List<RankHistoryChart.RankSeries> series = new ArrayList<>();
      for (int a = 0; a < ACCOUNTS.size(); a++) {
        if ((k + a) % 4 == 3) {
          continue; // this account has no listing for this keyword
        }
        List<Integer> ranks = new ArrayList<>();
        int rank = 2 + random.nextInt(14);
        for (int s = 0; s < SLOTS; s++) {
          rank = Math.max(1, Math.min(26, rank + random.nextInt(5) - 2));
          boolean notMeasured = blocked.contains(slots.get(s));
          ranks.add(notMeasured || rank > 20 ? null : rank);
        }
        series.add(new RankHistoryChart.RankSeries(ACCOUNTS.get(a), ranks));
      }
      charts.add(new RankHistoryChart("rank_" + k, keyword, slots, series, blocked));
    }
    List<CoverageHeatmap.Cell> cells = new ArrayList<>();
    int[][] best = {{2, 7, 0}, {5, 3, 0}, {1, 0, 12}, {0, 18, 4}, {0, 0, 9}, {24, 33, 0}};
    for (int k = 0; k < KEYWORDS.size(); k++) {
      for (int a = 0; a < ACCOUNTS.size(); a++) {
        if (best[k][a] > 0) {
          cells.add(new CoverageHeatmap.Cell(KEYWORDS.get(k), ACCOUNTS.get(a), best[k][a]));
        }
      }
    }
    charts.add(
        new CoverageHeatmap("coverage", "关键词 × 矩阵账号覆盖 (最佳名次) coverage", KEYWORDS, ACCOUNTS, cells));
    List<ChangeTimeline.Event> events = new ArrayList<>();
    ReportTable.Builder changes =
        ReportTable.builder("change_log", "竞品变更记录 competitor change log")
            .datetime("slot", "时段 slot")
            .text("keyword", "关键词 keyword")
            .text("kind", "变更 kind")
            .text("shop", "店铺 shop")
            .text("old_value", "之前 before")
            .text("new_value", "之后 after")
            .integer("rank_after", "名次 rank");
    for (int i = 0; i < 36; i++) {
      Instant at = slots.get(1 + random.nextInt(SLOTS - 1));
      String keyword = KEYWORDS.get(random.nextInt(KEYWORDS.size()));
      String kind = KINDS[random.nextInt(KINDS.length)];
      String shop = SHOPS[random.nextInt(SHOPS.length)];
      String[] values = values(kind, random);
      events.add(
          new ChangeTimeline.Event(at, kind, keyword, shop + " " + values[0] + " → " + values[1]));
      changes.row(at, keyword, kind, shop, values[0], values[1], 1 + random.nextInt(20));
    }
    charts.add(new ChangeTimeline("timeline", "竞品变更时间线 change timeline", events));

    Instant last = slots.get(SLOTS - 1);
    ReportTable.Builder top =
        ReportTable.builder("top20", "前20名 Top-20 · 加厚羽绒服女长款 · 2026-11-28 14:00")
            .text("keyword", "关键词 keyword")
            .integer("position", "位置 pos")
            .text("sponsored", "广告 ad")
            .text("title", "标题 title")
            .text("shop", "店铺 shop")
            .moneyFen("price", "价格 price ¥")
            .percentBp("commission", "佣金 commission")
            .text("matrix_account", "矩阵账号 account");
    String[] titles = {"加厚长款羽绒服女冬季2026新款过膝连帽", "白鸭绒羽绒服女中长款韩版宽松", "大毛领羽绒服女长款收腰显瘦", "小个子羽绒服女短款面包服"};
    for (int p = 1; p <= 20; p++) {
      String account = p == 2 ? "mx-hangzhou" : p == 7 ? "mx-yiwu" : null;
      top.row(
          KEYWORDS.get(0),
          p,
          p % 6 == 3 ? "广告" : "",
          titles[p % titles.length],
          account != null ? (p == 2 ? "杭州女装·暖冬旗舰店" : "义乌·北极绒") : SHOPS[p % SHOPS.length],
          19900L + 1000L * random.nextInt(30),
          500L + 50L * random.nextInt(30),
          account);
    }
    ReportTable.Builder samples =
        ReportTable.builder("samples", "采样状态 sample status")
            .text("keyword", "关键词 keyword")
            .text("status", "状态 status")
            .integer("result_count", "结果数 results")
            .datetime("sampled_at", "采样时间 sampled at");
    for (int k = 0; k < KEYWORDS.size(); k++) {
      samples.row(
          KEYWORDS.get(k),
          k == 5 ? "blocked" : "ok",
          k == 5 ? 0 : 60,
          last.plusSeconds(40 + 17L * k));
    }
    return new ReportDocument(
        "搜索排名日报 daily rank report",
        FIRST_SLOT,
        last,
        "anonymous",
        ZONE,
        GENERATED,
        List.of(top.build(), changes.build(), samples.build()),
        charts,
        List.of());
  }

  private static String[] values(String kind, Random random) {
    return switch (kind) {
      case "price" -> {
        int before = 199 + random.nextInt(300);
        yield new String[] {"¥" + before + ".00", "¥" + (before - 10 - random.nextInt(60)) + ".00"};
      }
      case "commission" -> new String[] {"10.00%", (12 + random.nextInt(10)) + ".00%"};
      case "main_image" -> new String[] {"a1b2c3.jpeg", "f9e8d7.jpeg"};
      case "title" -> new String[] {"羽绒服女长款", "羽绒服女长款 限时直降"};
      case "entered_top20" -> new String[] {"-", "#" + (1 + random.nextInt(20))};
      case "left_top20" -> new String[] {"#" + (1 + random.nextInt(20)), "-"};
      default -> new String[] {"", "新店首次进入"};
    };
  }
}
