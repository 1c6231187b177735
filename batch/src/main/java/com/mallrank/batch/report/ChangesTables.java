package com.mallrank.batch.report;

import com.mallrank.batch.report.model.ChangeTimeline;
import com.mallrank.batch.report.model.ChartSpec;
import com.mallrank.batch.report.model.ReportDocument;
import com.mallrank.batch.report.model.ReportTable;
import com.mallrank.batch.report.model.TextSection;
import com.mallrank.batch.sample.Slots;
import com.mallrank.batch.text.Formats;
import com.mallrank.index.report.ComparisonReport;
import com.mallrank.index.report.FieldChange;
import com.mallrank.index.report.KeywordComparison;
import com.mallrank.index.report.RankChange;
import com.mallrank.index.schema.Fields;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The slot comparison as a {@link ReportDocument}: {@code own_moves} (the seller's listings that
 * moved, entered or left), {@code competitor_changes} (price, commission, main image, title, with
 * the relative price change; the listing named by its title, its product id in a column of its
 * own), {@code competitor_entries} (every competitor that entered or left the Top-N), {@code
 * not_compared} (keywords whose samples produced no ranks, with both statuses), and a change
 * timeline. A keyword sampled on several site profiles (surfaces) is compared once per profile: a
 * report of one profile names it once in its title, a report of several names it on every row (a
 * {@code profile} column after the keyword).
 */
public final class ChangesTables {

  private ChangesTables() {}

  /**
   * Maps the report.
   *
   * @param everyEntry list every competitor that entered or left the Top-20 in the plain-text form;
   *     otherwise one count per keyword (ads rotate every hour, so the full list is long)
   */
  public static ReportDocument document(
      ComparisonReport report, ZoneId zone, boolean everyEntry, Instant generatedAt) {
    boolean perRow = perRow(report);
    ReportTable.Builder own =
        moves(
            keyed(ReportTable.builder("own_moves", "自有商品排名变动 own listings moved"), perRow)
                .text("matrix_account", "矩阵账号 account"),
            true);
    ReportTable.Builder fields =
        keyed(ReportTable.builder("competitor_changes", "竞品变更 competitor changes"), perRow)
            .text("field", "变更 field")
            .text("title", "标题 title")
            .text("shop", "店铺 shop")
            .text("old_value", "之前 before")
            .text("new_value", "之后 after")
            .percentBp("price_change", "价格变化 price change")
            .integer("position_before", "位置前 pos before")
            .integer("position_after", "位置后 pos after")
            .text("product_id", "商品ID product id");
    ReportTable.Builder entries =
        moves(
            keyed(
                ReportTable.builder(
                    "competitor_entries", "竞品进出前" + report.topN() + " entries and exits"),
                perRow),
            false);
    ReportTable.Builder notCompared =
        keyed(ReportTable.builder("not_compared", "未比较 not compared (no ranks)"), perRow)
            .text("status_before", "之前状态 status before")
            .text("status_after", "之后状态 status after");
    List<ChangeTimeline.Event> events = new ArrayList<>();
    Instant at = report.after();
    for (KeywordComparison keyword : report.keywords()) {
      if (!keyword.comparable()) {
        notCompared.row(cells(keyword, perRow, keyword.statusBefore(), keyword.statusAfter()));
        continue;
      }
      for (RankChange change : keyword.own()) {
        own.row(moveCells(keyword, perRow, change, true));
        events.add(moveEvent(at, keyword, perRow, change, true));
      }
      for (FieldChange change : keyword.changes()) {
        fields.row(
            cells(
                keyword,
                perRow,
                names(change.field()).label(),
                change.title(),
                change.shopName(),
                value(change.field(), change.oldValue()),
                value(change.field(), change.newValue()),
                priceChange(change),
                change.positionBefore(),
                change.positionAfter(),
                change.productId()));
        events.add(
            new ChangeTimeline.Event(
                at,
                names(change.field()).timeline(),
                label(keyword, perRow),
                Formats.listing(change.title(), change.shopName(), change.productId())
                    + " "
                    + value(change.field(), change.oldValue())
                    + " → "
                    + value(change.field(), change.newValue())));
      }
      for (RankChange change : keyword.competitors()) {
        entries.row(moveCells(keyword, perRow, change, false));
        events.add(moveEvent(at, keyword, perRow, change, false));
      }
    }
    List<ChartSpec> charts =
        events.isEmpty()
            ? List.of()
            : List.of(new ChangeTimeline("changes", "变更时间线 change timeline", events));
    return new ReportDocument(
        "变更报告 changes report" + (perRow ? "" : onProfile(report, " · ")),
        report.before(),
        report.after(),
        report.vantage(),
        zone,
        generatedAt,
        List.of(own.build(), fields.build(), entries.build(), notCompared.build()),
        charts,
        List.of(text(report, zone, everyEntry)));
  }

