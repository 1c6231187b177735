package com.mallrank.batch.report;

import com.mallrank.batch.report.model.ChangeTimeline;
import com.mallrank.batch.report.model.ChartSpec;
import com.mallrank.batch.report.model.ReportDocument;
import com.mallrank.batch.report.model.ReportTable;
import com.mallrank.batch.text.Formats;
import com.mallrank.index.document.ChangeEvent;
import com.mallrank.index.document.ChangeKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The stored change log (the competitive analyst's view) as a {@link ReportDocument}: {@code
 * change_log} (one row per event, newest first: the listing by its title and shop, old → new with
 * money in yuan, commission in %, image keys shortened, the product id last), {@code change_counts}
 * (events per kind) and a change timeline.
 */
public final class ChangeLogTables {

  /** The id of the timeline chart. */
  public static final String TIMELINE_ID = "change_timeline";

  private static final int IMAGE_KEY_CHARS = 12;

  private ChangeLogTables() {}

  /**
   * Maps the events.
   *
   * @param events the events, in change-log order
   * @param truncated whether {@code --limit} cut the log (said in the title)
   * @param window the window and filters
   * @param generatedAt when the report is made
   */
  public static ReportDocument document(
      List<ChangeEvent> events, boolean truncated, ReportWindow window, Instant generatedAt) {
    return window.document(
        "竞品变更日志 change log"
            + (truncated ? " (first " + events.size() + " events: raise --limit)" : ""),
        generatedAt,
        List.of(table(events), counts(events)),
        charts(events));
  }

  /**
   * Checks {@code --kind} values against {@link ChangeKind} codes.
   *
   * @return the codes, or {@code null} for none
   * @throws IllegalArgumentException naming the unknown kind and the known ones
   */
  public static List<String> kinds(List<String> codes) {
    if (codes == null || codes.isEmpty()) {
      return null;
    }
    for (String code : codes) {
      try {
        ChangeKind.ofCode(code);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "unknown --kind '"
                + code
                + "', expected one of "
                + java.util.Arrays.stream(ChangeKind.values()).map(ChangeKind::code).toList());
      }
    }
    return codes.stream().map(c -> ChangeKind.ofCode(c).code()).toList();
  }

  /** The {@code change_log} table. */
  public static ReportTable table(List<ChangeEvent> events) {
    ReportTable.Builder table =
        ReportTable.builder("change_log", "变更日志 change log")
            .datetime("slot", "时段 slot")
            .text("keyword", "关键词 keyword")
            .text("vantage", "视角 vantage")
            .text("kind", "变更 kind")
            .text("title", "标题 title")
            .text("shop", "店铺 shop")
            .text("old_value", "之前 before")
            .text("new_value", "之后 after")
            .integer("rank_before", "名次前 rank before")
            .integer("rank_after", "名次后 rank after")
            .text("matrix_account", "矩阵账号 account")
            .text("product_id", "商品ID product id");
    for (ChangeEvent e : events) {
      table.row(
          e.slot(),
          e.keyword(),
          e.vantage(),
          e.kind(),
          e.title(),
          shop(e),
          value(e.changeKind(), e.oldValue()),
          value(e.changeKind(), e.newValue()),
          e.rankBefore(),
          e.rankAfter(),
          e.matrixAccount(),
          e.productId());
    }
    return table.build();
  }

  /** The {@code change_counts} table: events per kind, in {@link ChangeKind} order. */
  public static ReportTable counts(List<ChangeEvent> events) {
    Map<ChangeKind, Long> counts = new TreeMap<>();
    events.forEach(e -> counts.merge(e.changeKind(), 1L, Long::sum));
    ReportTable.Builder table =
        ReportTable.builder("change_counts", "变更统计 changes by kind")
            .text("kind", "变更 kind")
            .integer("events", "次数 events");
    counts.forEach((kind, n) -> table.row(kind.code(), n));
    return table.build();
  }

  /** The timeline, or no chart when there are no events. */
  public static List<ChartSpec> charts(List<ChangeEvent> events) {
    if (events.isEmpty()) {
      return List.of();
    }
    List<ChangeTimeline.Event> timeline = new ArrayList<>();
    for (ChangeEvent e : events) {
      timeline.add(new ChangeTimeline.Event(e.slot(), e.kind(), e.keyword(), label(e)));
    }
    return List.of(new ChangeTimeline(TIMELINE_ID, "变更时间线 change timeline", timeline));
  }

  /** The tooltip of one event: whose listing (by title and shop), what, ranks. */
  static String label(ChangeEvent e) {
    String listing = Formats.listing(e.title(), shop(e), e.productId());
    String who = e.matrixAccount() != null ? "★ " + e.matrixAccount() + " " + listing : listing;
    String values =
        e.oldValue() == null && e.newValue() == null
            ? ""
            : " "
                + value(e.changeKind(), e.oldValue())
                + " → "
                + value(e.changeKind(), e.newValue());
    return who
        + values
        + " "
        + rank(e.rankBefore())
        + " → "
        + rank(e.rankAfter())
        + " ["
        + e.vantage()
        + "]";
  }

  /** A stored value as people read it: yuan, percent, a short image key, text. */
  static String value(ChangeKind kind, String value) {
    if (value == null) {
      return null;
    }
    return switch (kind) {
      case PRICE -> Formats.price(Long.parseLong(value));
      case COMMISSION -> Formats.percent(Long.parseLong(value));
      case MAIN_IMAGE -> shortImageKey(value);
      default -> value;
    };
  }

  /** The last path segment of an image key, cut to 12 characters ("8409f970c7c6…"). */
  static String shortImageKey(String key) {
    String last = key.substring(key.lastIndexOf('/') + 1);
    return last.length() <= IMAGE_KEY_CHARS ? last : last.substring(0, IMAGE_KEY_CHARS) + "…";
  }

  private static String shop(ChangeEvent e) {
    return e.shopName() != null ? e.shopName() : e.shopId();
  }

  private static String rank(Integer rank) {
    return rank == null ? "-" : "#" + rank;
  }
}
