package com.mallrank.index.local;

import com.mallrank.local.PidFile;
import com.mallrank.local.Processes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default cluster: a single-node Elasticsearch on 127.0.0.1, unpacked from the
 * integ-test-zip into a data directory and run as a daemon.
 *
 * <p>{@link #ensureRunning} reuses a healthy server already listening on the port and otherwise
 * starts one (never a second one on the same port: starts are serialised with a file lock). When
 * this JVM is root the server runs as the system user {@code mallrank-es}. The returned handle
 * {@linkplain #close() closes} by stopping the server only if this handle started it.
 *
 * <p>Layout of the data directory: {@code elasticsearch-<version>/} (the unpacked server and its
 * {@code config/elasticsearch.yml}), {@code data/}, {@code logs/}, {@code elasticsearch.pid},
 * {@code launcher.log}.
 */
public final class LocalElasticsearch implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(LocalElasticsearch.class);

  static final String CLUSTER_NAME = "mallrank-local";
  static final String PID_FILE = "elasticsearch.pid";
  static final Path FALLBACK_ROOT = Path.of("/var/tmp/mallrank-es");
  private static final Object JVM_LOCK = new Object();

  private final LocalElasticsearchSettings settings;
  private final Path home;
  private final boolean startedHere;
  private final AtomicBoolean stopped = new AtomicBoolean();

  private LocalElasticsearch(LocalElasticsearchSettings settings, Path home, boolean startedHere) {
    this.settings = settings;
    this.home = home;
    this.startedHere = startedHere;
  }

  /**
   * Returns a handle on a healthy server on {@code settings.httpPort()}: the one already running
   * there, or one started now.
   *
   * @throws IllegalStateException when the server cannot be obtained or started, or the port is
   *     taken by something that is not Elasticsearch; the message carries the tail of the log
   */
  public static LocalElasticsearch ensureRunning(LocalElasticsearchSettings settings) {
    if (probe(settings) == HealthProbe.State.HEALTHY) {
      return reused(settings);
    }
    synchronized (JVM_LOCK) {
      return prepareAndStart(settings, true);
    }
  }

  /**
   * Starts one node of a multi-node cluster without waiting for the cluster's health (it has none
   * until a majority of the master nodes runs): the nodes of a cluster start side by side, each
   * under its own directory lock, and {@link LocalElasticsearchCluster} waits for them together.
   */
  static LocalElasticsearch startNode(LocalElasticsearchSettings settings) {
    if (probe(settings) == HealthProbe.State.HEALTHY) {
      return reused(settings);
    }
    return prepareAndStart(settings, false);
  }

  private static LocalElasticsearch prepareAndStart(
      LocalElasticsearchSettings settings, boolean awaitHealth) {
    boolean root = ServerUser.currentUserIsRoot();
    if (root) {
      ServerUser.ensureExists();
    }
    Path dir = chooseDirectory(settings.dataDir(), root);
    try {
      Files.createDirectories(dir);
      if (root && dir.equals(settings.dataDir()) && !ServerUser.canTraverse(dir)) {
        // directories just created under a restrictive umask
        dir = chooseDirectory(fallbackDirectory(settings.dataDir()), root);
        Files.createDirectories(dir);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create data directory " + dir, e);
    }
    Path chosen = dir;
    return Processes.underLock(dir, () -> startUnderLock(settings, chosen, root, awaitHealth));
  }

  /** A handle on the healthy server on the settings' port, if there is one; never starts one. */
  public static Optional<LocalElasticsearch> findRunning(LocalElasticsearchSettings settings) {
    return probe(settings) == HealthProbe.State.HEALTHY
        ? Optional.of(reused(settings))
        : Optional.empty();
  }

  /**
   * Stops the server whose pid file is in the settings' data directory (or its fallback under
   * {@code /var/tmp/mallrank-es}), whoever started it.
   *
   * @return whether a running server was found and stopped
   */
  public static boolean stopRunning(LocalElasticsearchSettings settings) {
    boolean stoppedAny = false;
    for (Path dir : candidateDirectories(settings.dataDir())) {
      stoppedAny |= pidFile(dir).stop();
    }
    return stoppedAny;
  }

  /** The HTTP URL, e.g. {@code http://127.0.0.1:9250}. */
  public String url() {
    return settings.url();
  }

  /** Whether this handle started the server (and so {@link #close()} stops it). */
  public boolean startedHere() {
    return startedHere;
  }

  /**
   * The directory actually used: the requested data directory, or its fallback under {@code
   * /var/tmp/mallrank-es/} when the server user cannot reach the requested one.
   */
  public Path dataDir() {
    return home;
  }

  /** The server's pid from its pid file, if this data directory holds one. */
  public OptionalLong pid() {
    return pidFile(home).read();
  }

  public LocalElasticsearchSettings settings() {
    return settings;
  }

  /**
   * Stops the server recorded in this data directory's pid file: SIGTERM, wait, then SIGKILL after
   * a timeout. Does nothing when there is no pid file here (a server reused from elsewhere).
   */
  public void stop() {
    if (stopped.compareAndSet(false, true)) {
      if (!pidFile(home).stop() && !startedHere) {
        log.info("No server of {} to stop (pid file absent or stale)", home);
      }
    }
  }

  /** Stops the server only when this handle started it. */
  @Override
  public void close() {
    if (startedHere) {
      stop();
    }
  }

  @Override
  public String toString() {
    return "LocalElasticsearch["
        + url()
        + ", dataDir="
        + home
        + ", startedHere="
        + startedHere
        + "]";
  }

  private static LocalElasticsearch reused(LocalElasticsearchSettings settings) {
    boolean root = ServerUser.currentUserIsRoot();
    Path dir = settings.dataDir();
    if (root) {
      for (Path candidate : candidateDirectories(settings.dataDir())) {
        if (Files.exists(candidate.resolve(PID_FILE))) {
          dir = candidate;
          break;
        }
      }
    }
    log.info("Reusing the Elasticsearch already running at {}", settings.url());
    return new LocalElasticsearch(settings, dir, false);
  }

  private static LocalElasticsearch startUnderLock(
      LocalElasticsearchSettings settings, Path dir, boolean root, boolean awaitHealth) {
    PidFile pidFile = pidFile(dir);
    switch (probe(settings)) {
      case HEALTHY:
        log.info("Reusing the Elasticsearch already running at {}", settings.url());
        return new LocalElasticsearch(settings, dir, false);
      case FOREIGN:
        throw new IllegalStateException(
            "Port " + settings.httpPort() + " is taken by something that is not Elasticsearch");
      case UNHEALTHY:
        if (pidFile.alive().isPresent()) {
          // ours, still starting (or red): wait for it instead of starting a second one
          if (awaitHealth) {
            awaitHealthy(settings, dir);
          }
          return new LocalElasticsearch(settings, dir, false);
        }
        throw new IllegalStateException(
            "An Elasticsearch on port "
                + settings.httpPort()
                + " answers but is not healthy, and it is not the one of "
                + dir);
      case NOT_LISTENING:
      default:
        break;
    }
    if (pidFile.alive().isPresent()) {
      // a server of this directory is starting but does not listen yet
      if (awaitHealth) {
        awaitHealthy(settings, dir);
      }
      return new LocalElasticsearch(settings, dir, false);
    }
    Path esHome = settings.distribution().unpack(settings.distribution().resolve(), dir);
    try {
      Files.createDirectories(dir.resolve("data"));
      Files.createDirectories(dir.resolve("logs"));
      Files.writeString(
          esHome.resolve("config").resolve("elasticsearch.yml"), config(settings, dir));
      Files.deleteIfExists(pidFile.path());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot prepare " + dir, e);
    }
    if (root) {
      ServerUser.chown(dir);
    }
    if (settings.security() != null) {
      writeFileRealm(settings, esHome, root);
    }
    LocalElasticsearch started = new LocalElasticsearch(settings, dir, true);
    try {
      launch(settings, dir, esHome, root);
      if (awaitHealth) {
        awaitHealthy(settings, dir);
      }
    } catch (RuntimeException e) {
      started.stop();
      if (probe(settings) == HealthProbe.State.HEALTHY) {
        // another data directory's server won the race for the port: use that one
        log.info(
            "Start failed but {} is now served by another Elasticsearch; reusing it",
            settings.url());
        return new LocalElasticsearch(settings, dir, false);
      }
      throw e;
    }
    if (settings.registerShutdownHook()) {
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(started::stop, "mallrank-es-shutdown-" + settings.httpPort()));
    }
    log.info(
        "Started Elasticsearch {} at {} (data {}, pid {})",
        settings.version(),
        settings.url(),
        dir,
        started.pid().orElse(-1));
    return started;
  }

  private static HealthProbe.State probe(LocalElasticsearchSettings settings) {
    return HealthProbe.probe(settings.url(), settings.probeAuthorization());
  }

  /**
   * Writes the file realm: {@code config/roles.yml}, {@code config/users} (hashed passwords) and
   * {@code config/users_roles}, readable by their owner only (the server user when root).
   */
  private static void writeFileRealm(
      LocalElasticsearchSettings settings, Path esHome, boolean root) {
    FileRealm realm = settings.security();
    Path config = esHome.resolve("config");
    try {
      Files.writeString(config.resolve("roles.yml"), realm.rolesYml());
      writeOwnerOnly(config.resolve("users"), realm.usersFile());
      writeOwnerOnly(config.resolve("users_roles"), realm.usersRolesFile());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the file realm of " + config, e);
    }
    if (root) {
      ServerUser.chown(config);
    }
  }

  private static void writeOwnerOnly(Path file, String content) throws IOException {
    Files.deleteIfExists(file);
    Files.createFile(
        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(file, content);
  }

  /**
   * The requested directory, unless this JVM is root and the server user cannot traverse to it
   * (e.g. below {@code /root}, mode 700): then {@code /var/tmp/mallrank-es/<hash of the path>}.
   */
  static Path chooseDirectory(Path requested, boolean root) {
    if (!root || ServerUser.canTraverse(requested)) {
      return requested;
    }
    Path fallback = fallbackDirectory(requested);
    log.warn(
        "User {} cannot reach {} (a parent directory is not traversable); running Elasticsearch in"
            + " {} instead",
        ServerUser.NAME,
        requested,
        fallback);
    try {
      Files.createDirectories(FALLBACK_ROOT);
      FALLBACK_ROOT.toFile().setReadable(true, false);
      FALLBACK_ROOT.toFile().setExecutable(true, false);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create " + FALLBACK_ROOT, e);
    }
    return fallback;
  }

  static Path fallbackDirectory(Path requested) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(
                  requested
                      .toAbsolutePath()
                      .normalize()
                      .toString()
                      .getBytes(StandardCharsets.UTF_8));
      return FALLBACK_ROOT.resolve(HexFormat.of().formatHex(digest).substring(0, 12));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<Path> candidateDirectories(Path requested) {
    return List.of(requested, fallbackDirectory(requested));
  }

  static String config(LocalElasticsearchSettings settings, Path dir) {
    return String.join(
        "\n",
        "# Written by mallrank LocalElasticsearch on every start; edits are overwritten.",
        "cluster.name: " + CLUSTER_NAME,
        "node.name: " + nodeName(settings.httpPort()),
        "network.host: 127.0.0.1",
        "http.port: " + settings.httpPort(),
        "transport.port: " + settings.transportPort(),
        discovery(settings),
        security(settings),
        "cluster.routing.allocation.disk.threshold_enabled: false",
        "path.data: " + yamlString(dir.resolve("data")),
        "path.logs: " + yamlString(dir.resolve("logs")),
        "");
  }

  /** Single-node discovery, or the seed hosts and bootstrap masters of a cluster on this host. */
  private static String discovery(LocalElasticsearchSettings settings) {
    LocalElasticsearchSettings.ClusterMembership cluster = settings.cluster();
    if (cluster == null) {
      return "discovery.type: single-node";
    }
    return String.join(
        "\n",
        "discovery.seed_hosts: ["
            + cluster.seedTransportPorts().stream()
                .map(port -> "\"127.0.0.1:" + port + "\"")
                .collect(java.util.stream.Collectors.joining(", "))
            + "]",
        "cluster.initial_master_nodes: ["
            + cluster.initialMasterNodes().stream()
                .map(name -> "\"" + name + "\"")
                .collect(java.util.stream.Collectors.joining(", "))
            + "]");
  }

  /** The node name of the server on this HTTP port (unique per port on this host). */
  static String nodeName(int httpPort) {
    return CLUSTER_NAME + "-" + httpPort;
  }

  private static String security(LocalElasticsearchSettings settings) {
    if (settings.security() == null) {
      return "xpack.security.enabled: false";
    }
    return String.join(
        "\n",
        "xpack.security.enabled: true",
        "xpack.security.http.ssl.enabled: false",
        "xpack.security.transport.ssl.enabled: false",
        "xpack.security.authc.realms.file.mallrank_file.order: 0");
  }

  private static String yamlString(Path path) {
    return "\"" + path.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static void launch(
      LocalElasticsearchSettings settings, Path dir, Path esHome, boolean root) {
    List<String> command = new ArrayList<>();
    command.add(esHome.resolve("bin").resolve("elasticsearch").toString());
    command.add("-d");
    command.add("-p");
    command.add(dir.resolve(PID_FILE).toString());
    if (root) {
      command = ServerUser.asServerUser(command);
    }
    Path launcherLog = dir.resolve("launcher.log");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(esHome.toFile())
            .redirectErrorStream(true)
            .redirectOutput(launcherLog.toFile());
    Map<String, String> env = builder.environment();
    env.put("ES_JAVA_HOME", System.getProperty("java.home"));
    env.put("ES_JAVA_OPTS", settings.esJavaOpts());
    env.remove("ES_PATH_CONF");
    env.remove("JAVA_TOOL_OPTIONS");
    env.remove("_JAVA_OPTIONS");
    log.info("Starting Elasticsearch {} on {}: {}", settings.version(), settings.url(), command);
    try {
      Process process = builder.start();
      process.getOutputStream().close();
      long timeoutMillis = settings.startTimeout().toMillis();
      if (!process.waitFor(timeoutMillis, TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        pidFile(dir).stop();
        throw new IllegalStateException(
            "bin/elasticsearch -d did not return within "
                + settings.startTimeout()
                + failureDetails(dir));
      }
      if (process.exitValue() != 0) {
        pidFile(dir).stop();
        throw new IllegalStateException(
            "bin/elasticsearch -d failed with exit " + process.exitValue() + failureDetails(dir));
      }
    } catch (IOException e) {
      throw new IllegalStateException("Could not run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while starting Elasticsearch", e);
    }
  }

  static void awaitHealthy(LocalElasticsearchSettings settings, Path dir) {
    long deadline = System.nanoTime() + settings.startTimeout().toNanos();
    HealthProbe.State state = probe(settings);
    while (state != HealthProbe.State.HEALTHY) {
      if (state == HealthProbe.State.FOREIGN) {
        throw new IllegalStateException(
            "Port " + settings.httpPort() + " is taken by something that is not Elasticsearch");
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "Elasticsearch at "
                + settings.url()
                + " did not report green/yellow health within "
                + settings.startTimeout()
                + " (last state "
                + state
                + ")"
                + failureDetails(dir));
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for Elasticsearch", e);
      }
      state = probe(settings);
    }
  }

  private static String failureDetails(Path dir) {
    return "\n--- tail of "
        + dir.resolve("launcher.log")
        + " ---\n"
        + Processes.tail(dir.resolve("launcher.log"), 20)
        + "\n--- tail of "
        + dir.resolve("logs").resolve(CLUSTER_NAME + ".log")
        + " ---\n"
        + Processes.tail(dir.resolve("logs").resolve(CLUSTER_NAME + ".log"), 40);
  }

  /** The pid file {@code bin/elasticsearch -p} writes in a data directory. */
  private static PidFile pidFile(Path dir) {
    return new PidFile(dir.resolve(PID_FILE), "Elasticsearch");
  }
}
