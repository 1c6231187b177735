package com.mallrank.batch.report;

import com.mallrank.batch.config.BatchProperties;
import com.mallrank.batch.sample.Slots;
import com.mallrank.index.report.Reports;
import com.mallrank.index.report.Top20VantagesQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mallrank report top20}: the Top-20 placement per keyword, your listings marked. */
@Command(
    name = "top20",
    mixinStandardHelpOptions = true,
    description =
        "Prints the Top-20 of each keyword for one slot and vantage: position, organic rank, ad"
            + " flag, title, shop, price, commission, and which matrix account owns the listing."
            + " With several vantages (--vantage anonymous,mx-a or --vantage all) side by side:"
            + " per keyword and position one column per vantage, a vantage without ranks showing"
            + " its sample status.")
public class Top20Command extends SlotReportCommand {

  /** The {@code --vantage} value that means every vantage sampled in the slot. */
  static final String ALL = "all";

  @Option(
      names = {"-s", "--slot"},
      defaultValue = "latest",
      description = "The slot (2026-11-28T14:00 in batch.zone, an ISO instant, now or latest).")
  String slot;

  @Option(
      names = {"-v", "--vantage"},
      defaultValue = "anonymous",
      split = ",",
      paramLabel = "VANTAGE",
      description =
          "Who searched: anonymous or a matrix-account id (default ${DEFAULT-VALUE}). Several"
              + " (repeat the option or separate with commas) are shown side by side; all: every"
              + " vantage sampled in the slot.")
  List<String> vantages;

  @Option(
      names = {"-k", "--keyword"},
      description = "Only these keywords (repeatable). Default: every keyword sampled.")
  List<String> keywords;

  @Option(
      names = {"--profile"},
      description = "Only samples of this site profile (surface). Default: every profile.")
  String profile;

  public Top20Command(Reports reports, ReportSlots slots, BatchProperties properties) {
    super(reports, slots, properties);
  }

  @Override
  public Integer call() {
    List<String> asked = asked(vantages);
    Instant at = slot(slot);
    Reports scoped = reports.onProfile(profile);
    if (asked.size() == 1 && !asked.get(0).equals(ALL)) {
      var report = scoped.top20(at, asked.get(0), keywords);
      write(
          Top20Tables.document(report, zone(), null, now()),
          ReportOutputOptions.baseName("top20", report.slot(), null, report.vantage()));
      return 0;
    }
    List<String> named = new ArrayList<>();
    if (asked.contains(ALL)) {
      named.addAll(scoped.vantages(at));
    }
    asked.stream().filter(v -> !v.equals(ALL) && !named.contains(v)).forEach(named::add);
    if (named.isEmpty()) {
      throw new IllegalArgumentException(
          "--vantage all: no sample in the slot " + Slots.show(at, zone()));
    }
    var report = scoped.top20Vantages(new Top20VantagesQuery(at, named, keywords));
    write(
        Top20VantagesTables.document(report, zone(), now()),
        ReportOutputOptions.baseName("top20", report.slot(), null, String.join("+", asked)));
    return 0;
  }

  /** The vantages asked for, trimmed, duplicates dropped; a blank one is refused. */
  static List<String> asked(List<String> vantages) {
    Set<String> asked = new LinkedHashSet<>();
    for (String vantage : vantages) {
      if (vantage == null || vantage.isBlank()) {
        throw new IllegalArgumentException(
            "--vantage: an empty vantage name (write --vantage anonymous,mx-a without spaces or"
                + " empty entries)");
      }
      asked.add(vantage.strip());
    }
    return List.copyOf(asked);
  }
}
