package com.mallrank.batch.schedule;

import com.mallrank.batch.config.BatchProperties;
import com.mallrank.batch.ops.ProcessOwner;
import com.mallrank.batch.ops.SampleMetrics;
import com.mallrank.batch.ops.StaleExecutionRecovery;
import com.mallrank.batch.plan.KeywordGroup;
import com.mallrank.batch.plan.Plan;
import com.mallrank.batch.plan.PlanException;
import com.mallrank.batch.runtime.PlanRepository;
import com.mallrank.batch.sample.SampleJobConfiguration;
import com.mallrank.batch.sample.SampleLauncher;
import com.mallrank.batch.sample.SampleLauncher.SlotRefusedException;
import com.mallrank.batch.sample.Slots;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/**
 * The scheduler of {@code mallrank serve}. It only starts jobs: every {@code batch.schedule.tick}
 * it reads the plan, finds each group's slots that came due (its cadence), and hands each to {@link
 * SampleLauncher} at the slot's time plus a jitter. A slot started late is flagged; one past its
 * window is skipped and reported as missed (log, metric and a {@link SlotOutcomeLog} document, as
 * is every slot it judges). Two {@code serve} processes on one JobRepository both try; the
 * repository lets one run and the other is refused, which is logged and counted, never an error.
 */
@Component
public class SampleScheduler {

  private static final Logger log = LoggerFactory.getLogger(SampleScheduler.class);

  private final SampleLauncher launcher;
  private final PlanRepository plans;
  private final StaleExecutionRecovery recovery;
  private final SampleMetrics metrics;
  private final JobRepository jobRepository;
  private final JobOperator jobOperator;
  private final BatchProperties properties;
  private final SlotOutcomeLog outcomes;
  private final Map<String, Instant> checkedUntil = new HashMap<>();
  private final Set<String> handled = ConcurrentHashMap.newKeySet();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private Clock clock = Clock.systemUTC();
  private ScheduledExecutorService ticker;
  private ScheduledExecutorService launches;
  private String lastPlanProblem;

  public SampleScheduler(
      SampleLauncher launcher,
      PlanRepository plans,
      StaleExecutionRecovery recovery,
      SampleMetrics metrics,
      JobRepository jobRepository,
      JobOperator jobOperator,
      BatchProperties properties,
      SlotOutcomeLog outcomes) {
    this.launcher = launcher;
    this.plans = plans;
    this.recovery = recovery;
    this.metrics = metrics;
    this.jobRepository = jobRepository;
    this.jobOperator = jobOperator;
    this.properties = properties;
    this.outcomes = outcomes;
  }

  /** For tests: the clock slots are judged by. */
  void setClock(Clock clock) {
    this.clock = clock;
  }

  /** Recovers executions of dead processes, reports missed slots, and starts ticking. */
  public synchronized void start() {
    if (ticker != null) {
      return;
    }
    recovery.recover(SampleJobConfiguration.JOB_NAME);
    BatchProperties.Schedule schedule = properties.schedule();
    ScheduledThreadPoolExecutor pool =
        new ScheduledThreadPoolExecutor(
            Math.max(1, schedule.concurrentJobs()), daemon("slot-launch"));
    pool.setExecuteExistingDelayedTasksAfterShutdownPolicy(false); // stop means no new slots
    launches = pool;
    ticker = Executors.newSingleThreadScheduledExecutor(daemon("slot-ticker"));
    ticker.scheduleWithFixedDelay(
        this::tickSafely, 0, schedule.tick().toMillis(), TimeUnit.MILLISECONDS);
    log.info(
        "scheduler started: plan {}, tick {}, jitter {}",
        properties.plan(),
        schedule.tick(),
        schedule.jitter());
  }

  private void tickSafely() {
    try {
      tick();
    } catch (RuntimeException e) {
      log.error("scheduler tick failed: {}", e.toString(), e);
    }
  }

  /** Finds the slots that came due since the last tick and schedules their start. */
  synchronized void tick() {
    Plan plan;
    try {
      plan = plans.plan();
      lastPlanProblem = null;
    } catch (PlanException e) {
      if (!e.getMessage().equals(lastPlanProblem)) {
        log.error("nothing is sampled while the plan is invalid: {}", e.getMessage());
        lastPlanProblem = e.getMessage();
      }
      return;
    }
    Instant now = clock.instant();
    for (KeywordGroup group : plan.groups()) {
      Instant from = checkedUntil.get(group.name());
      if (from == null) {
        reportMissed(group, now);
        from = now.minus(group.cadence().window());
      }
      for (Instant slot : group.cadence().slotsBetween(from, now)) {
        schedule(group, slot, now);
      }
      checkedUntil.put(group.name(), now);
    }
  }

  private void schedule(KeywordGroup group, Instant slot, Instant now) {
    if (!handled.add(group.name() + "|" + slot)) {
      return;
    }
    Instant startAt = SlotTiming.startAt(group.name(), slot, properties.schedule().jitter());
    long delay = Math.max(0, Duration.between(now, startAt).toMillis());
    log.info(
        "slot {} of group '{}' due: starts in {} s",
        Slots.show(slot, properties.zone()),
        group.name(),
        delay / 1000);
    launches.schedule(
        () -> start(group.name(), slot, group.cadence().window()), delay, TimeUnit.MILLISECONDS);
  }