  /**
   * The plain-text form: one table for all keywords (own movements, competitors' field changes,
   * entries and exits or their count), then the keywords whose samples could not be compared.
   */
  static TextSection text(ComparisonReport report, ZoneId zone, boolean everyEntry) {
    String heading =
        "Changes "
            + Slots.show(report.before(), zone)
            + " -> "
            + Slots.show(report.after(), zone)
            + " ["
            + report.vantage()
            + (perRow(report) ? "" : onProfile(report, " · "))
            + "]";
    boolean perRow = perRow(report);
    ReportTable.Builder table =
        ReportTable.builder("changes", heading).text("keyword", "keyword").layout(false, 18);
    if (perRow) {
      table.text(Fields.PROFILE, "profile").layout(false, 14);
    }
    table
        .text("change", "change")
        .layout(false, Integer.MAX_VALUE)
        .text("listing", "listing")
        .layout(false, 26)
        .text("shop", "shop")
        .layout(false, 14)
        .text("before", "before")
        .layout(true, 14)
        .text("after", "after")
        .layout(true, 14)
        .text("rank", "rank")
        .layout(false, Integer.MAX_VALUE)
        .text(Fields.PRODUCT_ID, "product id")
        .layout(false, Integer.MAX_VALUE);
    List<String> notComparable = new ArrayList<>();
    for (KeywordComparison keyword : report.keywords()) {
      if (!keyword.comparable()) {
        notComparable.add(
            "  "
                + label(keyword, perRow)
                + ": not compared ("
                + keyword.statusBefore()
                + " -> "
                + keyword.statusAfter()
                + "), no rank changes inferred");
        continue;
      }
      for (RankChange change : keyword.own()) {
        table.row(
            cells(
                keyword,
                perRow,
                "★ " + change.matrixAccount() + " " + names(change.kind()).verb(),
                change.title(),
                change.shopName(),
                rank(change.positionBefore()),
                rank(change.positionAfter()),
                change.gain() == null ? "" : (change.gain() > 0 ? "+" : "") + change.gain(),
                change.productId()));
      }
      for (FieldChange change : keyword.changes()) {
        table.row(
            cells(
                keyword,
                perRow,
                "competitor " + names(change.field()).english(),
                change.title() == null ? change.productId() : change.title(),
                change.shopName(),
                value(change.field(), change.oldValue()),
                value(change.field(), change.newValue()),
                "#" + change.positionBefore() + " -> #" + change.positionAfter(),
                change.productId()));
      }
      if (!everyEntry && !keyword.competitors().isEmpty()) {
        long entered =
            keyword.competitors().stream().filter(c -> c.kind() == RankChange.Kind.ENTERED).count();
        table.row(
            cells(
                keyword,
                perRow,
                "competitors in/out",
                entered + " entered, " + (keyword.competitors().size() - entered) + " left",
                "",
                "",
                "",
                "",
                ""));
        continue;
      }
      for (RankChange competitor : keyword.competitors()) {
        table.row(
            cells(
                keyword,
                perRow,
                "competitor " + names(competitor.kind()).verb(),
                competitor.title(),
                competitor.shopName(),
                rank(competitor.positionBefore()),
                rank(competitor.positionAfter()),
                "",
                competitor.productId()));
      }
    }
    return new TextSection(heading, table.build(), "  no changes", notComparable);
  }

  /** Whether the report covers several profiles, so each row names its own. */
  private static boolean perRow(ComparisonReport report) {
    return report.profiles().size() > 1;
  }

  /** {@code prefix} and the one profile the report covers, or nothing when it covers none. */
  private static String onProfile(ComparisonReport report, String prefix) {
    return report.profiles().isEmpty() ? "" : prefix + report.profiles().get(0);
  }

  /** A table keyed by keyword, and by profile when {@code perRow}. */
  private static ReportTable.Builder keyed(ReportTable.Builder table, boolean perRow) {
    table.text("keyword", "关键词 keyword");
    return perRow ? table.text(Fields.PROFILE, "站点 profile") : table;
  }

