package com.mallrank.crawler.sandbox;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A tab-separated table shipped as a resource of this package (the sandbox's fixed vocabulary and
 * keyword list): UTF-8, blank lines and lines starting with {@code #} skipped, every other line one
 * row of exactly the table's number of cells. A malformed row fails with the resource and line.
 */
final class TsvTable {

  /** One row of a table, with where it stands for error messages. */
  record Row(String resource, int line, List<String> cells) {

    String cell(int column) {
      return cells.get(column);
    }

    /** A cell holding a comma-separated list of non-empty words. */
    List<String> list(int column) {
      List<String> words = List.of(cell(column).split(",", -1));
      if (words.stream().anyMatch(String::isBlank)) {
        throw error("empty word in column " + (column + 1) + ": " + cell(column));
      }
      return words;
    }

    int number(int column) {
      try {
        return Integer.parseInt(cell(column));
      } catch (NumberFormatException e) {
        throw error("column " + (column + 1) + " is not a whole number: " + cell(column));
      }
    }

    IllegalStateException error(String message) {
      return new IllegalStateException(resource + ":" + line + ": " + message);
    }
  }

  private TsvTable() {}

  /** The rows of the resource {@code name} next to this class, each with {@code columns} cells. */
  static List<Row> read(String name, int columns) {
    InputStream in = TsvTable.class.getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException("sandbox table missing from the classpath: " + name);
    }
    List<Row> rows = new ArrayList<>();
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      int number = 0;
      for (String text = reader.readLine(); text != null; text = reader.readLine()) {
        number++;
        if (text.isBlank() || text.startsWith("#")) {
          continue;
        }
        Row row = new Row(name, number, List.of(text.split("\t", -1)));
        if (row.cells().size() != columns) {
          throw row.error(columns + " tab-separated cells expected, found " + row.cells().size());
        }
        rows.add(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read sandbox table " + name, e);
    }
    return List.copyOf(rows);
  }
}