  /** Starts one slot now, unless it is past its window. */
  void start(String group, Instant slot, Duration window) {
    Instant now = clock.instant();
    SlotTiming.Outcome outcome =
        SlotTiming.judge(slot, now, properties.schedule().lateAfter(), window);
    String shown = Slots.show(slot, properties.zone());
    if (outcome == SlotTiming.Outcome.MISSED) {
      log.warn("slot {} of group '{}' missed: past its window of {}", shown, group, window);
      metrics.slot(group, outcome.tag(), slot, now);
      outcomes.record(group, outcome, slot, now);
      return;
    }
    if (outcome == SlotTiming.Outcome.LATE) {
      log.warn(
          "slot {} of group '{}' starts late, {} after its time",
          shown,
          group,
          Duration.between(slot, now).withNanos(0));
    }
    try {
      metrics.slot(group, outcome.tag(), slot, now);
      outcomes.record(group, outcome, slot, now);
      JobExecution execution = launcher.launch(group, slot, outcome == SlotTiming.Outcome.LATE);
      log.info("slot {} of group '{}': {}", shown, group, execution.getStatus());
    } catch (SlotRefusedException e) {
      metrics.slot(group, "refused", slot, now);
      log.info("slot {} of group '{}' not started here: {}", shown, group, e.getMessage());
    } catch (RuntimeException e) {
      log.error("slot {} of group '{}' could not run: {}", shown, group, e.getMessage(), e);
    }
  }

  /**
   * Slots of the lookback that are past their window and were never completed: counted per slot
   * (metric), logged as one line for the group ({@link #missedSummary}), not one per slot: a fresh
   * manager of a 5-minute group would otherwise print hundreds.
   */
  private void reportMissed(KeywordGroup group, Instant now) {
    Instant windowStart = now.minus(group.cadence().window());
    Map<String, Integer> reasons = new TreeMap<>();
    Instant first = null;
    Instant last = null;
    int missed = 0;
    for (Instant slot :
        group.cadence().slotsBetween(now.minus(properties.schedule().lookback()), windowStart)) {
      JobInstance instance =
          jobRepository.getJobInstance(
              SampleJobConfiguration.JOB_NAME, SampleLauncher.parameters(group.name(), slot));
      JobExecution lastRun = instance == null ? null : jobRepository.getLastJobExecution(instance);
      if (lastRun == null || lastRun.getStatus() != BatchStatus.COMPLETED) {
        reasons.merge(
            lastRun == null ? "never started" : "last run " + lastRun.getStatus(), 1, Integer::sum);
        first = first == null || slot.isBefore(first) ? slot : first;
        last = last == null || slot.isAfter(last) ? slot : last;
        missed++;
        metrics.slot(group.name(), SlotTiming.Outcome.MISSED.tag(), slot, now);
        outcomes.record(group.name(), SlotTiming.Outcome.MISSED, slot, now);
      }
    }
    if (missed > 0) {
      log.warn(
          missedSummary(
              group.name(),
              missed,
              properties.schedule().lookback(),
              reasons,
              Slots.show(first, properties.zone()),
              Slots.show(last, properties.zone())));
    }
  }

  /**
   * The one line of a group's missed slots at start-up: {@code group 'core': 23 slots of the last
   * 24h missed, past their window and not sampled (never started: 22, last run FAILED: 1), first
   * 2026-11-27 21:05, last 2026-11-28 19:05}.
   */
  static String missedSummary(
      String group,
      int missed,
      Duration lookback,
      Map<String, Integer> reasons,
      String first,
      String last) {
    StringBuilder why = new StringBuilder();
    reasons.forEach(
        (reason, n) ->
            why.append(why.length() == 0 ? "" : ", ").append(reason).append(": ").append(n));
    return "group '"
        + group
        + "': "
        + missed
        + (missed == 1 ? " slot" : " slots")
        + " of the last "
        + shown(lookback)
        + " missed, past their window and not sampled ("
        + why
        + "), first "
        + first
        + ", last "
        + last;
  }

  /** A duration as configured: {@code 24h}, {@code 90m}, {@code 20s}. */
  private static String shown(Duration duration) {
    long seconds = duration.toSeconds();
    if (seconds % 3600 == 0) {
      return seconds / 3600 + "h";
    }
    return seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
  }

  /** Blocks until {@link #stop} ran (on SIGTERM, when the application closes). */
  public void awaitStop() throws InterruptedException {
    stopped.await();
  }

  /**
   * Stops ticking, asks this process's running slots to stop at their next chunk boundary (they end
   * STOPPED and restart from there), and waits up to {@code batch.schedule.shutdown-grace}.
   */
  @PreDestroy
  public synchronized void stop() {
    if (ticker == null) {
      stopped.countDown();
      return;
    }
    log.info("scheduler stopping");
    ticker.shutdownNow();
    launches.shutdown();
    for (JobExecution execution :
        jobRepository.findRunningJobExecutions(SampleJobConfiguration.JOB_NAME)) {
      String owner = execution.getJobParameters().getString(ProcessOwner.PARAMETER);
      if (ProcessOwner.current().toString().equals(owner)) {
        try {
          jobOperator.stop(execution);
          log.info("asked execution {} to stop", execution.getId());
        } catch (Exception e) {
          log.warn("could not stop execution {}: {}", execution.getId(), e.getMessage());
        }
      }
    }
    try {
      if (!launches.awaitTermination(
          properties.schedule().shutdownGrace().toMillis(), TimeUnit.MILLISECONDS)) {
        log.warn("slots still running after the shutdown grace; they will be recovered");
        launches.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    ticker = null;
    stopped.countDown();
    log.info("scheduler stopped");
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
