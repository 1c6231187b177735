package com.mallrank.batch.report.model;

import com.mallrank.batch.text.Formats;

/**
 * What a column holds, and so how each format shows it. The cell values a type accepts are fixed,
 * so every format can rely on them.
 */
public enum ColumnType {
  /** Any text ({@link String}). */
  TEXT,
  /** A whole number ({@link Long}; any integral {@link Number} is accepted). */
  INT,
  /** Money in fen, 1/100 yuan ({@link Long}); shown as yuan with two decimals. */
  MONEY_FEN,
  /** A rate in basis points, 1250 = 12.50 % ({@link Long}); shown as a percentage. */
  PERCENT_BP,
  /** A point in time ({@link java.time.Instant}); shown in the report's zone. */
  DATETIME;

  /**
   * How a cell of this type reads as text, the same in every text format ({@link Formats}): yuan
   * and percentages with two decimals, times to the minute in the report's zone, empty for {@code
   * null}.
   */
  public String text(Object value, java.time.ZoneId zone) {
    if (value == null) {
      return "";
    }
    return switch (this) {
      case TEXT -> value.toString();
      case INT -> Long.toString((Long) value);
      case MONEY_FEN -> Formats.yuan((Long) value);
      case PERCENT_BP -> Formats.percent((Long) value);
      case DATETIME -> Formats.time((java.time.Instant) value, zone);
    };
  }

  /** The lower-case code used in JSON ({@code money_fen}, ...). */
  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** The type of a {@linkplain #code() code}. */
  public static ColumnType ofCode(String code) {
    return valueOf(code.toUpperCase(java.util.Locale.ROOT));
  }
}
