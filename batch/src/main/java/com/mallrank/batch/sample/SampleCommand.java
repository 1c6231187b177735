package com.mallrank.batch.sample;

import com.mallrank.batch.config.BatchProperties;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mallrank sample}: samples one slot of one keyword group now. */
@Command(
    name = "sample",
    mixinStandardHelpOptions = true,
    description = {
      "Samples every keyword of a group from each of its vantages for one slot, and indexes the"
          + " samples and listings.",
      "A slot that completed is never sampled twice; a slot that failed is restarted where it"
          + " stopped."
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
          "The slot: 2026-11-28T14:00 (in batch.zone), 2026-11-28T06:00:00Z, or now (the current"
              + " hour, the default).")
  String slot;

  private final SampleLauncher launcher;
  private final BatchProperties properties;

  public SampleCommand(SampleLauncher launcher, BatchProperties properties) {
    this.launcher = launcher;
    this.properties = properties;
  }

  @Override
  public Integer call() {
    Instant at = Slots.parse(slot, properties.zone(), Clock.systemUTC());
    System.out.printf(
        "sampling group '%s', slot %s (%s)%n", group, Slots.show(at, properties.zone()), at);
    JobExecution execution = launcher.launch(group, at);
    long samples =
        execution.getStepExecutions().stream().mapToLong(StepExecution::getWriteCount).sum();
    System.out.printf("%s: %d samples stored%n", execution.getStatus(), samples);
    return execution.getStatus() == BatchStatus.COMPLETED ? 0 : 1;
  }
}
