package com.mallrank.batch.sample;

import com.mallrank.batch.config.BatchProperties;
import com.mallrank.batch.plan.KeywordGroup;
import com.mallrank.batch.runtime.ElasticsearchRuntime;
import com.mallrank.batch.runtime.PlanRepository;
import com.mallrank.batch.text.Escaping;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mallrank sample}: samples one slot of one keyword group now. */
@Command(
    name = "sample",
    mixinStandardHelpOptions = true,
    description = {
      "Samples every keyword of a group from each of its vantages for one slot, and indexes the"
          + " samples and listings. batch.threads keyword shards run side by side.",
      "A slot that completed is never sampled twice (refused, exit 3); a slot that is running"
          + " elsewhere is refused; a slot that failed, or was left running by a killed process,"
          + " is restarted where it stopped. A slot after the group's current slot (by its"
          + " cadence) is refused (exit 3): it is sampled once it is due.",
      "On a terminal a progress bar shows keywords done/total, ETA and samples by status."
    })
public class SampleCommand implements Callable<Integer> {

  @Option(
      names = {"-g", "--group"},
      required = true,
      description = "The keyword group of the plan (batch.plan).")
  String group;

  @Option(
      names = {"-s", "--slot"},
      defaultValue = "now",
      description =
          "The slot: 2026-11-28T14:05 (in batch.zone), 2026-11-28T06:05:00Z, or now (the"
              + " group's latest slot by its cadence, the default).")
  String slot;

  private final SampleLauncher launcher;
  private final BatchProperties properties;
  private final PlanRepository plans;
  private final SlotProgress progress;
  private final ElasticsearchRuntime elasticsearch;
  private final JobRepository jobRepository;

  public SampleCommand(
      SampleLauncher launcher,
      BatchProperties properties,
      PlanRepository plans,
      SlotProgress progress,
      ElasticsearchRuntime elasticsearch,
      JobRepository jobRepository) {
    this.launcher = launcher;
    this.properties = properties;
    this.plans = plans;
    this.progress = progress;
    this.elasticsearch = elasticsearch;
    this.jobRepository = jobRepository;
  }

  @Override
  public Integer call() {
    KeywordGroup keywordGroup = plans.plan().requireGroup(group);
    Clock clock = Clock.systemUTC();
    Instant at =
        slot.strip().equalsIgnoreCase("now")
            ? keywordGroup
                .cadence()
                .latestSlot(clock.instant())
                .orElseGet(() -> Slots.currentHour(clock))
            : Slots.parse(slot, properties.zone(), clock);
    try {
      Slots.requireDue(group, keywordGroup.cadence(), at, clock, properties.zone());
    } catch (SampleLauncher.SlotRefusedException e) {
      System.err.println("refused: " + Escaping.terminal(e.getMessage()));
      return 3;
    }
    System.out.printf(
        "sampling group '%s', slot %s (%s)%n", group, Slots.show(at, properties.zone()), at);
    // Before any page is fetched: an unreachable Elasticsearch is one line naming its URL, not a
    // slot's worth of fetching followed by failing writes. A writer puts the index templates.
    elasticsearch.ensureSchema();
    if (System.console() != null) {
      progress.useTerminal(System.err);
    }
    JobExecution execution;
    try {
      execution = launcher.launch(group, at);
    } catch (SampleLauncher.SlotRefusedException e) {
      System.err.println("refused: " + Escaping.terminal(e.getMessage()));
      return 3;
    }
    // from the JobRepository: with --batch.role=manager the workers wrote the partitions' counts
    JobExecution stored = jobRepository.getJobExecution(execution.getId());
    long samples =
        (stored == null ? execution : stored)
            .getStepExecutions().stream()
                .filter(s -> s.getStepName().startsWith(SampleJobConfiguration.STEP_NAME + ":"))
                .mapToLong(s -> s.getWriteCount())
                .sum();
    System.out.printf("%s: %d samples stored%n", execution.getStatus(), samples);
    if (execution.getStatus() != BatchStatus.COMPLETED) {
      execution.getAllFailureExceptions().stream()
          .findFirst()
          .ifPresent(e -> System.err.println("failed: " + Escaping.terminal(e.getMessage())));
    }
    return execution.getStatus() == BatchStatus.COMPLETED ? 0 : 1;
  }
}
