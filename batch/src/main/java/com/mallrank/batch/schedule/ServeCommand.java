package com.mallrank.batch.schedule;

import com.mallrank.batch.retention.RetentionScheduler;
import java.util.concurrent.Callable;
import org.springframework.core.env.Environment;
import picocli.CommandLine.Command;

/** {@code mallrank serve}: runs the scheduler until SIGTERM (or Ctrl-C). */
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

  public ServeCommand(
      SampleScheduler scheduler, RetentionScheduler retention, Environment environment) {
    this.scheduler = scheduler;
    this.retention = retention;
    this.environment = environment;
  }

  @Override
  public Integer call() throws InterruptedException {
    scheduler.start();
    retention.start();
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
