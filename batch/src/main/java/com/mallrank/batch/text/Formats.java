package com.mallrank.batch.text;

import com.mallrank.index.document.DocumentIds;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * How money, rates and times read, everywhere people read them: every report writer (terminal, CSV,
 * XLSX, JSON labels, HTML), alert texts and command output. One place, so the same change prints
 * the same on the terminal, in a spreadsheet and in a chat alert (an ArchUnit rule keeps number and
 * date formatting out of every other class).
 *
 * <ul>
 *   <li>money: fen as yuan with two decimals, {@code 29900 → 299.00} ({@link #yuan}), with the sign
 *       {@code ¥299.00} ({@link #price});
 *   <li>rates: basis points as a percentage with two decimals, {@code 1250 → 12.50%} ({@link
 *       #percent});
 *   <li>times: in a zone, to the minute, {@code 2026-11-28 14:00} ({@link #time}), or without the
 *       year where the year is obvious (chart axes, chat alerts), {@code 11-28 14:00} ({@link
 *       #shortTime});
 *   <li>listings: by their title, shortened, with their shop, {@code 【品牌直营】小个子长款… · 杭州雪绒里女装…}
 *       ({@link #listing}); never by a 19-digit product id, which reports keep in a column of its
 *       own.
 * </ul>
 */
public final class Formats {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final DateTimeFormatter SHORT_TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm");

  /** The spreadsheet number format of money (cells hold yuan): two decimals, like {@link #yuan}. */
  public static final String SPREADSHEET_MONEY = "#,##0.00";

  /**
   * The spreadsheet number format of rates (cells hold fractions, 0.125): like {@link #percent}.
   */
  public static final String SPREADSHEET_PERCENT = "0.00%";

  /** The spreadsheet number format of times: like {@link #time}. */
  public static final String SPREADSHEET_TIME = "yyyy-mm-dd hh:mm";

  private Formats() {}

  /** Fen as yuan with two decimals: 29900 → {@code 299.00}. */
  public static String yuan(long fen) {
    return BigDecimal.valueOf(fen, 2).toPlainString();
  }

  /** Fen as a price: 29900 → {@code ¥299.00}. */
  public static String price(long fen) {
    return "¥" + yuan(fen);
  }

  /** Basis points as a percentage with two decimals: 1250 → {@code 12.50%}. */
  public static String percent(long basisPoints) {
    return BigDecimal.valueOf(basisPoints, 2).toPlainString() + "%";
  }

  /** A part of a whole in basis points, rounded half up ({@code 3000 of 29900 → 1003}). */
  public static long basisPoints(long part, long whole) {
    return Math.round(part * 10_000.0 / whole);
  }

  /** A duration in whole seconds as minutes and seconds: 125 → {@code 02:05} (an ETA). */
  public static String minutesSeconds(long seconds) {
    return String.format(java.util.Locale.ROOT, "%02d:%02d", seconds / 60, seconds % 60);
  }

  /** A time in a zone, to the minute: {@code 2026-11-28 14:00}. */
  public static String time(Instant at, ZoneId zone) {
    return TIME.format(at.atZone(zone));
  }

  /**
   * A slot in UTC for file and folder names: {@code 20261128T0600Z}, the compact form document ids
   * start with ({@link DocumentIds#compactSlot}, its one home).
   */
  public static String compactSlot(Instant slot) {
    return DocumentIds.compactSlot(slot);
  }

  /** The most terminal columns of a title in a listing's name (a CJK character takes two). */
  public static final int LISTING_TITLE_WIDTH = 24;

  /** The most terminal columns of a shop in a listing's name. */
  public static final int LISTING_SHOP_WIDTH = 16;

  /**
   * How a listing is named where it has no columns of its own (chart legends, tooltips, timeline
   * labels): its title shortened to {@value #LISTING_TITLE_WIDTH} columns, then its shop ({@code
   * 【品牌直营】小个子长款… · 杭州雪绒里女装…}); the product id only when no title is known (its listings were
   * deleted by retention).
   */
  public static String listing(String title, String shop, String productId) {
    if (title == null || title.isBlank()) {
      return shop == null || shop.isBlank() ? productId : productId + " · " + shop;
    }
    String name = TextTable.truncate(title.strip(), LISTING_TITLE_WIDTH);
    return shop == null || shop.isBlank()
        ? name
        : name + " · " + TextTable.truncate(shop.strip(), LISTING_SHOP_WIDTH);
  }

  /** A time in a zone without the year: {@code 11-28 14:00} (chart axes, chat alerts). */
  public static String shortTime(Instant at, ZoneId zone) {
    return SHORT_TIME.format(at.atZone(zone));
  }
}
