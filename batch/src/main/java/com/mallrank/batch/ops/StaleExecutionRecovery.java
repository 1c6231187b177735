package com.mallrank.batch.ops;

import com.mallrank.batch.config.BatchProperties;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/**
 * Marks executions left running by a killed process as failed ({@link JobOperator#recover}), so
 * their slots can be restarted. An execution is taken for dead when its {@link ProcessOwner} is a
 * process of this host that no longer runs, or (another host, or no owner recorded) when its
 * repository row was not updated for {@code batch.stale-after}. Executions of live processes,
 * including other {@code mallrank serve} processes on this host, are left alone.
 */
@Component
public record StaleExecutionRecovery(
    JobRepository jobRepository, JobOperator jobOperator, BatchProperties properties) {

  private static final Logger log = LoggerFactory.getLogger(StaleExecutionRecovery.class);

  /**
   * Recovers the dead executions of a job.
   *
   * @return the recovered executions, now FAILED
   */
  public synchronized List<JobExecution> recover(String jobName) {
    List<JobExecution> recovered = new ArrayList<>();
    for (JobExecution execution : jobRepository.findRunningJobExecutions(jobName)) {
      if (isDead(execution)) {
        log.warn(
            "execution {} of {} {} was left {} by {}: marking it FAILED so it can be restarted",
            execution.getId(),
            jobName,
            execution.getJobParameters().getIdentifyingParameters().stream()
                .map(p -> p.name() + "=" + p.value())
                .toList(),
            execution.getStatus(),
            owner(execution).map(ProcessOwner::toString).orElse("an unknown process"));
        recovered.add(jobOperator.recover(execution));
      }
    }
    return recovered;
  }

  boolean isDead(JobExecution execution) {
    Optional<ProcessOwner> owner = owner(execution);
    if (owner.isPresent() && owner.get().equals(ProcessOwner.current())) {
      return false;
    }
    if (owner.isPresent() && owner.get().isLocal()) {
      return owner.get().isDeadLocalProcess();
    }
    LocalDateTime updated = execution.getLastUpdated();
    return updated == null || updated.isBefore(LocalDateTime.now().minus(properties.staleAfter()));
  }

  private static Optional<ProcessOwner> owner(JobExecution execution) {
    return ProcessOwner.parse(execution.getJobParameters().getString(ProcessOwner.PARAMETER));
  }
}