  /**
   * The columns {@code own_moves} (with {@code own}: the matrix account before them, the gain among
   * them) and {@code competitor_entries} share.
   */
  private static ReportTable.Builder moves(ReportTable.Builder table, boolean own) {
    table
        .text("change", "变动 change")
        .text("title", "标题 title")
        .text("shop", "店铺 shop")
        .integer("position_before", "之前 before")
        .integer("position_after", "之后 after");
    if (own) {
      table.integer("gain", "上升 gain");
    }
    return table.text("product_id", "商品ID product id");
  }

  /** A row of {@link #moves}: with {@code own}, the matrix account first and the gain. */
  private static Object[] moveCells(
      KeywordComparison keyword, boolean perRow, RankChange change, boolean own) {
    List<Object> cells = new ArrayList<>();
    if (own) {
      cells.add(change.matrixAccount());
    }
    cells.addAll(
        Arrays.asList(
            names(change.kind()).code(),
            change.title(),
            change.shopName(),
            change.positionBefore(),
            change.positionAfter()));
    if (own) {
      cells.add(change.gain());
    }
    cells.add(change.productId());
    return cells(keyword, perRow, cells.toArray());
  }

  /** A listing that moved, entered or left on the timeline; with {@code own}, its account first. */
  private static ChangeTimeline.Event moveEvent(
      Instant at, KeywordComparison keyword, boolean perRow, RankChange change, boolean own) {
    return new ChangeTimeline.Event(
        at,
        names(change.kind()).timeline(),
        label(keyword, perRow),
        (own ? change.matrixAccount() + " " : "") + position(change) + " " + name(change));
  }

  /** A row: the keyword, its profile when {@code perRow}, then {@code rest}. */
  private static Object[] cells(KeywordComparison keyword, boolean perRow, Object... rest) {
    List<Object> cells = new ArrayList<>();
    cells.add(keyword.keyword());
    if (perRow) {
      cells.add(keyword.profile());
    }
    cells.addAll(Arrays.asList(rest));
    return cells.toArray();
  }

  /** The keyword as a timeline or note names it: with its profile when {@code perRow}. */
  private static String label(KeywordComparison keyword, boolean perRow) {
    return perRow && keyword.profile() != null
        ? keyword.keyword() + " · " + keyword.profile()
        : keyword.keyword();
  }

  private static String rank(Integer position) {
    return position == null ? "-" : "#" + position;
  }

  /**
   * The relative price change in basis points (-1000 = 10 % cheaper), or {@code null} for other
   * fields.
   */
  static Long priceChange(FieldChange change) {
    if (change.field() != FieldChange.Field.PRICE_FEN) {
      return null;
    }
    long before = Long.parseLong(change.oldValue());
    long after = Long.parseLong(change.newValue());
    return before == 0 ? null : Formats.basisPoints(after - before, before);
  }

  private static String value(FieldChange.Field field, String value) {
    if (value == null) {
      return "";
    }
    return switch (field) {
      case PRICE_FEN -> Formats.price(Long.parseLong(value));
      case COMMISSION_BP -> Formats.percent(Long.parseLong(value));
      case IMAGE_KEY -> value.substring(value.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
      case TITLE -> value;
    };
  }

  /** A listing as a timeline label names it: title and shop ({@link Formats#listing}). */
  private static String name(RankChange change) {
    return Formats.listing(change.title(), change.shopName(), change.productId());
  }

  private static String position(RankChange change) {
    return rank(change.positionBefore()) + " → " + rank(change.positionAfter());
  }

  /**
   * How a rank change is named: its verb in the text table, its code in the own/entries tables, its
   * change-log kind on the timeline.
   */
  private record KindNames(String verb, String code, String timeline) {}

  private static KindNames names(RankChange.Kind kind) {
    return switch (kind) {
      case MOVED -> new KindNames("moved", "moved", "own_moved");
      case ENTERED -> new KindNames("entered Top-20", "entered", "entered_top20");
      case LEFT -> new KindNames("left Top-20", "left", "left_top20");
    };
  }

  /**
   * How a compared field is named: in English in the text table, bilingual in the competitor table,
   * by its change-log kind on the timeline.
   */
  private record FieldNames(String english, String label, String timeline) {}

  private static FieldNames names(FieldChange.Field field) {
    return switch (field) {
      case PRICE_FEN -> new FieldNames("price", "价格 price", "price");
      case COMMISSION_BP -> new FieldNames("commission", "佣金 commission", "commission");
      case IMAGE_KEY -> new FieldNames("main image", "主图 main image", "main_image");
      case TITLE -> new FieldNames("title", "标题 title", "title");
    };
  }
}
