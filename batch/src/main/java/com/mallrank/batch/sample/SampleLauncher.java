package com.mallrank.batch.sample;

import com.mallrank.batch.runtime.PlanRepository;
import java.time.Instant;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.stereotype.Component;

/**
 * Starts the {@code sample} job for a group and a slot. A slot that completed is refused; a slot
 * that failed is restarted where it stopped (same identifying parameters).
 */
@Component
public class SampleLauncher {

  private final JobOperator jobOperator;
  private final Job sampleJob;
  private final PlanRepository plans;

  public SampleLauncher(JobOperator jobOperator, Job sampleJob, PlanRepository plans) {
    this.jobOperator = jobOperator;
    this.sampleJob = sampleJob;
    this.plans = plans;
  }

  /** The identifying parameters of a slot of a group. */
  public static JobParameters parameters(String group, Instant slot) {
    return new JobParametersBuilder()
        .addString(SampleJobConfiguration.GROUP, group)
        .addString(SampleJobConfiguration.SLOT, slot.toString())
        .toJobParameters();
  }

  /**
   * Samples the slot, synchronously.
   *
   * @throws com.mallrank.batch.plan.PlanException when the plan is invalid: nothing is sampled
   * @throws IllegalArgumentException when the plan has no such group
   * @throws SlotRefusedException when the slot was sampled already or is being sampled now
   */
  public JobExecution launch(String group, Instant slot) {
    plans.plan().requireGroup(group);
    try {
      return jobOperator.start(sampleJob, parameters(group, slot));
    } catch (JobInstanceAlreadyCompleteException e) {
      throw new SlotRefusedException(
          "slot " + slot + " of group '" + group + "' was sampled already; a slot runs once", e);
    } catch (JobExecutionAlreadyRunningException e) {
      throw new SlotRefusedException(
          "slot " + slot + " of group '" + group + "' is being sampled right now", e);
    } catch (Exception e) {
      throw new IllegalStateException(
          "could not start slot " + slot + " of group '" + group + "': " + e.getMessage(), e);
    }
  }

  /** A slot that may not be sampled now: done already, or running elsewhere. */
  public static class SlotRefusedException extends RuntimeException {
    SlotRefusedException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
