package com.mallrank.batch.remote;

import com.mallrank.crawler.politeness.Backoff;
import com.mallrank.crawler.politeness.TimeSource;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.partition.StepExecutionSplitter;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.MessageChannelPartitionHandler;

/**
 * The manager's side of a slot: waits for the broker, then lets Spring Batch Integration's {@link
 * MessageChannelPartitionHandler} send one request per partition and poll the JobRepository until
 * every partition has finished. What it adds is the failure story:
 *
 * <ul>
 *   <li>a broker that cannot be reached is waited for ({@code batch.remote.broker-wait}), then the
 *       slot fails before any partition is created: nothing sent, nothing marked done;
 *   <li>partitions still unfinished after {@code batch.remote.partition-timeout} are marked FAILED
 *       (Spring Batch restarts no partition left STARTED), so restarting the slot reruns exactly
 *       them, on whichever workers are alive;
 *   <li>partitions that failed on their worker fail the slot with their reasons (a worker refusing
 *       another plan version, a worker that cannot reach Elasticsearch) in one message.
 * </ul>
 */
public class RemotePartitionHandler implements PartitionHandler {

  private static final Logger log = LoggerFactory.getLogger(RemotePartitionHandler.class);

  /** Between attempts to reach the broker: 1 s, doubled after each, at most 15 s. */
  static final Backoff BROKER_BACKOFF =
      new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(15), 2, 0, new Random());

  private final MessageChannelPartitionHandler delegate;
  private final JobRepository jobRepository;
  private final ConnectionFactory connectionFactory;
  private final String brokerUrl;
  private final RemoteProperties properties;

  public RemotePartitionHandler(
      MessageChannelPartitionHandler delegate,
      JobRepository jobRepository,
      ConnectionFactory connectionFactory,
      String brokerUrl,
      RemoteProperties properties) {
    this.delegate = delegate;
    this.jobRepository = jobRepository;
    this.connectionFactory = connectionFactory;
    this.brokerUrl = brokerUrl;
    this.properties = properties;
  }

  @Override
  public Collection<StepExecution> handle(
      StepExecutionSplitter splitter, StepExecution managerStepExecution) throws Exception {
    awaitBroker();
    Collection<StepExecution> finished;
    try {
      finished = delegate.handle(splitter, managerStepExecution);
    } catch (TimeoutException e) {
      List<String> unfinished = failUnfinished(managerStepExecution);
      throw new PartitionTimeoutException(
          unfinished.size()
              + " partition(s) not finished within batch.remote.partition-timeout="
              + show(properties.partitionTimeout())
              + " "
              + unfinished
              + ": their worker died or none is running; marked FAILED, restart the slot to rerun"
              + " them");
    }
    List<String> failures = new ArrayList<>();
    for (StepExecution partition : finished) {
      if (partition.getStatus() != BatchStatus.COMPLETED) {
        String reason = partition.getExitStatus().getExitDescription();
        failures.add(
            partition.getStepName()
                + " "
                + partition.getStatus()
                + (reason == null || reason.isBlank() ? "" : ": " + firstLine(reason)));
      }
    }
    if (!failures.isEmpty()) {
      throw new PartitionFailedException(
          failures.size()
              + " partition(s) failed on their workers: "
              + String.join("; ", failures));
    }
    return finished;
  }

  /**
   * Blocks until a connection to the broker opens, for at most {@code batch.remote.broker-wait}.
   */
  void awaitBroker() throws InterruptedException {
    long deadline = System.nanoTime() + properties.brokerWait().toNanos();
    boolean warned = false;
    for (int retry = 1; ; retry++) {
      try (Connection connection = connectionFactory.createConnection()) {
        connection.getClientID(); // touches the connection
        if (warned) {
          log.info("broker at {} reachable again", brokerUrl);
        }
        return;
      } catch (JMSException | RuntimeException e) {
        if (System.nanoTime() >= deadline) {
          throw new BrokerUnavailableException(
              "broker at "
                  + brokerUrl
                  + " unreachable for batch.remote.broker-wait="
                  + show(properties.brokerWait())
                  + " ("
                  + firstLine(String.valueOf(e.getMessage()))
                  + "): no partition sent, the slot is not done");
        }
        if (!warned) {
          log.warn(
              "broker at {} unreachable ({}); waiting up to {}",
              brokerUrl,
              firstLine(String.valueOf(e.getMessage())),
              properties.brokerWait());
          warned = true;
        }
        TimeSource.system().sleep(BROKER_BACKOFF.delay(retry));
      }
    }
  }

  /** Marks this manager step's partitions that are still running FAILED; returns their names. */
  private List<String> failUnfinished(StepExecution managerStepExecution) {
    List<String> names = new ArrayList<>();
    var jobExecution = jobRepository.getJobExecution(managerStepExecution.getJobExecutionId());
    for (StepExecution partition : jobExecution.getStepExecutions()) {
      if (partition.getId() == managerStepExecution.getId() || !partition.getStatus().isRunning()) {
        continue;
      }
      partition.setStatus(BatchStatus.FAILED);
      partition.setExitStatus(
          ExitStatus.FAILED.addExitDescription(
              "no result within batch.remote.partition-timeout="
                  + show(properties.partitionTimeout())));
      partition.setEndTime(LocalDateTime.now());
      try {
        jobRepository.update(partition);
        names.add(partition.getStepName());
      } catch (RuntimeException e) {
        // its worker finished it just now (optimistic lock): it is not unfinished
        log.info(
            "partition {} finished while timing out: {}", partition.getStepName(), e.toString());
      }
    }
    return names;
  }

  /** A duration as configured: 2h, 90s, 1h30m. */
  static String show(Duration duration) {
    return duration.toString().substring(2).toLowerCase(java.util.Locale.ROOT);
  }

  private static String firstLine(String text) {
    String line = text.lines().findFirst().orElse("").strip();
    return line.length() > 300 ? line.substring(0, 300) + "…" : line;
  }

  /** The broker could not be reached in time. */
  public static class BrokerUnavailableException extends IllegalStateException {
    BrokerUnavailableException(String message) {
      super(message);
    }
  }

  /** Partitions did not finish in time. */
  public static class PartitionTimeoutException extends IllegalStateException {
    PartitionTimeoutException(String message) {
      super(message);
    }
  }

  /** Partitions failed on their workers. */
  public static class PartitionFailedException extends IllegalStateException {
    PartitionFailedException(String message) {
      super(message);
    }
  }
}
