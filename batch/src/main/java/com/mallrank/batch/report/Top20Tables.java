package com.mallrank.batch.report;

import com.mallrank.batch.report.model.ChartSpec;
import com.mallrank.batch.report.model.CoverageHeatmap;
import com.mallrank.batch.report.model.ReportDocument;
import com.mallrank.batch.report.model.ReportTable;
import com.mallrank.batch.report.model.TextSection;
import com.mallrank.batch.sample.Slots;
import com.mallrank.index.document.ListingDocument;
import com.mallrank.index.document.SampleDocument;
import com.mallrank.index.report.KeywordTop20;
import com.mallrank.index.report.Top20Report;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
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
            cells(
                List.of(keyword.keyword()),
                listing,
                listing.salesLabel(),
                listing.matrixAccount(),
                listing.productId()));
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
        charts,
        text(report, zone));
  }

  /**
   * The plain-text form: per keyword a headline (vantage, profile, slot, how many of the Top-20 are
   * the seller's, or why the sample produced no ranks) and, when ranked, its table.
   */
  static List<TextSection> text(Top20Report report, ZoneId zone) {
    List<TextSection> sections = new ArrayList<>();
    for (KeywordTop20 keyword : report.keywords()) {
      String heading =
          keyword.keyword()
              + "  ["
              + (keyword.sample() == null
                  ? report.vantage()
                  : report.vantage() + " · " + keyword.sample().profile())
              + ", "
              + Slots.show(report.slot(), zone)
              + "]  "
              + headline(keyword);
      if (!keyword.ranked()) {
        sections.add(TextSection.heading(heading));
        continue;
      }
      ReportTable.Builder table =
          ReportTable.builder("top20", heading)
              .integer("pos", "pos")
              .integer("org", "org")
              .text("ad", "ad")
              .layout(false, Integer.MAX_VALUE)
              .text("title", "title")
              .layout(false, 34)
              .text("shop", "shop")
              .layout(false, 16)
              .moneyFen("price", "price ¥")
              .percentBp("commission", "佣金")
              .text("matrix_account", "matrix account")
              .layout(false, Integer.MAX_VALUE);
      for (ListingDocument listing : keyword.listings()) {
        table.row(
            cells(
                List.of(),
                listing,
                listing.matrixAccount() == null ? "" : "★ " + listing.matrixAccount()));
      }
      sections.add(new TextSection(heading, table.build(), "", List.of()));
    }
    return sections;
  }

  private static String headline(KeywordTop20 keyword) {
    if (keyword.ranked()) {
      long own = keyword.listings().stream().filter(l -> l.matrixAccount() != null).count();
      return keyword.status() + ", " + own + " of the Top-20 are yours";
    }
    String why = keyword.sample() == null ? null : keyword.sample().detail();
    return keyword.status().toUpperCase(java.util.Locale.ROOT)
        + ": no ranks from this sample"
        + (why == null ? "" : " (" + why + ")");
  }

  /**
   * A row of either Top-20 table: {@code before}, then the listing's position, organic rank, ad
   * mark, title, shop, price and commission (both tables show these, in this order), then {@code
   * after}.
   */
  private static Object[] cells(List<?> before, ListingDocument listing, Object... after) {
    List<Object> cells = new ArrayList<Object>(before);
    cells.addAll(
        Arrays.asList(
            listing.position(),
            listing.organicRank(),
            listing.sponsored() ? "广告" : "",
            listing.title(),
            listing.shopName(),
            listing.priceFen(),
            listing.commissionBp()));
    cells.addAll(Arrays.asList(after));
    return cells.toArray();
  }
}
