package com.mallrank.batch.sample;

import com.mallrank.batch.ops.ProcessOwner;
import com.mallrank.batch.ops.StaleExecutionRecovery;
import com.mallrank.batch.runtime.PlanRepository;
import com.mallrank.crawler.politeness.Backoff;
import com.mallrank.crawler.politeness.TimeSource;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * Starts the {@code sample} job for a group and a slot. A slot that completed is refused; a slot
 * that is running (in this or another process sharing the JobRepository) is refused; a slot that
 * failed, or was left running by a killed process, is restarted where it stopped. A launch the
 * JobRepository refuses only because other slots are launched at the same instant is retried, so
 * that a slot is never lost to a concurrent launch of another.
 */
@Component
public class SampleLauncher {

  /** Attempts of a launch the JobRepository refuses under concurrent launches. */
  static final int ATTEMPTS = 5;

  /** The wait after the first refused attempt; it doubles, plus up to half of it as jitter. */
  static final Duration FIRST_BACKOFF = Duration.ofMillis(100);

  /**
   * The wait before retry {@code n}: {@link #FIRST_BACKOFF} × 2^(n-1) plus up to half of it, that
   * is 1.5 × that less up to a third, in {@link Backoff}'s terms (its jitter takes a share off).
   */
  static final Backoff BACKOFF =
      new Backoff(
          FIRST_BACKOFF.multipliedBy(3).dividedBy(2),
          FIRST_BACKOFF.multipliedBy(3).dividedBy(2).multipliedBy(1L << (ATTEMPTS - 2)),
          2,
          1.0 / 3,
          new Random());

  /**
   * How long a job instance without an execution may be another launch's work in progress (it
   * creates the execution right after the instance: milliseconds, more on a loaded machine).
   */
  static final Duration ORPHAN_GRACE = Duration.ofSeconds(2);

  private static final String SERIALIZATION_FAILURE = "40001";
  private static final String DEADLOCK = "40P01";
  private static final Logger log = LoggerFactory.getLogger(SampleLauncher.class);

  private final JobOperator jobOperator;
  private final JobRepository jobRepository;
  private final Job sampleJob;
  private final PlanRepository plans;
  private final StaleExecutionRecovery recovery;

  public SampleLauncher(
      JobOperator jobOperator,
      JobRepository jobRepository,
      Job sampleJob,
      PlanRepository plans,
      StaleExecutionRecovery recovery) {
    this.jobOperator = jobOperator;
    this.jobRepository = jobRepository;
    this.sampleJob = sampleJob;
    this.plans = plans;
    this.recovery = recovery;
  }

  /** The identifying parameters of a slot of a group. */
  public static JobParameters parameters(String group, Instant slot) {
    return new JobParametersBuilder()
        .addString(SampleJobConfiguration.GROUP, group)
        .addString(SampleJobConfiguration.SLOT, slot.toString())
        .toJobParameters();
  }

  /** Samples the slot now, synchronously, not flagged late. */
  public JobExecution launch(String group, Instant slot) {
    return launch(group, slot, false);
  }

  /**
   * Samples the slot, synchronously. Executions of dead processes are recovered first.
   *
   * @param late whether the slot is sampled after it was due (recorded with the execution)
   * @throws com.mallrank.batch.plan.PlanException when the plan is invalid: nothing is sampled
   * @throws IllegalArgumentException when the plan has no such group
   * @throws SlotRefusedException when the slot was sampled already or is being sampled now
   * @throws LaunchRetriesExhaustedException when the JobRepository kept refusing the launch under
   *     concurrent launches of other slots
   */
  public JobExecution launch(String group, Instant slot, boolean late) {
    plans.plan().requireGroup(group);
    recovery.recover(SampleJobConfiguration.JOB_NAME);
    JobParameters parameters =
        new JobParametersBuilder(parameters(group, slot))
            .addString(SampleJobConfiguration.OWNER, ProcessOwner.current().toString(), false)
            .addString(SampleJobConfiguration.LATE, Boolean.toString(late), false)
            .toJobParameters();
    try {
      return startRetryingConcurrencyFailures(group, slot, parameters);
    } catch (JobInstanceAlreadyCompleteException e) {
      throw new SlotRefusedException(
          "slot " + slot + " of group '" + group + "' was sampled already; a slot runs once", e);
    } catch (JobExecutionAlreadyRunningException e) {
      throw new SlotRefusedException(
          "slot " + slot + " of group '" + group + "' is being sampled right now", e);
    } catch (DataAccessException e) {
      // two processes created the same job instance or execution at once: the repository's
      // unique key (or serializable isolation, when the instance exists now) let only one through
      throw new SlotRefusedException(
          "slot " + slot + " of group '" + group + "' is being started by another process", e);
    } catch (LaunchRetriesExhaustedException e) {
      throw e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(
          "could not start slot " + slot + " of group '" + group + "': interrupted before a retry",
          e);
    } catch (IllegalStateException e) {
      // The same race caught by Spring Batch itself: between its "does the instance exist?" and
      // its insert, another launch created the instance ("JobInstance must not already exist").
      if (instanceExists(group, slot)) {
        throw new SlotRefusedException(
            "slot " + slot + " of group '" + group + "' is being started by another process", e);
      }
      throw new IllegalStateException(
          "could not start slot " + slot + " of group '" + group + "': " + e.getMessage(), e);
    } catch (Exception e) {
      throw new IllegalStateException(
          "could not start slot " + slot + " of group '" + group + "': " + e.getMessage(), e);
    }
  }

