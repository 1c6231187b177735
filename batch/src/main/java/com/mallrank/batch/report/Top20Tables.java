package com.mallrank.batch.report;

import com.mallrank.batch.report.model.ChartSpec;
import com.mallrank.batch.report.model.CoverageHeatmap;
import com.mallrank.batch.report.model.ReportDocument;
import com.mallrank.batch.report.model.ReportTable;
import com.mallrank.batch.sample.Slots;
import com.mallrank.index.document.ListingDocument;
import com.mallrank.index.document.SampleDocument;
import com.mallrank.index.report.KeywordTop20;
import com.mallrank.index.report.Top20Report;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The Top-20 report as a {@link ReportDocument}: the {@code top20} table (one row per listing of
 * every ranked keyword), the {@code samples} table (every keyword's sample status, so a blocked
 * keyword shows as blocked, never as empty), and the keyword × matrix-account coverage heatmap of
 * the ranked keywords.
 */
public final class Top20Tables {

  private Top20Tables() {}

  /**
   * Maps the report.
   *
   * @param report the index report
   * @param zone the zone times are shown in
   * @param accounts the matrix accounts of the plan, as heatmap columns; {@code null} for the ones
   *     seen in the report
   * @param generatedAt when the report is made
   */
  public static ReportDocument document(
      Top20Report report, ZoneId zone, List<String> accounts, Instant generatedAt) {
    ReportTable.Builder top =
        ReportTable.builder(
                "top20",
                "前20名 Top-20 · " + report.vantage() + " · " + Slots.show(report.slot(), zone))
            .text("keyword", "关键词 keyword")
            .integer("position", "位置 pos")
            .integer("organic_rank", "自然排名 organic")
            .text("sponsored", "广告 ad")
            .text("title", "标题 title")
            .text("shop", "店铺 shop")
            .moneyFen("price", "价格 price ¥")
            .percentBp("commission", "佣金 commission")
            .text("sales", "销量 sales")
            .text("matrix_account", "矩阵账号 account")
            .text("product_id", "商品ID product id");
    ReportTable.Builder samples =
        ReportTable.builder("samples", "采样状态 sample status")
            .text("keyword", "关键词 keyword")
            .text("status", "状态 status")
            .integer("result_count", "结果数 results")
            .integer("own_in_top20", "自有进前20 own in Top-20")
            .text("detail", "说明 detail")
            .datetime("sampled_at", "采样时间 sampled at")
            .text("profile", "站点 profile");
    Map<String, Map<String, Integer>> best = new LinkedHashMap<>();
    TreeSet<String> seen = new TreeSet<>();
    for (KeywordTop20 keyword : report.keywords()) {
      SampleDocument sample = keyword.sample();
      long own = keyword.listings().stream().filter(l -> l.matrixAccount() != null).count();
      samples.row(
          keyword.keyword(),
          keyword.status(),
          sample == null ? null : sample.resultCount(),
          keyword.ranked() ? own : null,
          sample == null ? null : sample.detail(),
          sample == null ? null : sample.sampledAt(),
          sample == null ? null : sample.profile());
      if (!keyword.ranked()) {
        continue;
      }
      Map<String, Integer> byAccount =
          best.computeIfAbsent(keyword.keyword(), k -> new LinkedHashMap<>());
      for (ListingDocument listing : keyword.listings()) {
        top.row(
            keyword.keyword(),
            listing.position(),
            listing.organicRank(),
            listing.sponsored() ? "广告" : "",
            listing.title(),
            listing.shopName(),
            listing.priceFen(),
            listing.commissionBp(),
            listing.salesLabel(),
            listing.matrixAccount(),
            listing.productId());
        if (listing.matrixAccount() != null) {
          seen.add(listing.matrixAccount());
          byAccount.merge(listing.matrixAccount(), listing.position(), Math::min);
        }
      }
    }
    List<String> columns = accounts == null ? List.copyOf(seen) : accounts;
    List<CoverageHeatmap.Cell> cells = new ArrayList<>();
    best.forEach(
        (keyword, byAccount) ->
            byAccount.forEach(
                (account, rank) -> {
                  if (columns.contains(account)) {
                    cells.add(new CoverageHeatmap.Cell(keyword, account, rank));
                  }
                }));
    List<ChartSpec> charts = new ArrayList<>();
    if (!best.isEmpty() && !columns.isEmpty()) {
      charts.add(
          new CoverageHeatmap(
              "coverage",
              "关键词 × 矩阵账号覆盖 (最佳名次) coverage",
              List.copyOf(best.keySet()),
              columns,
              cells));
    }
    return new ReportDocument(
        "前20名报告 Top-20 report",
        report.slot(),
        report.slot(),
        report.vantage(),
        zone,
        generatedAt,
        List.of(top.build(), samples.build()),
        charts);
  }

  /** The file name of the report, without extension. */
  public static String baseName(Top20Report report) {
    return ReportOutputOptions.fileSafe(
        "mallrank-top20-" + compact(report.slot()) + "-" + report.vantage());
  }

  static String compact(Instant slot) {
    return slot.toString().replace("-", "").replace(":", "").replace("00Z", "Z");
  }
}
