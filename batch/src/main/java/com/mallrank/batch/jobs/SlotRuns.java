package com.mallrank.batch.jobs;

import com.mallrank.batch.sample.SampleJobConfiguration;
import com.mallrank.batch.sample.StatusCounts;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/** Reads the recent runs of the sample job from the JobRepository. */
@Component
public class SlotRuns {

  private final JobRepository jobRepository;

  public SlotRuns(JobRepository jobRepository) {
    this.jobRepository = jobRepository;
  }

  /** The executions of the latest {@code slots} slots, newest first. */
  public List<SlotRun> recent(int slots, String group) {
    List<SlotRun> runs = new ArrayList<>();
    for (JobInstance instance :
        jobRepository.getJobInstances(SampleJobConfiguration.JOB_NAME, 0, slots)) {
      List<JobExecution> executions = new ArrayList<>(jobRepository.getJobExecutions(instance));
      executions.sort(Comparator.comparingLong(JobExecution::getId));
      Map<String, StepExecution> latest = new TreeMap<>();
      for (JobExecution execution : executions) {
        for (StepExecution step : execution.getStepExecutions()) {
          if (step.getStepName().startsWith(SampleJobConfiguration.STEP_NAME)) {
            latest.put(step.getStepName(), step);
          }
        }
        Map<String, Long> samples = new TreeMap<>();
        latest
            .values()
            .forEach(s -> StatusCounts.add(samples, StatusCounts.of(s.getExecutionContext())));
        SlotRun run = run(execution, samples);
        if (group == null || group.equals(run.group())) {
          runs.add(run);
        }
      }
    }
    runs.sort(Comparator.comparingLong(SlotRun::executionId).reversed());
    return runs;
  }

  private static SlotRun run(JobExecution execution, Map<String, Long> samples) {
    var parameters = execution.getJobParameters();
    LocalDateTime start = execution.getStartTime();
    LocalDateTime end = execution.getEndTime();
    Duration duration =
        start == null ? null : Duration.between(start, end == null ? LocalDateTime.now() : end);
    String slot = parameters.getString(SampleJobConfiguration.SLOT);
    return new SlotRun(
        execution.getId(),
        parameters.getString(SampleJobConfiguration.GROUP),
        slot == null ? null : Instant.parse(slot),
        execution.getStatus().name(),
        "true".equals(parameters.getString(SampleJobConfiguration.LATE)),
        start == null ? null : start.atZone(ZoneId.systemDefault()).toInstant(),
        duration,
        samples);
  }
}
