package com.mallrank.batch.report.model;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One report as every format renders it: a header (title, slot range, vantage, generated time),
 * tables and charts. Formats that cannot draw charts (terminal, CSV, XLSX) render the tables only.
 *
 * @param title the title people read
 * @param from the first slot covered
 * @param to the last slot covered ({@code from} for a single-slot report)
 * @param vantage who searched ({@code anonymous} or a matrix account), or {@code null} for several
 * @param zone the zone times are shown in
 * @param generatedAt when the report was made
 * @param tables the tables, unique ids
 * @param charts the charts, unique ids (may be empty)
 * @param text the plain-text form when it reads differently from the tables (the slot reports);
 *     empty: the tables one after another
 */
public record ReportDocument(
    String title,
    Instant from,
    Instant to,
    String vantage,
    ZoneId zone,
    Instant generatedAt,
    List<ReportTable> tables,
    List<ChartSpec> charts,
    List<TextSection> text) {

  public ReportDocument {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(generatedAt, "generatedAt");
    tables = List.copyOf(tables);
    charts = charts == null ? List.of() : List.copyOf(charts);
    text = text == null ? List.of() : List.copyOf(text);
    Set<String> ids = new HashSet<>();
    for (ReportTable table : tables) {
      if (!ids.add(table.id())) {
        throw new IllegalArgumentException("duplicate table id " + table.id());
      }
    }
    for (ChartSpec chart : charts) {
      if (!ids.add(chart.id())) {
        throw new IllegalArgumentException("duplicate id " + chart.id());
      }
    }
  }
}
