package com.mallrank.batch.report.format;

import com.mallrank.batch.report.model.ColumnType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * How a cell reads as text, the same in every text format: yuan with two decimals ({@code 299.00}),
 * percentages with two decimals ({@code 12.50%}), times as {@code 2026-11-28 14:00} in the report's
 * zone, empty for {@code null}.
 */
public final class CellText {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private CellText() {}

  /** The text of a cell of this type. */
  public static String of(ColumnType type, Object value, ZoneId zone) {
    if (value == null) {
      return "";
    }
    return switch (type) {
      case TEXT -> value.toString();
      case INT -> Long.toString((Long) value);
      case MONEY_FEN -> yuan((Long) value);
      case PERCENT_BP -> percent((Long) value);
      case DATETIME -> time((Instant) value, zone);
    };
  }

  /** Fen as yuan with two decimals: 29900 → {@code 299.00}. */
  public static String yuan(long fen) {
    return BigDecimal.valueOf(fen, 2).toPlainString();
  }

  /** Basis points as a percentage with two decimals: 1250 → {@code 12.50%}. */
  public static String percent(long basisPoints) {
    return BigDecimal.valueOf(basisPoints, 2).toPlainString() + "%";
  }

  /** A time in a zone, to the minute: {@code 2026-11-28 14:00}. */
  public static String time(Instant at, ZoneId zone) {
    return TIME.format(at.atZone(zone));
  }
}
