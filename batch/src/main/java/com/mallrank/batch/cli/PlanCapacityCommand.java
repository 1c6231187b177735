package com.mallrank.batch.cli;

import com.mallrank.batch.capacity.CapacityEstimate;
import com.mallrank.batch.capacity.MeasuredThroughput;
import com.mallrank.batch.config.BatchProperties;
import com.mallrank.batch.config.CrawlerProperties;
import com.mallrank.batch.plan.Plan;
import com.mallrank.batch.runtime.PlanRepository;
import com.mallrank.crawler.sampler.SamplerSettings;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mallrank plan capacity}: the plan's pages per second and the workers they need (the
 * capacity model of docs/scaling.md). Reads only the plan: no Elasticsearch, no browser.
 */
@Command(
    name = "capacity",
    mixinStandardHelpOptions = true,
    description = {
      "Estimates what the plan (batch.plan) needs: pages per slot (keywords x vantages), the"
          + " pages/s that finish every slot before the group's next one, one worker's pages/s (the lower of"
          + " its measured CPU rate with batch.threads browser threads and the per-host politeness"
          + " pacing of a real site), the workers that takes, and each identity against its"
          + " budget. The model and where its figures come from: docs/scaling.md."
    })
public class PlanCapacityCommand implements Callable<Integer> {

  @Option(
      names = "--threads",
      description = "browser threads per worker (default: batch.threads)",
      defaultValue = "-1")
  int threads;

  private final PlanRepository plans;
  private final BatchProperties properties;
  private final CrawlerProperties crawler;

  public PlanCapacityCommand(
      PlanRepository plans, BatchProperties properties, CrawlerProperties crawler) {
    this.plans = plans;
    this.properties = properties;
    this.crawler = crawler;
  }

  @Override
  public Integer call() {
    int browserThreads = threads > 0 ? threads : Math.max(1, properties.threads());
    SamplerSettings polite = crawler.politeness();
    // read once: the file may be edited meanwhile, and the source printed is the plan estimated
    Plan plan = plans.plan();
    CapacityEstimate estimate =
        CapacityEstimate.of(
            plan,
            browserThreads,
            MeasuredThroughput.MEASURED,
            new CapacityEstimate.Politeness(
                polite.minDelay(), polite.jitter(), polite.maxConcurrentPerHost()),
            LocalDate.now(properties.zone()),
            properties.zone());
    System.out.printf("plan %s%n", plan.source());
    estimate.print(System.out);
    return 0;
  }
}
