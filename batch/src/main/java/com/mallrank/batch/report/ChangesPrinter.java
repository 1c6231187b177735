package com.mallrank.batch.report;

import com.mallrank.batch.report.TextTable.Align;
import com.mallrank.batch.sample.Slots;
import com.mallrank.batch.text.Escaping;
import com.mallrank.index.report.ComparisonReport;
import com.mallrank.index.report.FieldChange;
import com.mallrank.index.report.KeywordComparison;
import com.mallrank.index.report.RankChange;
import java.io.PrintStream;
import java.time.ZoneId;
import java.util.Locale;

/**
 * Prints what changed between two slots, one table for all keywords: your listings' movements, and
 * competitors' price, commission, main image and title changes, entries and exits. Keywords whose
 * samples cannot be compared (blocked, empty, broken) are listed with their statuses, not as
 * changes.
 */
public final class ChangesPrinter {

  private final PrintStream out;
  private final ZoneId zone;
  private final boolean everyEntry;

  /**
   * @param everyEntry list every competitor that entered or left the Top-20; otherwise one count
   *     per keyword (ads rotate every hour, so the full list is long)
   */
  public ChangesPrinter(PrintStream out, ZoneId zone, boolean everyEntry) {
    this.out = out;
    this.zone = zone;
    this.everyEntry = everyEntry;
  }

  public void print(ComparisonReport report) {
    out.printf(
        "%nChanges %s -> %s [%s]%n",
        Slots.show(report.before(), zone),
        Slots.show(report.after(), zone),
        Escaping.terminal(report.vantage()));
    TextTable table =
        new TextTable()
            .column("keyword", Align.LEFT, 18)
            .column("change", Align.LEFT)
            .column("listing", Align.LEFT, 26)
            .column("shop", Align.LEFT, 14)
            .column("before", Align.RIGHT, 14)
            .column("after", Align.RIGHT, 14)
            .column("rank", Align.LEFT);
    StringBuilder notComparable = new StringBuilder();
    for (KeywordComparison keyword : report.keywords()) {
      if (!keyword.comparable()) {
        notComparable
            .append("\n  ")
            .append(Escaping.terminal(keyword.keyword()))
            .append(": not compared (")
            .append(keyword.statusBefore())
            .append(" -> ")
            .append(keyword.statusAfter())
            .append("), no rank changes inferred");
        continue;
      }
      for (RankChange own : keyword.own()) {
        table.row(
            keyword.keyword(),
            "★ " + own.matrixAccount() + " " + verb(own),
            own.title(),
            own.shopName(),
            position(own.positionBefore()),
            position(own.positionAfter()),
            own.gain() == null ? "" : (own.gain() > 0 ? "+" : "") + own.gain());
      }
      for (FieldChange change : keyword.changes()) {
        table.row(
            keyword.keyword(),
            "competitor " + field(change.field()),
            change.productId(),
            change.shopName(),
            value(change.field(), change.oldValue()),
            value(change.field(), change.newValue()),
            "#" + change.positionBefore() + " -> #" + change.positionAfter());
      }
      if (!everyEntry && !keyword.competitors().isEmpty()) {
        long entered =
            keyword.competitors().stream().filter(c -> c.kind() == RankChange.Kind.ENTERED).count();
        table.row(
            keyword.keyword(),
            "competitors in/out",
            entered + " entered, " + (keyword.competitors().size() - entered) + " left",
            "",
            "",
            "",
            "");
        continue;
      }
      for (RankChange competitor : keyword.competitors()) {
        table.row(
            keyword.keyword(),
            "competitor " + verb(competitor),
            competitor.title(),
            competitor.shopName(),
            position(competitor.positionBefore()),
            position(competitor.positionAfter()),
            "");
      }
    }
    if (table.size() == 0) {
      out.println("  no changes");
    } else {
      out.print(table.render());
    }
    if (!notComparable.isEmpty()) {
      out.println(notComparable.substring(1));
    }
  }

  private static String verb(RankChange change) {
    return switch (change.kind()) {
      case MOVED -> "moved";
      case ENTERED -> "entered Top-20";
      case LEFT -> "left Top-20";
    };
  }

  private static String field(FieldChange.Field field) {
    return switch (field) {
      case PRICE_FEN -> "price";
      case COMMISSION_BP -> "commission";
      case IMAGE_KEY -> "main image";
      case TITLE -> "title";
    };
  }

  private static String value(FieldChange.Field field, String value) {
    if (value == null) {
      return "";
    }
    return switch (field) {
      case PRICE_FEN -> "¥" + Top20Printer.yuan(Long.parseLong(value));
      case COMMISSION_BP -> Top20Printer.percent(Integer.parseInt(value));
      case IMAGE_KEY -> value.substring(value.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
      case TITLE -> value;
    };
  }

  private static String position(Integer position) {
    return position == null ? "-" : "#" + position;
  }
}
