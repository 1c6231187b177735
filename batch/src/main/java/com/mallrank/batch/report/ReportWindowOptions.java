package com.mallrank.batch.report;

import java.util.List;
import picocli.CommandLine.Option;

/**
 * The window and filters of the window reports (a picocli mixin): {@code --from/--to} slots, or
 * {@code --days/--hours} back from {@code --to} (default: the latest slot sampled), {@code
 * --keyword}, {@code --group} and {@code --vantage}. Resolved by {@link ReportWindows}.
 */
public class ReportWindowOptions {

  @Option(
      names = "--from",
      paramLabel = "SLOT",
      description =
          "The first slot (2026-11-28T14:00 in batch.zone, or an ISO instant). Default: --days or"
              + " --hours back from --to.")
  String from;

  @Option(
      names = "--to",
      paramLabel = "SLOT",
      defaultValue = "latest",
      description = "The last slot, included (default: the latest slot sampled).")
  String to;

  @Option(
      names = {"-d", "--days"},
      paramLabel = "N",
      description = "The N days (N x 24 hourly slots) up to --to.")
  Integer days;

  @Option(
      names = "--hours",
      paramLabel = "N",
      description = "The N hours (hourly slots) up to --to.")
  Integer hours;

  @Option(
      names = {"-k", "--keyword"},
      paramLabel = "KEYWORD",
      description = "Only this keyword (repeatable).")
  List<String> keywords;

  @Option(
      names = {"-g", "--group"},
      paramLabel = "GROUP",
      description = "The keywords of this plan group (plus any --keyword).")
  String group;

  @Option(
      names = {"--profile"},
      paramLabel = "PROFILE",
      description =
          "Only samples of this site profile (surface). Default: the --group's profile, else the"
              + " first plan group's.")
  String profile;

  @Option(
      names = {"-v", "--vantage"},
      paramLabel = "VANTAGE",
      description = "Only this vantage: anonymous or a matrix-account id (repeatable).")
  List<String> vantages;

  /** An empty set of options: the default window, every keyword and vantage. */
  public static ReportWindowOptions defaults() {
    return new ReportWindowOptions();
  }

  /** Sets the window from/to slot texts (for callers outside picocli). */
  public ReportWindowOptions slots(String fromSlot, String toSlot) {
    this.from = fromSlot;
    this.to = toSlot;
    return this;
  }

  /** Sets the keyword and group filters (for callers outside picocli). */
  public ReportWindowOptions keywords(List<String> values, String groupName) {
    this.keywords = values;
    this.group = groupName;
    return this;
  }

  /** Sets the vantage filter (for callers outside picocli). */
  public ReportWindowOptions vantages(List<String> values) {
    this.vantages = values;
    return this;
  }
}
