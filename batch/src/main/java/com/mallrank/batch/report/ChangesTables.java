package com.mallrank.batch.report;

import com.mallrank.batch.report.format.CellText;
import com.mallrank.batch.report.model.ChangeTimeline;
import com.mallrank.batch.report.model.ChartSpec;
import com.mallrank.batch.report.model.ReportDocument;
import com.mallrank.batch.report.model.ReportTable;
import com.mallrank.index.report.ComparisonReport;
import com.mallrank.index.report.FieldChange;
import com.mallrank.index.report.KeywordComparison;
import com.mallrank.index.report.RankChange;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The slot comparison as a {@link ReportDocument}: {@code own_moves} (the seller's listings that
 * moved, entered or left), {@code competitor_changes} (price, commission, main image, title, with
 * the relative price change), {@code competitor_entries} (every competitor that entered or left the
 * Top-N), {@code not_compared} (keywords whose samples produced no ranks, with both statuses), and
 * a change timeline.
 */
public final class ChangesTables {

  private ChangesTables() {}

  /** Maps the report. */
  public static ReportDocument document(ComparisonReport report, ZoneId zone, Instant generatedAt) {
    ReportTable.Builder own =
        ReportTable.builder("own_moves", "自有商品排名变动 own listings moved")
            .text("keyword", "关键词 keyword")
            .text("matrix_account", "矩阵账号 account")
            .text("change", "变动 change")
            .text("title", "标题 title")
            .text("shop", "店铺 shop")
            .integer("position_before", "之前 before")
            .integer("position_after", "之后 after")
            .integer("gain", "上升 gain")
            .text("product_id", "商品ID product id");
    ReportTable.Builder fields =
        ReportTable.builder("competitor_changes", "竞品变更 competitor changes")
            .text("keyword", "关键词 keyword")
            .text("field", "变更 field")
            .text("shop", "店铺 shop")
            .text("old_value", "之前 before")
            .text("new_value", "之后 after")
            .percentBp("price_change", "价格变化 price change")
            .integer("position_before", "位置前 pos before")
            .integer("position_after", "位置后 pos after")
            .text("product_id", "商品ID product id");
    ReportTable.Builder entries =
        ReportTable.builder("competitor_entries", "竞品进出前" + report.topN() + " entries and exits")
            .text("keyword", "关键词 keyword")
            .text("change", "变动 change")
            .text("title", "标题 title")
            .text("shop", "店铺 shop")
            .integer("position_before", "之前 before")
            .integer("position_after", "之后 after")
            .text("product_id", "商品ID product id");
    ReportTable.Builder notCompared =
        ReportTable.builder("not_compared", "未比较 not compared (no ranks)")
            .text("keyword", "关键词 keyword")
            .text("status_before", "之前状态 status before")
            .text("status_after", "之后状态 status after");
    List<ChangeTimeline.Event> events = new ArrayList<>();
    Instant at = report.after();
    for (KeywordComparison keyword : report.keywords()) {
      if (!keyword.comparable()) {
        notCompared.row(keyword.keyword(), keyword.statusBefore(), keyword.statusAfter());
        continue;
      }
      for (RankChange change : keyword.own()) {
        own.row(
            keyword.keyword(),
            change.matrixAccount(),
            kind(change.kind()),
            change.title(),
            change.shopName(),
            change.positionBefore(),
            change.positionAfter(),
            change.gain(),
            change.productId());
        events.add(
            new ChangeTimeline.Event(
                at,
                change.kind() == RankChange.Kind.MOVED ? "own_moved" : timelineKind(change.kind()),
                keyword.keyword(),
                change.matrixAccount() + " " + position(change) + " " + change.title()));
      }
      for (FieldChange change : keyword.changes()) {
        fields.row(
            keyword.keyword(),
            field(change.field()),
            change.shopName(),
            value(change.field(), change.oldValue()),
            value(change.field(), change.newValue()),
            priceChange(change),
            change.positionBefore(),
            change.positionAfter(),
            change.productId());
        events.add(
            new ChangeTimeline.Event(
                at,
                timelineKind(change.field()),
                keyword.keyword(),
                (change.shopName() == null ? change.productId() : change.shopName())
                    + " "
                    + value(change.field(), change.oldValue())
                    + " → "
                    + value(change.field(), change.newValue())));
      }
      for (RankChange change : keyword.competitors()) {
        entries.row(
            keyword.keyword(),
            kind(change.kind()),
            change.title(),
            change.shopName(),
            change.positionBefore(),
            change.positionAfter(),
            change.productId());
        events.add(
            new ChangeTimeline.Event(
                at,
                timelineKind(change.kind()),
                keyword.keyword(),
                (change.shopName() == null ? "" : change.shopName() + " ")
                    + position(change)
                    + " "
                    + change.title()));
      }
    }
    List<ChartSpec> charts =
        events.isEmpty()
            ? List.of()
            : List.of(new ChangeTimeline("changes", "变更时间线 change timeline", events));
    return new ReportDocument(
        "变更报告 changes report",
        report.before(),
        report.after(),
        report.vantage(),
        zone,
        generatedAt,
        List.of(own.build(), fields.build(), entries.build(), notCompared.build()),
        charts);
  }

  /** The file name of the report, without extension. */
  public static String baseName(ComparisonReport report) {
    return ReportOutputOptions.fileSafe(
        "mallrank-changes-"
            + Top20Tables.compact(report.before())
            + "-"
            + Top20Tables.compact(report.after())
            + "-"
            + report.vantage());
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
    return before == 0 ? null : Math.round((after - before) * 10_000.0 / before);
  }

  private static String kind(RankChange.Kind kind) {
    return switch (kind) {
      case MOVED -> "moved";
      case ENTERED -> "entered";
      case LEFT -> "left";
    };
  }

  private static String timelineKind(RankChange.Kind kind) {
    return switch (kind) {
      case MOVED -> "own_moved";
      case ENTERED -> "entered_top20";
      case LEFT -> "left_top20";
    };
  }

  private static String timelineKind(FieldChange.Field field) {
    return switch (field) {
      case PRICE_FEN -> "price";
      case COMMISSION_BP -> "commission";
      case IMAGE_KEY -> "main_image";
      case TITLE -> "title";
    };
  }

  private static String field(FieldChange.Field field) {
    return switch (field) {
      case PRICE_FEN -> "价格 price";
      case COMMISSION_BP -> "佣金 commission";
      case IMAGE_KEY -> "主图 main image";
      case TITLE -> "标题 title";
    };
  }

  private static String value(FieldChange.Field field, String value) {
    if (value == null) {
      return "";
    }
    return switch (field) {
      case PRICE_FEN -> "¥" + CellText.yuan(Long.parseLong(value));
      case COMMISSION_BP -> CellText.percent(Long.parseLong(value));
      case IMAGE_KEY -> value.substring(value.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
      case TITLE -> value;
    };
  }

  private static String position(RankChange change) {
    return (change.positionBefore() == null ? "-" : "#" + change.positionBefore())
        + " → "
        + (change.positionAfter() == null ? "-" : "#" + change.positionAfter());
  }
}
