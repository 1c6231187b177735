package com.mallrank.batch.broker;

import com.mallrank.batch.cli.CommandOn;
import com.mallrank.batch.remote.DeadLetters;
import com.mallrank.batch.remote.RemoteProperties;
import com.mallrank.batch.text.Escaping;
import com.mallrank.local.artemis.ArtemisSettings;
import com.mallrank.local.artemis.LocalArtemis;
import jakarta.jms.JMSException;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.core.env.Environment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mallrank broker start|stop|status}: the local Artemis broker of a one-host setup; {@code
 * broker requeue}: the dead-lettered partition requests of any broker, back to their queue.
 */
@Command(
    name = "broker",
    mixinStandardHelpOptions = true,
    description = {
      "The local ActiveMQ Artemis broker that `serve --role manager` and `serve --role worker`"
          + " talk through, for one-host setups: `broker start` unpacks the distribution"
          + " (org.apache.activemq:apache-artemis:bin, through Maven), creates the instance under"
          + " batch.broker.dir and leaves it running on spring.artemis.broker-url (loopback only);"
          + " `broker stop` stops it cleanly; `broker status` says whether it runs;"
          + " `broker requeue` moves the partition requests the broker dead-lettered back to"
          + " batch.remote.queue."
    },
    subcommands = {
      BrokerCommand.Start.class,
      BrokerCommand.Stop.class,
      BrokerCommand.Status.class,
      BrokerCommand.Requeue.class
    })
public class BrokerCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** {@code mallrank broker start}. */
  @Command(
      name = "start",
      mixinStandardHelpOptions = true,
      description = "Starts the local broker and leaves it running; reuses one already listening.")
  public static class Start extends CommandOn<ArtemisSettings> {

    public Start(BrokerProperties properties, Environment environment) {
      super(() -> BrokerSettings.of(properties, environment));
    }

    @Override
    protected Integer call(ArtemisSettings settings) {
      LocalArtemis broker = LocalArtemis.ensureRunning(settings);
      System.out.printf(
          "broker: %s at %s (dir %s, pid %s); `mallrank broker stop` stops it%n",
          broker.startedHere() ? "started" : "already running",
          broker.url(),
          settings.dir(),
          broker.pid().isPresent() ? String.valueOf(broker.pid().getAsLong()) : "unknown");
      return 0;
    }
  }

  /** {@code mallrank broker stop}. */
  @Command(
      name = "stop",
      mixinStandardHelpOptions = true,
      description =
          "Stops the local broker of batch.broker.dir (SIGTERM, then SIGKILL after 30 s).")
  public static class Stop extends CommandOn<ArtemisSettings> {

    public Stop(BrokerProperties properties, Environment environment) {
      super(() -> BrokerSettings.of(properties, environment));
    }

    @Override
    protected Integer call(ArtemisSettings settings) {
      boolean stopped = LocalArtemis.stopRunning(settings);
      System.out.println(
          stopped
              ? "broker: stopped (" + settings.dir() + ")"
              : "broker: not running (no live pid in " + settings.dir() + ")");
      return 0;
    }
  }

  /** {@code mallrank broker status}: exit 0 when the broker listens, 3 when it does not. */
  @Command(
      name = "status",
      mixinStandardHelpOptions = true,
      description = "Says whether the broker listens on spring.artemis.broker-url; exit 3 if not.")
  public static class Status extends CommandOn<ArtemisSettings> {

    public Status(BrokerProperties properties, Environment environment) {
      super(() -> BrokerSettings.of(properties, environment));
    }

    @Override
    protected Integer call(ArtemisSettings settings) {
      LocalArtemis.Status status = LocalArtemis.status(settings);
      String pid =
          status.pid().isPresent()
              ? "pid " + status.pid().getAsLong()
              : status.listening() ? "not started from this dir" : "no broker process";
      System.out.printf(
          "broker: %s at %s (%s, dir %s)%n",
          status.listening() ? "listening" : "not listening", settings.url(), pid, status.dir());
      return status.listening() ? 0 : 3;
    }
  }

  /**
   * {@code mallrank broker requeue [--dry-run]}: the partition requests the broker moved to its
   * dead-letter queue, moved back to the partition queue (or only listed).
   */
  @Command(
      name = "requeue",
      mixinStandardHelpOptions = true,
      description = {
        "Moves the partition requests the broker dead-lettered (handed back by workers"
            + " max-delivery-attempts times, e.g. while none reached Elasticsearch) from"
            + " batch.remote.dead-letter-queue back to batch.remote.queue, each under its message"
            + " group; a worker then runs it, or drops it when its slot has ended. Fix the cause"
            + " first. Connects to spring.artemis.broker-url (any host) as spring.artemis.user."
      })
  public static class Requeue implements Callable<Integer> {
    private final RemoteProperties remote;
    private final Environment environment;

    @Option(names = "--dry-run", description = "List the dead-lettered requests; move nothing.")
    boolean dryRun;

    public Requeue(RemoteProperties remote, Environment environment) {
      this.remote = remote;
      this.environment = environment;
    }

    @Override
    public Integer call() {
      DeadLetters deadLetters =
          new DeadLetters(
              BrokerSettings.client(environment), remote.queue(), remote.deadLetterQueue());
      List<DeadLetters.DeadLetter> letters;
      try {
        letters = dryRun ? deadLetters.list() : deadLetters.requeue();
      } catch (JMSException e) {
        // the URL without its query: Artemis URLs may carry options, credentials among them
        throw new IllegalStateException(
            "broker at " + BrokerSettings.shown(environment) + ": " + e.getMessage(), e);
      }
      String queues = remote.deadLetterQueue() + " → " + remote.queue();
      if (letters.isEmpty()) {
        System.out.println("broker: no dead-lettered partition request (" + queues + ")");
        return 0;
      }
      System.out.printf(
          "broker: %d dead-lettered partition request(s) %s (%s)%n",
          letters.size(), dryRun ? "found, not moved" : "moved back", queues);
      for (DeadLetters.DeadLetter letter : letters) {
        System.out.printf(
            "  %s  identity %s  first sent %s%n",
            letter.request(),
            letter.identity() == null ? "-" : Escaping.terminal(letter.identity()),
            letter.sent() == null ? "-" : letter.sent());
      }
      return 0;
    }
  }
}