  /**
   * Starts the job, again after a transient concurrency failure of the JobRepository: PostgreSQL
   * creates job instances, executions and step executions under serializable isolation and may
   * refuse one of several launches of <em>different</em> slots at the same instant ({@code 40001})
   * although they do not conflict; refusing the slot then would lose it. A start so refused is
   * retried unless another launch {@linkplain #startedElsewhere started the slot} (a real second
   * launch, refused by the caller); a job so failed (its first step could not be recorded) is
   * restarted where it stopped. The attempts are bounded ({@link #ATTEMPTS}, backoff doubling from
   * {@link #FIRST_BACKOFF} with jitter, about two seconds in all).
   *
   * @return the last execution; FAILED when even the last attempt failed that way
   * @throws LaunchRetriesExhaustedException when the last start was refused that way
   */
  private JobExecution startRetryingConcurrencyFailures(
      String group, Instant slot, JobParameters parameters) throws Exception {
    for (int attempt = 1; ; attempt++) {
      String sqlState;
      try {
        JobExecution execution = jobOperator.start(sampleJob, parameters);
        sqlState =
            execution.getStatus() == BatchStatus.FAILED
                ? execution.getAllFailureExceptions().stream()
                    .map(SampleLauncher::transientConcurrencyFailure)
                    .filter(Objects::nonNull)
                    .findFirst()
                    .orElse(null)
                : null;
        if (sqlState == null || attempt == ATTEMPTS) {
          return execution;
        }
      } catch (RuntimeException e) {
        sqlState = transientConcurrencyFailure(e);
        if (sqlState == null || startedElsewhere(group, slot)) {
          throw e;
        }
        if (attempt == ATTEMPTS) {
          throw new LaunchRetriesExhaustedException(
              "could not start slot "
                  + slot
                  + " of group '"
                  + group
                  + "': the JobRepository refused it "
                  + ATTEMPTS
                  + " times under concurrent launches (SQLState "
                  + sqlState
                  + ")",
              e);
        }
      }
      long backoff = BACKOFF.delay(attempt).toMillis();
      log.warn(
          "slot {} of group '{}': the JobRepository refused the launch under concurrent launches"
              + " (SQLState {}); attempt {} of {} in {} ms",
          slot,
          group,
          sqlState,
          attempt + 1,
          ATTEMPTS,
          backoff);
      TimeSource.system().sleep(Duration.ofMillis(backoff));
    }
  }

  /**
   * The SQLState of a failure worth another attempt, or null: a serialization failure ({@code
   * 40001}) or deadlock ({@code 40P01}) anywhere in its causes, or Spring's translation of a
   * pessimistic concurrency failure ({@code "n/a"} when it carries no SQLState). Not retried: a
   * unique key violation (a real duplicate) and an optimistic locking failure (another process
   * changed the execution), like every other failure.
   */
  static String transientConcurrencyFailure(Throwable failure) {
    String sqlState = null;
    boolean pessimistic = false;
    for (Throwable e = failure; e != null; e = e.getCause() == e ? null : e.getCause()) {
      if (e instanceof SQLException sql && sqlState == null) {
        sqlState = sql.getSQLState();
      }
      pessimistic |= e instanceof PessimisticLockingFailureException;
    }
    if (SERIALIZATION_FAILURE.equals(sqlState) || DEADLOCK.equals(sqlState)) {
      return sqlState;
    }
    return pessimistic ? Objects.requireNonNullElse(sqlState, "n/a") : null;
  }

  /** Whether the slot's job instance exists now (another launch created it). */
  private boolean instanceExists(String group, Instant slot) {
    try {
      return jobRepository.getJobInstance(SampleJobConfiguration.JOB_NAME, parameters(group, slot))
          != null;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /**
   * Whether another launch started the slot, after a transient failure of this one: the slot's job
   * instance exists with an execution. Spring Batch creates the instance and its first execution in
   * two transactions, and the second may be refused too: the instance is then left without an
   * execution, and no launch could ever start it ("Cannot find any job execution"). Such an
   * instance, still without an execution after {@link #ORPHAN_GRACE} (a concurrent launch creates
   * its execution right away), is removed, so the retry creates it again.
   */
  private boolean startedElsewhere(String group, Instant slot) throws InterruptedException {
    JobInstance instance =
        jobRepository.getJobInstance(SampleJobConfiguration.JOB_NAME, parameters(group, slot));
    if (instance == null || !jobRepository.getJobExecutions(instance).isEmpty()) {
      return instance != null;
    }
    TimeSource.system().sleep(ORPHAN_GRACE);
    if (!jobRepository.getJobExecutions(instance).isEmpty()) {
      return true;
    }
    log.warn(
        "slot {} of group '{}': removing job instance {}, left without an execution by a launch"
            + " the JobRepository refused half-way",
        slot,
        group,
        instance.getInstanceId());
    try {
      jobRepository.deleteJobInstance(instance);
    } catch (RuntimeException e) {
      // removed by another launch meanwhile, or it has an execution now: the retry tells which
      log.info(
          "slot {} of group '{}': job instance {} not removed ({})",
          slot,
          group,
          instance.getInstanceId(),
          e.getClass().getSimpleName());
    }
    return false;
  }

  /**
   * A slot that could not be started because the JobRepository kept refusing it under concurrent
   * launches: not a refusal (nothing else runs the slot), a failure to report.
   */
  public static class LaunchRetriesExhaustedException extends IllegalStateException {
    LaunchRetriesExhaustedException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** A slot that may not be sampled now: done already, or running elsewhere. */
  public static class SlotRefusedException extends RuntimeException {
    SlotRefusedException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
