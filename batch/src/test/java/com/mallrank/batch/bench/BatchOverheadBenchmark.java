package com.mallrank.batch.bench;

import co.elastic.clients.elasticsearch._types.Refresh;
import com.mallrank.batch.MallrankApplication;
import com.mallrank.batch.demo.SandboxRuntime;
import com.mallrank.batch.plan.KeywordGroup;
import com.mallrank.batch.runtime.PlanRepository;
import com.mallrank.batch.runtime.SamplerFactory;
import com.mallrank.batch.runtime.SiteProfileRegistry;
import com.mallrank.batch.sample.ReferenceRun;
import com.mallrank.batch.sample.SampleLauncher;
import com.mallrank.batch.testing.TestPlans;
import com.mallrank.index.schema.IndexBootstrap;
import com.mallrank.index.schema.IndexNames;
import com.mallrank.index.testing.LocalElasticsearchExtension;
import com.mallrank.index.write.SnapshotWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Batch overhead: one slot of 200 keywords on the sandbox mall (static profile), sampled by the
 * sample job (Spring Batch, JobRepository on an H2 file, one partition) and by the same fetch +
 * extract + bulk loop without Spring Batch ({@link ReferenceRun}), alternately, in one JVM against
 * one Elasticsearch. Prints the median times and their ratio. Usage: see docs/benchmarks.md.
 *
 * <p>Arguments: {@code [rounds]} (default 5). System properties: {@code mallrank.test.es.port}, the
 * Elasticsearch to use (started if none answers there); {@code bench.jobrepo.mem=true}, an
 * in-memory H2 JobRepository instead of the default H2 file (to see what the database costs);
 * {@code bench.commit-interval} (default 50, the shipped {@code batch.commit-interval}; 10 = one
 * commit per bulk, as before issue 11).
 */
public final class BatchOverheadBenchmark {

  private static final int KEYWORDS = 200;
  private static final int CHUNK = 10;

