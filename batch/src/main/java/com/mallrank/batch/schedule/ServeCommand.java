package com.mallrank.batch.schedule;

import com.mallrank.batch.retention.RetentionScheduler;
import java.util.concurrent.Callable;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.env.Environment;
import picocli.CommandLine.Command;

/**
 * {@code mallrank serve}: runs the scheduler until SIGTERM (or Ctrl-C).
 *
 * <p>The command runs inside a {@code CommandLineRunner} that returns only at shutdown, so Spring
 * Boot's own "application ready" moment (after the runners) never comes while serving. The command
 * therefore declares readiness itself, {@link ReadinessState#ACCEPTING_TRAFFIC}, as soon as the
 * scheduler runs: from then on {@code /actuator/health/readiness} (and {@code /actuator/health}) is
 * {@code UP} while Elasticsearch and the JobRepository answer.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the scheduler: samples each keyword group at the slots of its cadence (plan key"
          + " 'cadence'), spreads each slot's start with a jitter, samples a missed slot late"
          + " within its 'window' and reports it as missed after. Runs until SIGTERM/Ctrl-C;"
          + " running slots then stop at a chunk boundary and restart later where they stopped.",
      "Serves the actuator on server.port (default 9464): /actuator/health,"
          + " /actuator/prometheus. Several serve processes may share one JobRepository:"
          + " each slot still runs once.",
      "Also runs the retention job daily (batch.retention.cron, keep batch.retention.keep-days"
          + " days of raw listings)."
    })
public class ServeCommand implements Callable<Integer> {

  private final SampleScheduler scheduler;
  private final RetentionScheduler retention;
  private final Environment environment;
  private final ApplicationEventPublisher events;

  public ServeCommand(
      SampleScheduler scheduler,
      RetentionScheduler retention,
      Environment environment,
      ApplicationEventPublisher events) {
    this.scheduler = scheduler;
    this.retention = retention;
    this.environment = environment;
    this.events = events;
  }

  @Override
  public Integer call() throws InterruptedException {
    scheduler.start();
    retention.start();
    AvailabilityChangeEvent.publish(events, this, ReadinessState.ACCEPTING_TRAFFIC);
    String port = environment.getProperty("local.server.port");
    if (port != null) {
      System.out.printf(
          "serving: health and metrics on http://%s:%s/actuator (health, prometheus)%n",
          environment.getProperty("server.address", "127.0.0.1"), port);
    }
    scheduler.awaitStop();
    return 0;
  }
}
