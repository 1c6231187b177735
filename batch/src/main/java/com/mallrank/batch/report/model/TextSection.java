package com.mallrank.batch.report.model;

import java.util.List;
import java.util.Objects;

/**
 * A block of a report's plain-text form when it reads differently from its tables (the slot
 * reports: one headline and table per keyword, or one table of every change with notes below): a
 * heading line, a table (its columns carry their {@link Column.TextLayout}), the line shown when
 * the table has no rows, and note lines after it.
 *
 * @param heading the heading line
 * @param table the table, or {@code null} for a heading alone
 * @param whenEmpty the line shown instead of an empty table
 * @param notes lines after the table (may be empty)
 */
public record TextSection(String heading, ReportTable table, String whenEmpty, List<String> notes) {

  public TextSection {
    Objects.requireNonNull(heading, "heading");
    Objects.requireNonNull(whenEmpty, "whenEmpty");
    notes = List.copyOf(notes);
  }

  /** A heading alone. */
  public static TextSection heading(String heading) {
    return new TextSection(heading, null, "", List.of());
  }
}
