package com.mallrank.batch.remote;

import com.mallrank.batch.ops.ProcessOwner;
import com.mallrank.batch.runtime.PlanRepository;
import com.mallrank.batch.runtime.SamplerFactory;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.batch.integration.partition.StepExecutionRequestHandler;

/**
 * Runs the partitions a worker receives, through Spring Batch Integration's {@link
 * StepExecutionRequestHandler}, after three checks on the partition's record in the JobRepository:
 *
 * <ul>
 *   <li>it exists and is still to be run (STARTING, or STARTED by a worker that died: the broker
 *       redelivers an unacknowledged request): a request of a slot that has ended since, or a
 *       partition timed out by the manager, is dropped as stale;
 *   <li>its plan version equals this worker's: otherwise it is refused and marked FAILED with both
 *       versions named, since the same shard would mean other keywords here.
 * </ul>
 *
 * The partition's worker ({@code host:pid}) is written into its execution context. The slot's
 * shared sampler is closed when the last of its partitions on this worker ends.
 */
public class PartitionWorker {

  private static final Logger log = LoggerFactory.getLogger(PartitionWorker.class);

  /** Step-context key: the {@code host:pid} of the worker that ran (or refused) the partition. */
  public static final String WORKER = "worker";

  private final StepExecutionRequestHandler handler;
  private final JobRepository jobRepository;
  private final Supplier<String> planVersion;
  private final SamplerFactory samplers;
  private final Map<Long, AtomicInteger> running = new ConcurrentHashMap<>();

  public PartitionWorker(
      StepExecutionRequestHandler handler,
      JobRepository jobRepository,
      PlanRepository plans,
      SamplerFactory samplers) {
    this(handler, jobRepository, () -> PlanVersion.of(plans.plan()), samplers);
  }

  PartitionWorker(
      StepExecutionRequestHandler handler,
      JobRepository jobRepository,
      Supplier<String> planVersion,
      SamplerFactory samplers) {
    this.handler = handler;
    this.jobRepository = jobRepository;
    this.planVersion = planVersion;
    this.samplers = samplers;
  }

  /** What became of a request. */
  public enum Outcome {
    RAN,
    STALE,
    REFUSED
  }

  /** Runs one partition request to its end. */
  public Outcome handle(StepExecutionRequest request) {
    StepExecution partition = jobRepository.getStepExecution(request.getStepExecutionId());
    if (partition == null) {
      log.warn("dropping partition request {}: no such step execution", request);
      return Outcome.STALE;
    }
    BatchStatus status = partition.getStatus();
    if ((status != BatchStatus.STARTING && status != BatchStatus.STARTED)
        || !partition.getJobExecution().isRunning()) {
      log.info(
          "dropping stale partition request {}: partition {}, slot execution {} {}",
          partition.getStepName(),
          status,
          partition.getJobExecutionId(),
          partition.getJobExecution().getStatus());
      return Outcome.STALE;
    }
    String worker = ProcessOwner.current().toString();
    String wanted = partition.getExecutionContext().getString(PlanVersion.KEY, null);
    String mine;
    try {
      mine = planVersion.get();
    } catch (RuntimeException e) {
      return refuse(partition, worker, "this worker's plan does not load: " + e.getMessage());
    }
    if (wanted != null && !wanted.equals(mine)) {
      return refuse(
          partition,
          worker,
          "refused by worker "
              + worker
              + ": its plan version "
              + mine
              + " differs from the manager's "
              + wanted
              + "; give every worker the manager's plan (batch.plan)");
    }
    partition.getExecutionContext().putString(WORKER, worker);
    // stored now: the handler reads the partition afresh from the JobRepository
    jobRepository.updateExecutionContext(partition);
    long slotExecution = partition.getJobExecutionId();
    running.computeIfAbsent(slotExecution, id -> new AtomicInteger()).incrementAndGet();
    log.info("running partition {} of slot execution {}", partition.getStepName(), slotExecution);
    try {
      StepExecution result = handler.handle(request);
      if (result.getStatus() == BatchStatus.FAILED && result.getEndTime() == null) {
        // the handler caught an exception thrown out of the step: record it
        result.setEndTime(LocalDateTime.now());
        result.setExitStatus(ExitStatus.FAILED);
        jobRepository.update(result);
      }
      log.info("partition {} ended {}", partition.getStepName(), result.getStatus());
      return Outcome.RAN;
    } finally {
      AtomicInteger count = running.get(slotExecution);
      if (count != null && count.decrementAndGet() == 0) {
        running.remove(slotExecution);
        samplers.endRun(slotExecution);
      }
    }
  }

  private Outcome refuse(StepExecution partition, String worker, String reason) {
    log.error("partition {}: {}", partition.getStepName(), reason);
    partition.getExecutionContext().putString(WORKER, worker);
    partition.setStatus(BatchStatus.FAILED);
    partition.setExitStatus(ExitStatus.FAILED.addExitDescription(reason));
    partition.setStartTime(LocalDateTime.now());
    partition.setEndTime(LocalDateTime.now());
    jobRepository.update(partition);
    jobRepository.updateExecutionContext(partition);
    return Outcome.REFUSED;
  }
}
