package com.mallrank.batch.report;

import com.mallrank.batch.report.model.ReportDocument;
import com.mallrank.batch.report.model.ReportTable;
import com.mallrank.batch.report.model.TextSection;
import com.mallrank.batch.report.model.VantageRanksChart;
import com.mallrank.batch.sample.Slots;
import com.mallrank.batch.text.Formats;
import com.mallrank.batch.text.TextTable;
import com.mallrank.index.document.ListingDocument;
import com.mallrank.index.document.SampleDocument;
import com.mallrank.index.report.KeywordTop20;
import com.mallrank.index.report.Top20VantagesReport;
import com.mallrank.index.report.Top20VantagesReport.KeywordVantages;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The Top-20 of several vantages side by side ({@code report top20 --vantage a,b} or {@code
 * --vantage all}) as a {@link ReportDocument}: the {@code top20} table (one row per keyword and
 * position, and for each vantage the listing it saw there: shortened title and shop, price, the
 * owning matrix account, product id), the {@code samples} table (each keyword's sample status per
 * vantage), and the chart of the seller's own listings' ranks per keyword and vantage.
 *
 * <p>A vantage whose sample produced no ranks (blocked, login required, missing, ...) shows its
 * status in every cell it would fill, {@code (blocked)}, never an empty cell a reader takes for
 * "not in the Top-20"; a ranked vantage with no card at a position (a partial list) shows {@value
 * #NO_CARD}. A keyword no vantage has ranks for keeps one row, its statuses.
 */
public final class Top20VantagesTables {

  /** How much of a listing's title a side-by-side cell shows, in display columns. */
  static final int TITLE_WIDTH = 24;

  /** How much of a shop's name a side-by-side cell shows, in display columns. */
  static final int SHOP_WIDTH = 12;

  /** The cell of a ranked vantage at a position its list does not reach. */
  static final String NO_CARD = "(no card)";

  private Top20VantagesTables() {}

  /**
   * Maps the report.
   *
   * @param report the index report
   * @param zone the zone times are shown in
   * @param generatedAt when the report is made
   */
  public static ReportDocument document(
      Top20VantagesReport report, ZoneId zone, Instant generatedAt) {
    List<String> vantages = report.vantages();
    List<String> keys = keys(vantages);
    String slot = Slots.show(report.slot(), zone);
    ReportTable.Builder top =
        ReportTable.builder("top20", "前20名 Top-20 · " + String.join(" | ", vantages) + " · " + slot)
            .text("keyword", "关键词 keyword")
            .text("profile", "站点 profile")
            .integer("position", "位置 pos");
    for (int v = 0; v < vantages.size(); v++) {
      String vantage = vantages.get(v);
      String key = keys.get(v);
      top.text(key + "_listing", vantage + " 商品 listing")
          .moneyFen(key + "_price", vantage + " 价格 price ¥")
          .text(key + "_matrix_account", vantage + " 矩阵账号 account")
          .text(key + "_product_id", vantage + " 商品ID product id");
    }
    ReportTable.Builder samples =
        ReportTable.builder("samples", "采样状态 sample status")
            .text("keyword", "关键词 keyword")
            .text("profile", "站点 profile")
            .text("vantage", "视角 vantage")
            .text("status", "状态 status")
            .integer("result_count", "结果数 results")
            .integer("own_in_top20", "自有进前20 own in Top-20")
            .text("detail", "说明 detail")
            .datetime("sampled_at", "采样时间 sampled at");
    List<String> labels = labels(report.keywords());
    List<VantageRanksChart.Rank> ranks = new ArrayList<>();
    List<VantageRanksChart.Unranked> unranked = new ArrayList<>();
    for (int k = 0; k < report.keywords().size(); k++) {
      KeywordVantages keyword = report.keywords().get(k);
      String label = labels.get(k);
      for (int v = 0; v < vantages.size(); v++) {
        KeywordTop20 view = keyword.views().get(v);
        SampleDocument sample = view.sample();
        samples.row(
            keyword.keyword(),
            keyword.profile(),
            vantages.get(v),
            view.status(),
            sample == null ? null : sample.resultCount(),
            view.ranked() ? ownCount(view) : null,
            sample == null ? null : sample.detail(),
            sample == null ? null : sample.sampledAt());
        if (!view.ranked()) {
          unranked.add(new VantageRanksChart.Unranked(label, vantages.get(v), view.status()));
          continue;
        }
        for (ListingDocument listing : view.listings()) {
          if (listing.matrixAccount() != null) {
            ranks.add(
                new VantageRanksChart.Rank(
                    label,
                    vantages.get(v),
                    listing.matrixAccount(),
                    listing.position(),
                    listing(listing)));
          }
        }
      }
      List<Map<Integer, ListingDocument>> byPosition = byPosition(keyword);
      int depth = depth(byPosition);
      for (int position = depth == 0 ? 0 : 1; position <= depth; position++) {
        List<Object> row = new ArrayList<>();
        row.add(keyword.keyword());
        row.add(keyword.profile());
        row.add(position == 0 ? null : position);
        for (int v = 0; v < vantages.size(); v++) {
          KeywordTop20 view = keyword.views().get(v);
          ListingDocument listing = byPosition.get(v).get(position);
          if (!view.ranked()) {
            row.addAll(Arrays.asList(unrankedCell(view), null, null, null));
          } else if (listing == null) {
            row.addAll(Arrays.asList(NO_CARD, null, null, null));
          } else {
            row.add(listing(listing));
            row.add(listing.priceFen());
            row.add(listing.matrixAccount());
            row.add(listing.productId());
          }
        }
        top.row(row.toArray());
      }
    }
    VantageRanksChart chart =
        new VantageRanksChart(
            "own_ranks_by_vantage",
            "自有商品各视角排名 own listings' ranks by vantage · " + slot,
            labels,
            vantages,
            ranks,
            unranked);
    return new ReportDocument(
        "前20名报告 Top-20 report · " + String.join(" | ", vantages),
        report.slot(),
        report.slot(),
        null,
        zone,
        generatedAt,
        List.of(top.build(), samples.build()),
        report.keywords().isEmpty() ? List.of() : List.of(chart),
        text(report, zone));
  }

  /**
   * The plain-text form: per keyword and profile a heading and a table with one column per vantage
   * (its header: the vantage, its status and how many of the Top-20 are the seller's), then a note
   * per vantage without ranks saying why.
   */
  static List<TextSection> text(Top20VantagesReport report, ZoneId zone) {
    List<TextSection> sections = new ArrayList<>();
    List<String> vantages = report.vantages();
    for (KeywordVantages keyword : report.keywords()) {
      String heading =
          keyword.keyword()
              + "  ["
              + (keyword.profile() == null ? "" : keyword.profile() + ", ")
              + Slots.show(report.slot(), zone)
              + "]"
              + (keyword.ranked() ? "" : "  no ranks from these samples");
      List<String> notes = new ArrayList<>();
      for (int v = 0; v < vantages.size(); v++) {
        KeywordTop20 view = keyword.views().get(v);
        if (!view.ranked()) {
          String why = view.sample() == null ? null : view.sample().detail();
          notes.add(
              "  "
                  + vantages.get(v)
                  + ": "
                  + view.status().toUpperCase(Locale.ROOT)
                  + (view.sample() == null
                      ? ": not sampled from this vantage in this slot"
                      : ": no ranks from this sample")
                  + (why == null ? "" : " (" + why + ")"));
        }
      }
      if (!keyword.ranked()) {
        sections.add(new TextSection(heading, null, "", notes));
        continue;
      }
      ReportTable.Builder table = ReportTable.builder("top20", heading).integer("pos", "pos");
      List<String> keys = keys(vantages);
      for (int v = 0; v < vantages.size(); v++) {
        KeywordTop20 view = keyword.views().get(v);
        String header =
            vantages.get(v)
                + " ("
                + (view.ranked()
                    ? view.status() + ", " + ownCount(view) + " yours"
                    : view.status().toUpperCase(Locale.ROOT))
                + ")";
        table.text(keys.get(v), header).layout(false, Integer.MAX_VALUE);
      }
      List<Map<Integer, ListingDocument>> byPosition = byPosition(keyword);
      int depth = depth(byPosition);
      for (int position = 1; position <= depth; position++) {
        List<Object> row = new ArrayList<>();
        row.add(position);
        for (int v = 0; v < vantages.size(); v++) {
          KeywordTop20 view = keyword.views().get(v);
          ListingDocument listing = byPosition.get(v).get(position);
          if (!view.ranked()) {
            row.add(unrankedCell(view));
          } else if (listing == null) {
            row.add(NO_CARD);
          } else {
            row.add(
                listing(listing)
                    + " "
                    + (listing.priceFen() == null ? "" : Formats.price(listing.priceFen()))
                    + (listing.matrixAccount() == null ? "" : " ★ " + listing.matrixAccount()));
          }
        }
        table.row(row.toArray());
      }
      sections.add(new TextSection(heading, table.build(), "", notes));
    }
    return sections;
  }

  /** A listing as a side-by-side cell reads it: its shortened title and shop. */
  static String listing(ListingDocument listing) {
    String title = listing.title() == null ? "" : TextTable.truncate(listing.title(), TITLE_WIDTH);
    String shop =
        listing.shopName() == null ? "" : TextTable.truncate(listing.shopName(), SHOP_WIDTH);
    return shop.isEmpty() ? title : title + " · " + shop;
  }

  /** The cell of a vantage without ranks: its status, in parentheses. */
  private static String unrankedCell(KeywordTop20 view) {
    return "(" + view.status() + ")";
  }

  private static long ownCount(KeywordTop20 view) {
    return view.listings().stream().filter(l -> l.matrixAccount() != null).count();
  }

  /** Per vantage, its listings by position (empty for a vantage without ranks). */
  private static List<Map<Integer, ListingDocument>> byPosition(KeywordVantages keyword) {
    List<Map<Integer, ListingDocument>> result = new ArrayList<>();
    for (KeywordTop20 view : keyword.views()) {
      Map<Integer, ListingDocument> positions = new HashMap<>();
      view.listings().forEach(l -> positions.put(l.position(), l));
      result.add(positions);
    }
    return result;
  }

  private static int depth(List<Map<Integer, ListingDocument>> byPosition) {
    int depth = 0;
    for (Map<Integer, ListingDocument> positions : byPosition) {
      for (int position : positions.keySet()) {
        depth = Math.max(depth, position);
      }
    }
    return depth;
  }

  /**
   * The x-axis entries of the chart: the keyword, and its profile too when the keyword is in the
   * report on several profiles.
   */
  private static List<String> labels(List<KeywordVantages> keywords) {
    Map<String, Integer> count = new HashMap<>();
    keywords.forEach(k -> count.merge(k.keyword(), 1, Integer::sum));
    List<String> labels = new ArrayList<>();
    for (KeywordVantages keyword : keywords) {
      labels.add(
          count.get(keyword.keyword()) > 1 && keyword.profile() != null
              ? keyword.keyword() + " · " + keyword.profile()
              : keyword.keyword());
    }
    return labels;
  }

  /**
   * The column-key stem of each vantage: snake_case ({@code mx-hangzhou} → {@code mx_hangzhou}),
   * {@code v_} before one that does not start with a letter, {@code _2}, {@code _3}, ... after one
   * already taken.
   */
  static List<String> keys(List<String> vantages) {
    Set<String> taken = new HashSet<>();
    List<String> keys = new ArrayList<>();
    for (String vantage : vantages) {
      String key = vantage.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
      key = key.replaceAll("^_+|_+$", "");
      if (key.isEmpty() || !Character.isLetter(key.charAt(0))) {
        key = "v_" + key;
      }
      String unique = key;
      for (int n = 2; !taken.add(unique); n++) {
        unique = key + "_" + n;
      }
      keys.add(unique);
    }
    return keys;
  }
}
