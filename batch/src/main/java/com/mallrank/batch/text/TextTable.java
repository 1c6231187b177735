package com.mallrank.batch.text;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table for terminals, aligned by display width: Chinese characters take two columns,
 * so titles and shop names line up. Headers and cells go through {@link Escaping#terminal}: a title
 * with escape sequences or line breaks shows them visibly and keeps its row.
 */
public final class TextTable {

  /** How a column is aligned. */
  public enum Align {
    LEFT,
    RIGHT
  }

  private record Column(String header, Align align, int maxWidth) {}

  private final List<Column> columns = new ArrayList<>();
  private final List<List<String>> rows = new ArrayList<>();

  public TextTable column(String header, Align align) {
    return column(header, align, Integer.MAX_VALUE);
  }

  /** Adds a column whose cells are cut to {@code maxWidth} display columns (with an ellipsis). */
  public TextTable column(String header, Align align, int maxWidth) {
    columns.add(new Column(Escaping.terminal(header), align, maxWidth));
    return this;
  }

  public TextTable row(Object... cells) {
    if (cells.length != columns.size()) {
      throw new IllegalArgumentException(
          "expected " + columns.size() + " cells, got " + cells.length);
    }
    List<String> row = new ArrayList<>();
    for (int i = 0; i < cells.length; i++) {
      String text = cells[i] == null ? "" : Escaping.terminal(cells[i].toString());
      row.add(truncate(text, columns.get(i).maxWidth()));
    }
    rows.add(row);
    return this;
  }

  public int size() {
    return rows.size();
  }

  public String render() {
    int[] widths = new int[columns.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = width(columns.get(i).header());
      for (List<String> row : rows) {
        widths[i] = Math.max(widths[i], width(row.get(i)));
      }
    }
    StringBuilder out = new StringBuilder();
    List<String> headers = columns.stream().map(Column::header).toList();
    line(out, headers, widths);
    StringBuilder rule = new StringBuilder();
    for (int i = 0; i < widths.length; i++) {
      rule.append(i == 0 ? "" : "  ").append("-".repeat(widths[i]));
    }
    out.append(rule).append('\n');
    for (List<String> row : rows) {
      line(out, row, widths);
    }
    return out.toString();
  }

  private void line(StringBuilder out, List<String> cells, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      String cell = cells.get(i);
      String pad = " ".repeat(widths[i] - width(cell));
      line.append(i == 0 ? "" : "  ");
      line.append(columns.get(i).align() == Align.RIGHT ? pad + cell : cell + pad);
    }
    out.append(line.toString().stripTrailing()).append('\n');
  }

  /**
   * The display width of a string in a terminal: East Asian wide and full-width characters count 2.
   */
  public static int width(String text) {
    return text.codePoints().map(TextTable::width).sum();
  }

  private static int width(int cp) {
    boolean wide =
        (cp >= 0x1100 && cp <= 0x115F)
            || (cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F)
            || (cp >= 0xAC00 && cp <= 0xD7A3)
            || (cp >= 0xF900 && cp <= 0xFAFF)
            || (cp >= 0xFE30 && cp <= 0xFE4F)
            || (cp >= 0xFF00 && cp <= 0xFF60)
            || (cp >= 0xFFE0 && cp <= 0xFFE6)
            || (cp >= 0x1F300 && cp <= 0x1FAFF)
            || (cp >= 0x20000 && cp <= 0x3FFFD);
    return wide ? 2 : 1;
  }

  /**
   * The text cut to at most {@code maxWidth} display columns, ending with an ellipsis when cut:
   * {@code 加厚羽绒服女长款 商品 4 限时直降} at 12 → {@code 加厚羽绒服…}.
   */
  public static String truncate(String text, int maxWidth) {
    if (width(text) <= maxWidth) {
      return text;
    }
    StringBuilder out = new StringBuilder();
    int used = 0;
    for (int cp : text.codePoints().toArray()) {
      int w = width(cp);
      if (used + w > maxWidth - 1) {
        break;
      }
      out.appendCodePoint(cp);
      used += w;
    }
    return out.append('…').toString();
  }
}
