package com.mallrank.batch.cli;

import com.mallrank.batch.config.BatchProperties;
import com.mallrank.batch.plan.KeywordGroup;
import com.mallrank.batch.plan.Plan;
import com.mallrank.batch.plan.SharedSamples;
import com.mallrank.batch.runtime.PlanRepository;
import com.mallrank.batch.sample.Slots;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code mallrank plan validate}: every problem of the plan, or a summary of what it samples. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Checks the plan (batch.plan) and the keyword lists it imports, and reports EVERY problem"
          + " with file, line and field: invalid cron, unknown account or profile, duplicate"
          + " keyword in a group, missing or group/world-readable login-state file, bad CSV row.",
      "Exit code 0 when the plan is valid, 2 when it is not (nothing is ever sampled from an"
          + " invalid plan)."
    })
public class PlanValidateCommand implements Callable<Integer> {

  private final PlanRepository plans;
  private final BatchProperties properties;

  public PlanValidateCommand(PlanRepository plans, BatchProperties properties) {
    this.plans = plans;
    this.properties = properties;
  }

  @Override
  public Integer call() {
    Plan plan = plans.plan();
    Instant now = Instant.now();
    System.out.printf(
        "%s: valid, %d accounts, %d groups%n",
        plan.source(), plan.accounts().size(), plan.groups().size());
    for (KeywordGroup group : plan.groups()) {
      String next =
          group.cadence().slotsBetween(now, now.plus(java.time.Duration.ofDays(400))).stream()
              .findFirst()
              .map(slot -> Slots.show(slot, properties.zone()))
              .orElse("never");
      System.out.printf(
          "  %-12s %3d keywords x %d vantages, depth %d, cadence '%s' window %s, next slot %s%n",
          group.name(),
          group.keywords().size(),
          group.vantages().size(),
          group.depth(),
          group.cadence().cron(),
          group.cadence().window(),
          next);
    }
    for (SharedSamples.Overlap overlap : SharedSamples.of(plan).overlaps()) {
      System.out.println(overlap.notice());
    }
    return 0;
  }
}
