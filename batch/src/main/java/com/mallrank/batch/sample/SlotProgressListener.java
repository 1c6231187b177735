package com.mallrank.batch.sample;

import com.mallrank.batch.plan.KeywordGroup;
import com.mallrank.batch.runtime.PlanRepository;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * Opens and closes a slot's progress. On a restart, the samples stored by the earlier executions
 * count as done.
 */
class SlotProgressListener implements JobExecutionListener {

  private final SlotProgress progress;
  private final PlanRepository plans;
  private final JobRepository jobRepository;

  SlotProgressListener(SlotProgress progress, PlanRepository plans, JobRepository jobRepository) {
    this.progress = progress;
    this.plans = plans;
    this.jobRepository = jobRepository;
  }

  @Override
  public void beforeJob(JobExecution execution) {
    String group = execution.getJobParameters().getString(SampleJobConfiguration.GROUP);
    String slot = execution.getJobParameters().getString(SampleJobConfiguration.SLOT);
    KeywordGroup keywordGroup = plans.plan().requireGroup(group);
    int total = keywordGroup.keywords().size() * keywordGroup.vantages().size();
    progress.started(execution.getId(), group + " " + slot, total, storedBefore(execution));
  }

  /**
   * Closes the progress with the slot's samples by status as its partitions' step executions hold
   * them in the JobRepository (this execution's and the earlier ones'): on a manager the samples
   * are stored by the workers, so this process counted none itself.
   */
  @Override
  public void afterJob(JobExecution execution) {
    progress.finished(execution.getId(), stored(execution, true));
  }

  /** Samples by status of the partitions that earlier executions of this slot left behind. */
  private Map<String, Long> storedBefore(JobExecution execution) {
    return stored(execution, false);
  }

  /**
   * Samples by status of the slot's partitions: the latest step execution of each partition, of
   * every execution of the slot ({@code withCurrent}) or of the earlier ones only.
   */
  private Map<String, Long> stored(JobExecution execution, boolean withCurrent) {
    Map<String, StepExecution> latest = new TreeMap<>();
    for (JobExecution earlier : jobRepository.getJobExecutions(execution.getJobInstance())) {
      if (!withCurrent && earlier.getId() == execution.getId()) {
        continue;
      }
      for (StepExecution step : earlier.getStepExecutions()) {
        if (!step.getStepName().startsWith(SampleJobConfiguration.STEP_NAME + ":")) {
          continue;
        }
        latest.merge(step.getStepName(), step, (a, b) -> a.getId() > b.getId() ? a : b);
      }
    }
    Map<String, Long> counts = new TreeMap<>();
    latest
        .values()
        .forEach(s -> StatusCounts.add(counts, StatusCounts.of(s.getExecutionContext())));
    return counts;
  }
}
