package com.mallrank.local.artemis;

import com.mallrank.local.PidFile;
import com.mallrank.local.Processes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A standalone ActiveMQ Artemis broker on loopback, run as its own process from the distribution in
 * the local Maven repository.
 *
 * <p>Layout of {@link ArtemisSettings#dir()}: {@code apache-artemis-<version>/} (the unpacked
 * distribution), {@code instance/} (the broker instance made by {@code artemis create}: its {@code
 * etc/broker.xml} and its journal under {@code data/}), {@code artemis.pid}, {@code broker.log}.
 *
 * <p>{@link #ensureRunning} reuses a broker already listening on the port and otherwise starts one
 * (starts are serialised with a file lock). The handle {@linkplain #close() closes} by stopping the
 * broker only when it started it; {@link #stopRunning} stops the broker of a directory whoever
 * started it.
 */
public final class LocalArtemis implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(LocalArtemis.class);

  static final String PID_FILE = "artemis.pid";
  static final String LOG_FILE = "broker.log";
  static final String INSTANCE = "instance";

  /** Logged by the broker once it accepts clients. */
  static final String ACTIVE = "AMQ221007";

  private final ArtemisSettings settings;
  private final boolean startedHere;

  private LocalArtemis(ArtemisSettings settings, boolean startedHere) {
    this.settings = settings;
    this.startedHere = startedHere;
  }

  /**
   * A handle on the broker listening on the settings' port: the one already there, or one started
   * now.
   *
   * @throws IllegalStateException when the broker cannot be started; the message carries the tail
   *     of its log
   */
  public static LocalArtemis ensureRunning(ArtemisSettings settings) {
    if (listening(settings)) {
      log.info("Reusing the broker already listening at {}", settings.url());
      return new LocalArtemis(settings, false);
    }
    Path dir = settings.dir();
    return Processes.underLock(
        dir,
        () -> {
          if (listening(settings)) {
            return new LocalArtemis(settings, false);
          }
          PidFile pidFile = pidFile(settings);
          if (pidFile.alive().isPresent()) {
            awaitActive(settings, pidFile.alive().getAsLong());
            return new LocalArtemis(settings, false);
          }
          Path home = settings.distribution().unpack(settings.distribution().resolve(), dir);
          long pid;
          try {
            pid = launch(settings, createInstance(settings, home));
          } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the broker in " + dir, e);
          }
          try {
            awaitActive(settings, pid);
          } catch (RuntimeException e) {
            pidFile.stop();
            throw e;
          }
          log.info("Started the broker at {} (pid {}, dir {})", settings.url(), pid, dir);
          return new LocalArtemis(settings, true);
        });
  }

  /**
   * Stops the broker whose pid file is in the settings' directory: SIGTERM (the broker stops
   * cleanly, its journal closed), then SIGKILL after 30 s.
   *
   * @return whether a running broker was found and stopped
   */
  public static boolean stopRunning(ArtemisSettings settings) {
    return pidFile(settings).stop();
  }

  /** What runs on the settings' port and directory, for {@code mallrank broker status}. */
  public static Status status(ArtemisSettings settings) {
    return new Status(listening(settings), pidFile(settings).alive(), settings.dir());
  }

  /**
   * The state of the local broker.
   *
   * @param listening whether something accepts connections on the broker's port
   * @param pid the pid of the broker this directory started, if it runs
   * @param dir the broker's directory
   */
  public record Status(boolean listening, OptionalLong pid, Path dir) {}

  /** The URL clients connect to. */
  public String url() {
    return settings.url();
  }

  /** Whether this handle started the broker (and so {@link #close()} stops it). */
  public boolean startedHere() {
    return startedHere;
  }

  /** The broker's pid, when this directory's pid file names a live process. */
  public OptionalLong pid() {
    return pidFile(settings).alive();
  }

  @Override
  public void close() {
    if (startedHere) {
      stopRunning(settings);
    }
  }

  @Override
  public String toString() {
    return "LocalArtemis[" + settings.url() + ", startedHere=" + startedHere + "]";
  }

  static boolean listening(ArtemisSettings settings) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(settings.host(), settings.port()), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static Path createInstance(ArtemisSettings settings, Path home) throws IOException {
    Path instance = settings.dir().resolve(INSTANCE);
    Path brokerXml = instance.resolve("etc").resolve("broker.xml");
    String acceptor = settings.host() + ":" + settings.port() + "?";
    if (Files.isRegularFile(brokerXml)
        && Files.readString(brokerXml, StandardCharsets.UTF_8).contains(acceptor)) {
      return instance;
    }
    List<String> command = new ArrayList<>();
    command.add(home.resolve("bin").resolve("artemis").toString());
    command.addAll(
        List.of(
            "create",
            instance.toString(),
            "--force", // a changed port rewrites the configuration; the journal stays
            "--silent",
            "--name",
            "mallrank",
            "--host",
            settings.host(),
            "--http-host",
            settings.host(),
            "--default-port",
            String.valueOf(settings.port()),
            "--no-web",
            "--no-amqp-acceptor",
            "--no-mqtt-acceptor",
            "--no-stomp-acceptor",
            "--no-hornetq-acceptor",
            "--no-autotune",
            "--java-memory",
            "512M"));
    if (settings.anonymous()) {
      // acceptable only because the acceptor is bound to loopback (checked by ArtemisSettings)
      // the instance still needs a user: one whose random password nobody knows
      command.addAll(
          List.of(
              "--allow-anonymous",
              "--user",
              "mallrank",
              "--password",
              java.util.UUID.randomUUID().toString()));
    } else {
      command.addAll(
          List.of("--require-login", "--user", settings.user(), "--password", settings.password()));
    }
    Processes.Result result = Processes.run(command, javaHome(), 300);
    if (result.exitCode() != 0 || !Files.isRegularFile(brokerXml)) {
      throw new IllegalStateException(
          "artemis create failed for "
              + instance
              + " (exit "
              + result.exitCode()
              + "): "
              + (settings.anonymous()
                  ? result.tail(10)
                  : result.tail(10).replace(settings.password(), "***")));
    }
    // a small initial heap: the broker of one host carries a few hundred requests per slot
    Path profile = instance.resolve("etc").resolve("artemis.profile");
    Files.writeString(
        profile,
        Files.readString(profile, StandardCharsets.UTF_8).replace("-Xms512M", "-Xms64M"),
        StandardCharsets.UTF_8);
    return instance;
  }

  private static long launch(ArtemisSettings settings, Path instance) throws IOException {
    Path logFile = settings.dir().resolve(LOG_FILE);
    ProcessBuilder builder =
        new ProcessBuilder(instance.resolve("bin").resolve("artemis").toString(), "run")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
    builder.environment().putAll(javaHome());
    Files.writeString(
        logFile,
        "--- starting the broker at " + settings.url() + "\n",
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
    Process process = builder.start();
    process.getOutputStream().close();
    pidFile(settings).write(process.pid());
    return process.pid();
  }

  private static Map<String, String> javaHome() {
    return Map.of("JAVA_HOME", System.getProperty("java.home"));
  }

  private static void awaitActive(ArtemisSettings settings, long pid) {
    long deadline = System.nanoTime() + settings.startTimeout().toNanos();
    Path logFile = settings.dir().resolve(LOG_FILE);
    while (System.nanoTime() < deadline) {
      if (!PidFile.isAlive(pid)) {
        throw new IllegalStateException(
            "The broker (pid "
                + pid
                + ") exited during start-up; "
                + logFile
                + " ends with:\n"
                + Processes.tail(logFile, 20));
      }
      if (listening(settings) && lastStartActive(logFile)) {
        return;
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for the broker", e);
      }
    }
    throw new IllegalStateException(
        "The broker at "
            + settings.url()
            + " did not become active within "
            + settings.startTimeout().toSeconds()
            + " s; "
            + logFile
            + " ends with:\n"
            + Processes.tail(logFile, 20));
  }

  private static boolean lastStartActive(Path logFile) {
    String text = read(logFile);
    int start = text.lastIndexOf("--- starting the broker");
    return text.indexOf(ACTIVE, Math.max(0, start)) >= 0;
  }

  private static PidFile pidFile(ArtemisSettings settings) {
    return new PidFile(settings.dir().resolve(PID_FILE), "the broker");
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }
}
