package com.mallrank.batch.remote;

import com.mallrank.batch.alert.Alert;
import com.mallrank.batch.alert.AlertDispatcher;
import com.mallrank.batch.alert.AlertInput;
import com.mallrank.batch.sample.SampleJobConfiguration;
import jakarta.jms.JMSException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.context.SmartLifecycle;

/**
 * The manager's look into the broker's dead-letter queue, every {@code
 * batch.remote.dead-letter-check}: each partition request found there is logged (once) and alerted
 * ({@code partition_dead_lettered}, deduplicated per partition), named from the JobRepository
 * (partition, group, slot). Without it a request handed back by the workers ten times vanished from
 * every view until its slot timed out.
 */
public class DeadLetterWatch implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(DeadLetterWatch.class);

  private final DeadLetters deadLetters;
  private final JobRepository jobRepository;
  private final AlertDispatcher alerts;
  private final Duration interval;
  private final Clock clock;
  private final Set<String> logged = ConcurrentHashMap.newKeySet();
  private ScheduledExecutorService timer;

  public DeadLetterWatch(
      DeadLetters deadLetters,
      JobRepository jobRepository,
      AlertDispatcher alerts,
      Duration interval,
      Clock clock) {
    this.deadLetters = deadLetters;
    this.jobRepository = jobRepository;
    this.alerts = alerts;
    this.interval = interval;
    this.clock = clock;
  }

  /**
   * What the JobRepository says of a dead-lettered request's partition.
   *
   * @param letter the dead-lettered request
   * @param partition the partition's step name ({@code sampleKeywords:anonymous-shard0}), or {@code
   *     null} when unknown
   * @param group the plan group of its slot, or {@code null}
   * @param slot its slot, or {@code null}
   */
  public record Named(DeadLetters.DeadLetter letter, String partition, String group, Instant slot) {

    /** {@code sampleKeywords:anonymous-shard0 (step execution 42), group core, slot …}. */
    public String describe() {
      StringBuilder text =
          new StringBuilder(partition == null ? "request '" + letter.request() + "'" : partition);
      if (letter.stepExecutionId() != null) {
        text.append(" (step execution ").append(letter.stepExecutionId()).append(')');
      }
      if (group != null) {
        text.append(", group ").append(group);
      }
      if (slot != null) {
        text.append(", slot ").append(slot);
      }
      return text.toString();
    }
  }

  /** The dead-lettered partition requests, named from the JobRepository. */
  public static List<Named> named(List<DeadLetters.DeadLetter> letters, JobRepository jobs) {
    List<Named> named = new ArrayList<>();
    for (DeadLetters.DeadLetter letter : letters) {
      StepExecution partition =
          letter.stepExecutionId() == null || jobs == null
              ? null
              : jobs.getStepExecution(letter.stepExecutionId());
      if (partition == null) {
        named.add(new Named(letter, null, null, null));
        continue;
      }
      var parameters = partition.getJobExecution().getJobParameters();
      String slot = parameters.getString(SampleJobConfiguration.SLOT);
      named.add(
          new Named(
              letter,
              partition.getStepName(),
              parameters.getString(SampleJobConfiguration.GROUP),
              slot == null ? null : Instant.parse(slot)));
    }
    return named;
  }

  /**
   * Looks once: logs and alerts every dead-lettered partition request.
   *
   * @return the alerts the rules made of them (sent unless deduplicated or alerts are off)
   */
  public List<Alert> check() throws JMSException {
    List<Named> found = named(deadLetters.list(), jobRepository);
    Map<Instant, List<AlertInput.DeadLetter>> bySlot = new LinkedHashMap<>();
    for (Named named : found) {
      if (logged.add(named.letter().messageId())) {
        log.error(
            "partition request dead-lettered by the broker: {}; its keywords are not sampled;"
                + " `mallrank broker requeue` moves it back",
            named.describe());
      }
      if (named.letter().stepExecutionId() == null) {
        continue;
      }
      bySlot
          .computeIfAbsent(
              named.slot() == null ? clock.instant() : named.slot(), s -> new ArrayList<>())
          .add(
              new AlertInput.DeadLetter(
                  named.letter().stepExecutionId(),
                  named.partition(),
                  named.group(),
                  named.letter().identity()));
    }
    List<Alert> raised = new ArrayList<>();
    bySlot.forEach(
        (slot, letters) ->
            raised.addAll(alerts.dispatch(AlertInput.deadLetters(slot, letters)).alerts()));
    return raised;
  }

  private void checkSafely() {
    try {
      check();
    } catch (JMSException | RuntimeException e) {
      log.warn("could not look into the dead-letter queue: {}", e.toString());
    }
  }

  @Override
  public synchronized void start() {
    if (timer != null) {
      return;
    }
    timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "dead-letter-watch");
              thread.setDaemon(true);
              return thread;
            });
    timer.scheduleWithFixedDelay(
        this::checkSafely, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void stop() {
    if (timer != null) {
      timer.shutdownNow();
      timer = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return timer != null;
  }
}
