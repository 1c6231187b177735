package com.mallrank.batch.report.model;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One column of a {@link ReportTable}.
 *
 * @param key a stable machine name, {@code snake_case} (JSON field name, never translated)
 * @param header the header people read (may be Chinese)
 * @param type what the cells hold
 * @param layout how the column reads in a plain-text table (the other formats ignore it)
 */
public record Column(String key, String header, ColumnType type, TextLayout layout) {

  private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]*");

  public Column {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(layout, "layout");
    if (!KEY.matcher(key).matches()) {
      throw new IllegalArgumentException("column key must be snake_case, got '" + key + "'");
    }
  }

  /** A column with the plain-text layout of its type ({@link TextLayout#of}). */
  public Column(String key, String header, ColumnType type) {
    this(key, header, type, TextLayout.of(type));
  }

  /**
   * How a column reads in a plain-text table (terminal, {@code .txt}): aligned right or left, cut
   * at a display width (with an ellipsis).
   *
   * @param right whether cells are aligned right
   * @param maxWidth the widest a cell is shown, in display columns ({@link Integer#MAX_VALUE}:
   *     never cut)
   */
  public record TextLayout(boolean right, int maxWidth) {

    /** Text cut at 40 display columns: titles and shop names can be long. */
    public static final int TEXT_WIDTH = 40;

    public TextLayout {
      if (maxWidth < 2) {
        throw new IllegalArgumentException("maxWidth must be at least 2, was " + maxWidth);
      }
    }

    /** Text left aligned and cut at {@link #TEXT_WIDTH}; numbers and times right aligned. */
    public static TextLayout of(ColumnType type) {
      return type == ColumnType.TEXT
          ? new TextLayout(false, TEXT_WIDTH)
          : new TextLayout(true, Integer.MAX_VALUE);
    }
  }
}
