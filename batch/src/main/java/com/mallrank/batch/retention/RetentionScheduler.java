package com.mallrank.batch.retention;

import com.mallrank.batch.config.BatchProperties;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;

/**
 * Starts the {@code retention} job on {@code batch.retention.cron} while {@code serve} runs. Like
 * the sample scheduler it only starts jobs; a day's run that another process did is refused by the
 * JobRepository and skipped quietly.
 */
@Component
public class RetentionScheduler {

  private static final Logger log = LoggerFactory.getLogger(RetentionScheduler.class);

  private final JobOperator jobOperator;
  private final Job retentionJob;
  private final RetentionProperties properties;
  private final BatchProperties batch;
  private ScheduledExecutorService timer;

  public RetentionScheduler(
      JobOperator jobOperator,
      Job retentionJob,
      RetentionProperties properties,
      BatchProperties batch) {
    this.jobOperator = jobOperator;
    this.retentionJob = retentionJob;
    this.properties = properties;
    this.batch = batch;
  }

  /** Schedules the next run (and each one after it); does nothing when disabled. */
  public synchronized void start() {
    if (!properties.enabled() || timer != null) {
      return;
    }
    timer =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "retention");
              thread.setDaemon(true);
              return thread;
            });
    scheduleNext(Clock.systemUTC());
  }

  private void scheduleNext(Clock clock) {
    ZonedDateTime next = next(properties.cron(), ZonedDateTime.now(clock.withZone(batch.zone())));
    long delay = Duration.between(clock.instant(), next.toInstant()).toMillis();
    log.info("retention (keep {} days) next runs at {}", properties.keepDays(), next);
    timer.schedule(
        () -> {
          run(next.toLocalDate());
          scheduleNext(clock);
        },
        Math.max(0, delay),
        TimeUnit.MILLISECONDS);
  }

  /** The next time the cron fires after {@code now}. */
  static ZonedDateTime next(String cron, ZonedDateTime now) {
    ZonedDateTime next = CronExpression.parse(cron).next(now);
    if (next == null) {
      throw new IllegalArgumentException("batch.retention.cron never fires: '" + cron + "'");
    }
    return next;
  }

  /** Runs the retention job for a day, once. */
  void run(LocalDate day) {
    try {
      jobOperator.start(
          retentionJob,
          new JobParametersBuilder()
              .addString(RetentionJobConfiguration.DAY, day.toString())
              .toJobParameters());
    } catch (JobInstanceAlreadyCompleteException | JobExecutionAlreadyRunningException e) {
      log.info("retention of {} ran already or is running elsewhere", day);
    } catch (Exception e) {
      log.error("retention of {} failed: {}", day, e.toString(), e);
    }
  }

  @PreDestroy
  public synchronized void stop() {
    if (timer != null) {
      timer.shutdownNow();
      timer = null;
    }
  }
}
