package com.mallrank.batch.report.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A titled table with typed columns: what every format renders (a terminal table, a CSV file, an
 * XLSX sheet, a JSON array, an HTML table). Cells are normalised on the way in: whole numbers, fen
 * and basis points become {@link Long}, times {@link Instant}, text {@link String}; {@code null} is
 * an empty cell. Immutable.
 *
 * @param id a stable machine name, {@code snake_case} (file and sheet suffix, JSON key)
 * @param title the title people read
 * @param columns the columns, at least one, unique keys
 * @param rows the rows, each with one cell per column
 */
public record ReportTable(String id, String title, List<Column> columns, List<List<Object>> rows) {

  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]*");

  public ReportTable {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("table id must be snake_case, got '" + id + "'");
    }
    columns = List.copyOf(columns);
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("table " + id + " has no columns");
    }
    Set<String> keys = new HashSet<>();
    for (Column column : columns) {
      if (!keys.add(column.key())) {
        throw new IllegalArgumentException("table " + id + ": duplicate column " + column.key());
      }
    }
    List<List<Object>> normalised = new ArrayList<>(rows.size());
    for (List<Object> row : rows) {
      normalised.add(normalise(id, columns, row));
    }
    rows = Collections.unmodifiableList(normalised);
  }

  /** Starts a table. */
  public static Builder builder(String id, String title) {
    return new Builder(id, title);
  }

  /** The index of a column by key. */
  public int columnIndex(String key) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).key().equals(key)) {
        return i;
      }
    }
    throw new IllegalArgumentException("table " + id + " has no column " + key);
  }

  private static List<Object> normalise(String id, List<Column> columns, List<Object> row) {
    if (row.size() != columns.size()) {
      throw new IllegalArgumentException(
          "table " + id + ": expected " + columns.size() + " cells, got " + row.size());
    }
    Object[] cells = new Object[row.size()];
    for (int i = 0; i < cells.length; i++) {
      cells[i] = cell(id, columns.get(i), row.get(i));
    }
    // Arrays.asList keeps nulls (List.of does not); wrapped so it cannot be changed.
    return Collections.unmodifiableList(Arrays.asList(cells));
  }

  private static Object cell(String id, Column column, Object value) {
    if (value == null) {
      return null;
    }
    boolean ok =
        switch (column.type()) {
          case TEXT -> value instanceof CharSequence;
          case INT, MONEY_FEN, PERCENT_BP ->
              value instanceof Long
                  || value instanceof Integer
                  || value instanceof Short
                  || value instanceof Byte;
          case DATETIME -> value instanceof Instant;
        };
    if (!ok) {
      throw new IllegalArgumentException(
          "table "
              + id
              + ", column "
              + column.key()
              + " ("
              + column.type().code()
              + "): unexpected "
              + value.getClass().getSimpleName());
    }
    return switch (column.type()) {
      case TEXT -> value.toString();
      case INT, MONEY_FEN, PERCENT_BP -> ((Number) value).longValue();
      case DATETIME -> value;
    };
  }

  /** Builds a table column by column, then row by row. */
  public static final class Builder {
    private final String id;
    private final String title;
    private final List<Column> columns = new ArrayList<>();
    private final List<List<Object>> rows = new ArrayList<>();

    private Builder(String id, String title) {
      this.id = id;
      this.title = title;
    }

    /** Adds a column. */
    public Builder column(String key, String header, ColumnType type) {
      columns.add(new Column(key, header, type));
      return this;
    }

    /** Gives the last column added a plain-text layout other than its type's. */
    public Builder layout(boolean right, int maxWidth) {
      Column last = columns.remove(columns.size() - 1);
      columns.add(
          new Column(
              last.key(), last.header(), last.type(), new Column.TextLayout(right, maxWidth)));
      return this;
    }

    public Builder text(String key, String header) {
      return column(key, header, ColumnType.TEXT);
    }

    public Builder integer(String key, String header) {
      return column(key, header, ColumnType.INT);
    }

    public Builder moneyFen(String key, String header) {
      return column(key, header, ColumnType.MONEY_FEN);
    }

    public Builder percentBp(String key, String header) {
      return column(key, header, ColumnType.PERCENT_BP);
    }

    public Builder datetime(String key, String header) {
      return column(key, header, ColumnType.DATETIME);
    }

    /** Adds a row: one cell per column, in column order ({@code null} = empty). */
    public Builder row(Object... cells) {
      rows.add(Arrays.asList(cells));
      return this;
    }

    public ReportTable build() {
      return new ReportTable(id, title, columns, rows);
    }
  }
}
