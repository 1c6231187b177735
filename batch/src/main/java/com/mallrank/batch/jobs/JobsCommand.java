package com.mallrank.batch.jobs;

import com.mallrank.batch.config.BatchProperties;
import com.mallrank.batch.ops.StaleExecutionRecovery;
import com.mallrank.batch.sample.SampleJobConfiguration;
import com.mallrank.batch.sample.Slots;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mallrank jobs}: the recent runs of slots. */
@Command(
    name = "jobs",
    mixinStandardHelpOptions = true,
    description = {
      "Lists recent runs of the sample job, newest first: execution id, status, group, slot (in"
          + " batch.zone), late flag, duration, and the slot's samples by status.",
      "Runs left STARTED by a killed process are marked FAILED first, so they can be restarted"
          + " (mallrank sample --group G --slot T)."
    })
public class JobsCommand implements Callable<Integer> {

  @Option(
      names = {"-n", "--slots"},
      defaultValue = "20",
      description = "How many recent slots to show (default ${DEFAULT-VALUE}).")
  int slots;

  @Option(
      names = {"-g", "--group"},
      description = "Only this keyword group.")
  String group;

  private final SlotRuns runs;
  private final StaleExecutionRecovery recovery;
  private final BatchProperties properties;

  public JobsCommand(SlotRuns runs, StaleExecutionRecovery recovery, BatchProperties properties) {
    this.runs = runs;
    this.recovery = recovery;
    this.properties = properties;
  }

  @Override
  public Integer call() {
    recovery.recover(SampleJobConfiguration.JOB_NAME);
    List<SlotRun> recent = runs.recent(slots, group);
    if (recent.isEmpty()) {
      System.out.println("no runs yet");
      return 0;
    }
    System.out.printf(
        "%-6s %-10s %-12s %-17s %-5s %-9s %s%n",
        "id", "status", "group", "slot", "late", "duration", "samples by status");
    for (SlotRun run : recent) {
      System.out.printf(
          "%-6d %-10s %-12s %-17s %-5s %-9s %s%n",
          run.executionId(),
          run.status(),
          run.group(),
          run.slot() == null ? "?" : Slots.show(run.slot(), properties.zone()),
          run.late() ? "late" : "",
          run.duration() == null ? "" : run.duration().toSeconds() + " s",
          run.samples());
    }
    return 0;
  }
}
