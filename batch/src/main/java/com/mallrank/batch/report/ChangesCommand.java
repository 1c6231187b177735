package com.mallrank.batch.report;

import com.mallrank.batch.config.BatchProperties;
import com.mallrank.index.report.Reports;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mallrank report changes}: what changed in the Top-20 between two slots. */
@Command(
    name = "changes",
    mixinStandardHelpOptions = true,
    description =
        "Prints what changed between two slots: your listings' movements, and competitors'"
            + " price, commission, main image and title changes, entries and exits. Only slots"
            + " whose samples were ok or partial are compared.")
public class ChangesCommand extends SlotReportCommand {

  @Option(
      names = "--from",
      required = true,
      description = "The earlier slot (2026-11-28T14:00 in batch.zone, or an ISO instant).")
  String from;

  @Option(
      names = "--to",
      defaultValue = "latest",
      description = "The later slot (default: the latest sampled).")
  String to;

  @Option(
      names = {"-v", "--vantage"},
      defaultValue = "anonymous",
      description = "Who searched: anonymous or a matrix-account id (default ${DEFAULT-VALUE}).")
  String vantage;

  @Option(
      names = {"-k", "--keyword"},
      description = "Only these keywords (repeatable).")
  List<String> keywords;

  @Option(
      names = "--every-entry",
      description = "List every competitor that entered or left the Top-20, not just counts.")
  boolean everyEntry;

  @Option(
      names = {"--profile"},
      description =
          "Only samples of this site profile (surface). Default: every profile, a keyword"
              + " sampled on two compared once per profile.")
  String profile;

  public ChangesCommand(Reports reports, ReportSlots slots, BatchProperties properties) {
    super(reports, slots, properties);
  }

  @Override
  public Integer call() {
    Instant before = slot(from);
    Instant after = slot(to);
    var report = reports.onProfile(profile).compare(before, after, vantage, keywords);
    write(
        ChangesTables.document(report, zone(), everyEntry, now()),
        ReportOutputOptions.baseName("changes", report.before(), report.after(), report.vantage()));
    return 0;
  }
}
