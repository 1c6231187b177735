package com.mallrank.batch.report;

import com.mallrank.batch.config.BatchProperties;
import com.mallrank.batch.report.model.ReportDocument;
import com.mallrank.index.report.Reports;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;

/**
 * A {@code mallrank report} command about one or two slots (Top-20, changes): slots named on the
 * command line ({@code latest} by default) resolved in {@code batch.zone}, one document written
 * where and how {@link ReportOutputOptions} say.
 */
abstract class SlotReportCommand implements Callable<Integer> {

  @Mixin ReportOutputOptions output;

  /** What the reports are computed with. */
  final Reports reports;

  private final ReportSlots slots;
  private final BatchProperties properties;

  SlotReportCommand(Reports reports, ReportSlots slots, BatchProperties properties) {
    this.reports = reports;
    this.slots = slots;
    this.properties = properties;
  }

  /** The zone slots are read and shown in ({@code batch.zone}). */
  ZoneId zone() {
    return properties.zone();
  }

  /** The slot a command-line text names: a time in {@link #zone}, an ISO instant, or latest. */
  Instant slot(String text) {
    return slots.resolve(text, zone());
  }

  /** When the report is made. */
  static Instant now() {
    return Clock.systemUTC().instant();
  }

  /** Writes the report under its default base name (or where {@code -o} says). */
  void write(ReportDocument document, String baseName) {
    output.write(document, baseName, System.out);
  }
}