  private BatchOverheadBenchmark() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    Path dir = Files.createTempDirectory("mallrank-bench");
    Path plan = TestPlans.write(dir, "bench", TestPlans.keywords(KEYWORDS));
    String prefix = "bench-" + Long.toString(System.nanoTime(), 36).toLowerCase(Locale.ROOT);
    String[] properties = {
      "--mallrank.cli.enabled=false",
      "--index.es.url=" + LocalElasticsearchExtension.url(),
      "--index.prefix=" + prefix,
      "--index.refresh=false",
      // the plain loop keeps no evidence of its 164 empty pages: neither does the job here
      "--crawler.evidence.enabled=false",
      "--batch.plan=" + plan,
      "--batch.chunk-size=" + CHUNK,
      "--batch.commit-interval=" + Integer.getInteger("bench.commit-interval", 50),
      "--batch.threads=1",
      "--spring.datasource.url="
          + (Boolean.getBoolean("bench.jobrepo.mem")
              ? "jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1"
              : "jdbc:h2:file:" + dir.resolve("jobrepo") + ";AUTO_SERVER=TRUE"),
      "--logging.level.com.mallrank=WARN"
    };
    ConfigurableApplicationContext context =
        MallrankApplication.application(properties).run(properties);
    try {
      run(context, rounds, prefix);
    } finally {
      SpringApplication.exit(context);
    }
    System.exit(0);
  }

  private static void run(ConfigurableApplicationContext context, int rounds, String prefix) {
    SampleLauncher launcher = context.getBean(SampleLauncher.class);
    SandboxRuntime sandbox = context.getBean(SandboxRuntime.class);
    KeywordGroup group = context.getBean(PlanRepository.class).plan().requireGroup("bench");
    SamplerFactory samplers = context.getBean(SamplerFactory.class);
    SiteProfileRegistry profiles = context.getBean(SiteProfileRegistry.class);
    IndexNames loopNames = new IndexNames(prefix + "-loop");
    new IndexBootstrap(LocalElasticsearchExtension.client(), loopNames).apply();
    SnapshotWriter loopWriter =
        new SnapshotWriter(LocalElasticsearchExtension.client(), loopNames, Refresh.False);

    var ownership = context.getBean(PlanRepository.class).plan().ownership();
    List<Long> job = new ArrayList<>();
    List<Long> loop = new ArrayList<>();
    String[] lastJob = new String[1];
    List<Long> sampling = new ArrayList<>(); // the job's sampleSlot step alone
    Instant first = Instant.parse("2026-10-01T00:05:00Z");
    for (int round = 0; round <= rounds; round++) { // round 0 warms up both
      Instant slot = first.plus(Duration.ofHours(round));
      sandbox.mall().setTime(slot);
      // alternate which goes first, so neither always runs after the other's writes
      long jobNanos;
      long loopNanos;
      int[] written = new int[1];
      Runnable plainLoop =
          () ->
              written[0] =
                  ReferenceRun.run(
                      group,
                      slot,
                      samplers.sampler(sandbox.target()),
                      profiles::get,
                      sandbox.baseUrl(),
                      ownership,
                      loopWriter,
                      CHUNK);
      JobExecution[] ran = new JobExecution[1];
      Runnable theJob = () -> ran[0] = requireCompleted(launcher.launch("bench", slot));
      if (round % 2 == 0) {
        jobNanos = time(theJob);
        loopNanos = time(plainLoop);
      } else {
        loopNanos = time(plainLoop);
        jobNanos = time(theJob);
      }
      String steps = steps(ran[0]);
      System.out.printf(
          "round %d: job %d ms (%s), plain loop %d ms (%d samples)%s%n",
          round,
          jobNanos / 1_000_000,
          steps,
          loopNanos / 1_000_000,
          written[0],
          round == 0 ? " warm-up" : "");
      if (round > 0) {
        job.add(jobNanos);
        loop.add(loopNanos);
        lastJob[0] = steps;
        sampling.add(stepNanos(ran[0], "sampleSlot"));
      }
    }
    List<Long> ratios = new ArrayList<>(); // per round, in thousandths: pairs share the noise
    for (int i = 0; i < job.size(); i++) {
      ratios.add(job.get(i) * 1000 / loop.get(i));
    }
    System.out.println("last round's steps: " + lastJob[0]);
    List<Long> samplingRatios = new ArrayList<>();
    for (int i = 0; i < sampling.size(); i++) {
      samplingRatios.add(sampling.get(i) * 1000 / loop.get(i));
    }
    System.out.printf(
        "sampling step alone (same work as the loop): median %.0f ms, median of the per-round"
            + " ratios sampleSlot/loop = %.3f%n",
        median(sampling) / 1e6, median(samplingRatios) / 1000);
    System.out.printf("median of the per-round ratios job/loop = %.3f%n", median(ratios) / 1000);
    double jobMedian = median(job) / 1e6;
    double loopMedian = median(loop) / 1e6;
    System.out.printf(
        "median of %d rounds, %d keywords: job %.0f ms, plain loop %.0f ms, job/loop = %.3f"
            + " (overhead %+.1f%%)%n",
        rounds,
        group.keywords().size(),
        jobMedian,
        loopMedian,
        jobMedian / loopMedian,
        (jobMedian / loopMedian - 1) * 100);
  }

  private static long time(Runnable work) {
    long start = System.nanoTime();
    work.run();
    return System.nanoTime() - start;
  }

  private static JobExecution requireCompleted(JobExecution execution) {
    if (execution.getStatus() != BatchStatus.COMPLETED) {
      throw new IllegalStateException("the job did not complete: " + execution);
    }
    return execution;
  }

  private static long stepNanos(JobExecution execution, String name) {
    return execution.getStepExecutions().stream()
        .filter(s -> s.getStepName().equals(name))
        .mapToLong(s -> Duration.between(s.getStartTime(), s.getEndTime()).toNanos())
        .sum();
  }

  /** Each top-level step's wall time, e.g. {@code sampleSlot 1200 ms, detectChanges 80 ms}. */
  private static String steps(JobExecution execution) {
    List<String> parts = new ArrayList<>();
    for (var step : execution.getStepExecutions()) {
      if (step.getStepName().contains(":") || step.getEndTime() == null) {
        continue; // partitions run inside sampleSlot
      }
      parts.add(
          step.getStepName()
              + " "
              + Duration.between(step.getStartTime(), step.getEndTime()).toMillis()
              + " ms");
    }
    return String.join(", ", parts);
  }

  private static double median(List<Long> values) {
    List<Long> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
  }
}
