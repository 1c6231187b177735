package com.mallrank.batch.schedule;

import com.mallrank.batch.broker.BrokerSettings;
import com.mallrank.batch.remote.RemoteProperties;
import com.mallrank.batch.remote.Role;
import com.mallrank.batch.retention.RetentionScheduler;
import java.util.concurrent.Callable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.env.Environment;
import org.springframework.jms.listener.DefaultMessageListenerContainer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

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
      "Serves the actuator on server.port (default 9464; the next free port when another"
          + " serve on this host has it, batch.serve.ports): /actuator/health,"
          + " /actuator/prometheus. Several serve processes may share one JobRepository:"
          + " each slot still runs once.",
      "Also runs the retention job daily (batch.retention.cron, keep batch.retention.keep-days"
          + " days of raw listings).",
      "--role manager|worker scales out: the manager schedules the slots and sends their"
          + " partitions (by identity, then keyword shard) through the Artemis broker at"
          + " spring.artemis.broker-url; each worker samples the partitions it receives. Manager"
          + " and workers share the JobRepository (spring.datasource.*), Elasticsearch and the"
          + " plan. See batch.remote.* in application.yml."
    })
public class ServeCommand implements Callable<Integer> {

  @Option(
      names = "--role",
      paramLabel = "all|manager|worker",
      converter = RoleConverter.class,
      description =
          "all (default): schedule and sample in this process; manager: schedule and send"
              + " partitions to the workers; worker: sample the partitions received. Sets"
              + " batch.role.")
  Role role;

  private final SampleScheduler scheduler;
  private final RetentionScheduler retention;
  private final Environment environment;
  private final ApplicationEventPublisher events;
  private final ObjectProvider<DefaultMessageListenerContainer> partitionListener;
  private final ObjectProvider<RemoteProperties> remote;

  public ServeCommand(
      SampleScheduler scheduler,
      RetentionScheduler retention,
      Environment environment,
      ApplicationEventPublisher events,
      ObjectProvider<DefaultMessageListenerContainer> partitionListener,
      ObjectProvider<RemoteProperties> remote) {
    this.scheduler = scheduler;
    this.retention = retention;
    this.environment = environment;
    this.events = events;
    this.partitionListener = partitionListener;
    this.remote = remote;
  }

  @Override
  public Integer call() throws InterruptedException {
    // the context was built for batch.role (which --role sets before the context starts)
    Role configured = Role.parse(environment.getProperty(Role.PROPERTY));
    String broker = BrokerSettings.shown(environment);
    String queue = remote.getObject().queue();
    if (configured == Role.WORKER) {
      partitionListener.getObject().start();
      System.out.printf("worker: sampling the partitions of queue %s at %s%n", queue, broker);
    } else {
      scheduler.start();
      retention.start();
      if (configured == Role.MANAGER) {
        System.out.printf("manager: sending partitions to queue %s at %s%n", queue, broker);
      }
    }
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

  /** Reads {@code --role} in any case, naming the accepted values on a mistake. */
  static class RoleConverter implements CommandLine.ITypeConverter<Role> {
    @Override
    public Role convert(String value) {
      try {
        return Role.parse(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(
            "'" + value + "' is not a role; expected one of all, manager, worker");
      }
    }
  }
}
