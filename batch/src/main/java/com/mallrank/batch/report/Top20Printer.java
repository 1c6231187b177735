package com.mallrank.batch.report;

import com.mallrank.batch.report.TextTable.Align;
import com.mallrank.batch.sample.Slots;
import com.mallrank.batch.text.Escaping;
import com.mallrank.index.document.ListingDocument;
import com.mallrank.index.report.KeywordTop20;
import com.mallrank.index.report.Top20Report;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.ZoneId;

/**
 * Prints the Top-20 placement of each keyword as a terminal table: position, organic rank, ad flag,
 * title, shop, price, commission, and the owning matrix account (blank for a competitor). A keyword
 * whose sample produced no ranks shows its status instead of a table.
 */
public final class Top20Printer {

  private final PrintStream out;
  private final ZoneId zone;

  public Top20Printer(PrintStream out, ZoneId zone) {
    this.out = out;
    this.zone = zone;
  }

  public void print(Top20Report report) {
    for (KeywordTop20 keyword : report.keywords()) {
      print(report, keyword);
    }
  }

  private void print(Top20Report report, KeywordTop20 keyword) {
    out.printf(
        "%n%s  [%s, %s]  %s%n",
        Escaping.terminal(keyword.keyword()),
        Escaping.terminal(
            keyword.sample() == null
                ? report.vantage()
                : report.vantage() + " · " + keyword.sample().profile()),
        Slots.show(report.slot(), zone),
        Escaping.terminal(headline(keyword)));
    if (!keyword.ranked()) {
      return;
    }
    TextTable table =
        new TextTable()
            .column("pos", Align.RIGHT)
            .column("org", Align.RIGHT)
            .column("ad", Align.LEFT)
            .column("title", Align.LEFT, 34)
            .column("shop", Align.LEFT, 16)
            .column("price ¥", Align.RIGHT)
            .column("佣金", Align.RIGHT)
            .column("matrix account", Align.LEFT);
    for (ListingDocument listing : keyword.listings()) {
      table.row(
          listing.position(),
          listing.organicRank() == null ? "" : listing.organicRank(),
          listing.sponsored() ? "广告" : "",
          listing.title(),
          listing.shopName(),
          yuan(listing.priceFen()),
          percent(listing.commissionBp()),
          listing.matrixAccount() == null ? "" : "★ " + listing.matrixAccount());
    }
    out.print(table.render());
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

  static String yuan(Long fen) {
    return fen == null ? "" : BigDecimal.valueOf(fen, 2).toPlainString();
  }

  static String percent(Integer basisPoints) {
    return basisPoints == null
        ? ""
        : BigDecimal.valueOf(basisPoints, 2).stripTrailingZeros().toPlainString() + "%";
  }
}
