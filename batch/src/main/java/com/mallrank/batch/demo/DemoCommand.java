package com.mallrank.batch.demo;

import com.mallrank.batch.config.BatchProperties;
import com.mallrank.batch.plan.KeywordGroup;
import com.mallrank.batch.report.ChangesTables;
import com.mallrank.batch.report.Top20Tables;
import com.mallrank.batch.report.format.TextReportWriter;
import com.mallrank.batch.report.model.ReportDocument;
import com.mallrank.batch.runtime.ElasticsearchRuntime;
import com.mallrank.batch.runtime.PlanRepository;
import com.mallrank.batch.sample.SampleLauncher;
import com.mallrank.batch.sample.SampleLauncher.SlotRefusedException;
import com.mallrank.batch.sample.Slots;
import com.mallrank.index.report.KeywordTop20;
import com.mallrank.index.report.Reports;
import com.mallrank.index.report.SlotCounts;
import com.mallrank.index.report.Top20Report;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.batch.core.job.JobExecution;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mallrank demo}: the whole product in one command, on the embedded default. Starts (or
 * reuses) the local Elasticsearch and the sandbox mall, samples consecutive slots of simulated time
 * with the {@code sample} job, then prints the Top-20 of a few keywords and what changed between
 * the slots.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Samples the sandbox mall for a few consecutive hourly slots into the local Elasticsearch,"
          + " then prints the Top-20 placement (your matrix accounts marked) and what changed.",
      "Slots already sampled are not sampled again (a slot runs once): their stored results are"
          + " shown."
    })
public class DemoCommand implements Callable<Integer> {

  @Option(
      names = "--group",
      defaultValue = "core",
      description = "The keyword group of the plan (default ${DEFAULT-VALUE}).")
  String group;

  @Option(
      names = "--slots",
      defaultValue = "3",
      description = "How many consecutive hourly slots (default ${DEFAULT-VALUE}).")
  int slotCount;

  @Option(
      names = "--start",
      description =
          "The first slot (2026-11-28T14:00 in batch.zone). Default: the current hour minus"
              + " (slots - 1) hours.")
  String start;

  @Option(
      names = "--show",
      defaultValue = "3",
      description = "Top-20 tables to print, for the first keywords (default ${DEFAULT-VALUE}).")
  int show;

  private final PlanRepository plans;
  private final SampleLauncher launcher;
  private final SandboxRuntime sandbox;
  private final ElasticsearchRuntime elasticsearch;
  private final Reports reports;
  private final BatchProperties properties;
  private final PrintStream out = System.out;

  public DemoCommand(
      PlanRepository plans,
      SampleLauncher launcher,
      SandboxRuntime sandbox,
      ElasticsearchRuntime elasticsearch,
      Reports reports,
      BatchProperties properties) {
    this.plans = plans;
    this.launcher = launcher;
    this.sandbox = sandbox;
    this.elasticsearch = elasticsearch;
    this.reports = reports;
    this.properties = properties;
  }

  @Override
  public Integer call() {
    if (slotCount < 2) {
      throw new IllegalArgumentException("--slots must be at least 2 to show changes");
    }
    KeywordGroup keywordGroup = plans.plan().requireGroup(group);
    List<Instant> slots = slots();
    out.printf(
        "mallrank demo: group '%s' (%d keywords x %d vantages), %d slots from %s (%s)%n",
        group,
        keywordGroup.keywords().size(),
        keywordGroup.vantages().size(),
        slots.size(),
        Slots.show(slots.get(0), properties.zone()),
        properties.zone());
    out.println("sandbox mall:  " + sandbox.mall().baseUrl());
    elasticsearch.ensureSchema();
    out.println("elasticsearch: ready (indices " + elasticsearch.names().prefix() + "-*)");

    for (Instant slot : slots) {
      sampleOne(slot);
    }

    Instant last = slots.get(slots.size() - 1);
    Top20Report report =
        reports.onProfile(keywordGroup.profile()).top20(last, "anonymous", keywordGroup.keywords());
    printTop20(report);

    Reports comparison = reports.onProfile(keywordGroup.profile());
    for (int i = 1; i < slots.size(); i++) {
      print(
          ChangesTables.document(
              comparison.compare(
                  slots.get(i - 1), slots.get(i), "anonymous", keywordGroup.keywords()),
              properties.zone(),
              false,
              Clock.systemUTC().instant()));
    }
    String first = Slots.show(slots.get(0), properties.zone()).replace(' ', 'T');
    String lastShown = Slots.show(last, properties.zone()).replace(' ', 'T');
    out.printf(
        "%nMore: ./mallrank report top20 --slot %s --vantage mx-hangzhou%n"
            + "      ./mallrank report changelog --from %s          (every stored change event)%n"
            + "      ./mallrank report coverage --from %s --group %s%n"
            + "      ./mallrank report daily --from %s -o daily.html   (or daily.xlsx)%n",
        lastShown, first, first, group, first);
    return 0;
  }

  private List<Instant> slots() {
    Instant first =
        start == null
            ? Slots.currentHour(Clock.systemUTC()).minus(Duration.ofHours(slotCount - 1))
            : Slots.parse(start, properties.zone(), Clock.systemUTC());
    List<Instant> slots = new ArrayList<>();
    for (int i = 0; i < slotCount; i++) {
      slots.add(first.plus(Duration.ofHours(i)));
    }
    return slots;
  }

  private void sampleOne(Instant slot) {
    String shown = Slots.show(slot, properties.zone());
    sandbox.mall().setTime(slot);
    try {
      JobExecution execution = launcher.launch(group, slot);
      SlotCounts stored = reports.counts(slot);
      out.printf(
          "slot %s: job %s, samples by status %s, %d listings%n",
          shown, execution.getStatus(), stored.samplesByStatus(), stored.listings());
    } catch (SlotRefusedException e) {
      out.printf(
          "slot %s: sampled already (a slot runs once); stored: %s%n",
          shown, reports.counts(slot).samplesByStatus());
    }
  }

  private void printTop20(Top20Report report) {
    List<KeywordTop20> ranked = new ArrayList<>();
    List<KeywordTop20> unranked = new ArrayList<>();
    for (KeywordTop20 keyword : report.keywords()) {
      (keyword.ranked() ? ranked : unranked).add(keyword);
    }
    List<KeywordTop20> shown = new ArrayList<>(ranked.subList(0, Math.min(show, ranked.size())));
    shown.addAll(unranked);
    print(
        Top20Tables.document(
            new Top20Report(report.slot(), report.vantage(), shown),
            properties.zone(),
            null,
            Clock.systemUTC().instant()));
    if (ranked.size() > show) {
      out.printf(
          "%n(%d more keywords: ./mallrank report top20 --slot %s)%n",
          ranked.size() - show, Slots.show(report.slot(), properties.zone()).replace(' ', 'T'));
    }
  }

  /** Prints a report as the terminal shows it. */
  private void print(ReportDocument report) {
    try {
      new TextReportWriter().write(report, out);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
