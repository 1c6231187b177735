package com.mallrank.batch.report;

import com.mallrank.batch.config.BatchProperties;
import com.mallrank.index.report.Reports;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mallrank report top20}: the Top-20 placement per keyword, your listings marked. */
@Command(
    name = "top20",
    mixinStandardHelpOptions = true,
    description =
        "Prints the Top-20 of each keyword for one slot and vantage: position, organic rank, ad"
            + " flag, title, shop, price, commission, and which matrix account owns the listing.")
public class Top20Command implements Callable<Integer> {

  @Option(
      names = {"-s", "--slot"},
      defaultValue = "latest",
      description = "The slot (2026-11-28T14:00 in batch.zone, an ISO instant, now or latest).")
  String slot;

  @Option(
      names = {"-v", "--vantage"},
      defaultValue = "anonymous",
      description = "Who searched: anonymous or a matrix-account id (default ${DEFAULT-VALUE}).")
  String vantage;

  @Option(
      names = {"-k", "--keyword"},
      description = "Only these keywords (repeatable). Default: every keyword sampled.")
  List<String> keywords;

  @Option(
      names = {"--profile"},
      description = "Only samples of this site profile (surface). Default: every profile.")
  String profile;

  @Mixin ReportOutputOptions output;

  private final Reports reports;
  private final ReportSlots slots;
  private final BatchProperties properties;

  public Top20Command(Reports reports, ReportSlots slots, BatchProperties properties) {
    this.reports = reports;
    this.slots = slots;
    this.properties = properties;
  }

  @Override
  public Integer call() {
    Instant at = slots.resolve(slot, properties.zone());
    var report = reports.onProfile(profile).top20(at, vantage, keywords);
    output.write(
        Top20Tables.document(report, properties.zone(), null, Clock.systemUTC().instant()),
        ReportOutputOptions.baseName("top20", report.slot(), null, report.vantage()),
        System.out);
    return 0;
  }
}
