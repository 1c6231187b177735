package com.mallrank.batch.sample;

import com.mallrank.batch.ops.ProcessOwner;
import com.mallrank.batch.ops.StaleExecutionRecovery;
import com.mallrank.batch.runtime.PlanRepository;
import java.time.Instant;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Starts the {@code sample} job for a group and a slot. A slot that completed is refused; a slot
 * that is running (in this or another process sharing the JobRepository) is refused; a slot that
 * failed, or was left running by a killed process, is restarted where it stopped.
 */
@Component
public class SampleLauncher {

  private final JobOperator jobOperator;
  private final Job sampleJob;
  private final PlanRepository plans;
  private final StaleExecutionRecovery recovery;

  public SampleLauncher(
      JobOperator jobOperator,
      Job sampleJob,
      PlanRepository plans,
      StaleExecutionRecovery recovery) {
    this.jobOperator = jobOperator;
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
      return jobOperator.start(sampleJob, parameters);
    } catch (JobInstanceAlreadyCompleteException e) {
      throw new SlotRefusedException(
          "slot " + slot + " of group '" + group + "' was sampled already; a slot runs once", e);
    } catch (JobExecutionAlreadyRunningException e) {
      throw new SlotRefusedException(
          "slot " + slot + " of group '" + group + "' is being sampled right now", e);
    } catch (DataAccessException e) {
      // two processes created the same job instance or execution at once: the repository's
      // unique key (or serializable isolation) let only one of them through
      throw new SlotRefusedException(
          "slot " + slot + " of group '" + group + "' is being started by another process", e);
    } catch (IllegalStateException e) {
      // The same race caught by Spring Batch itself: between its "does the instance exist?" and
      // its insert, another launch created the instance ("JobInstance must not already exist").
      if (startedElsewhere(group, slot)) {
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

  /** Whether the slot's job instance exists now (another launch created it). */
  private boolean startedElsewhere(String group, Instant slot) {
    try {
      return jobOperator.getJobInstance(SampleJobConfiguration.JOB_NAME, parameters(group, slot))
          != null;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** A slot that may not be sampled now: done already, or running elsewhere. */
  public static class SlotRefusedException extends RuntimeException {
    SlotRefusedException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
