package com.mallrank.index.local;

import com.mallrank.local.Distribution;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Settings of the local Elasticsearch server.
 *
 * @param dataDir the directory holding the unpacked server, its data, logs and pid file (created
 *     when missing; when running as root and the unprivileged server user cannot reach it, a
 *     directory under {@code /var/tmp/mallrank-es/} is used instead)
 * @param httpPort the HTTP port; the transport port is {@code httpPort + 100}
 * @param version the server version resolved through Maven ({@code
 *     org.elasticsearch.distribution.integ-test-zip:elasticsearch:<version>:zip})
 * @param heap the JVM heap size, e.g. {@code 512m} (used for both -Xms and -Xmx)
 * @param startTimeout how long to wait for the cluster to report green or yellow health
 * @param registerShutdownHook whether an instance started here is stopped when this JVM exits
 * @param security the file-realm security to enable, or null for none (the default)
 * @param cluster this node's place in a multi-node cluster on this host (see {@link
 *     LocalElasticsearchCluster}), or null for a single node ({@code discovery.type: single-node})
 * @param javaOptions further options of the server's JVM, after the heap ({@code ES_JAVA_OPTS});
 *     none by default (a throwaway test node takes C1 only: {@code ThrowawayNodes} in the tests)
 */
public record LocalElasticsearchSettings(
    Path dataDir,
    int httpPort,
    String version,
    String heap,
    Duration startTimeout,
    boolean registerShutdownHook,
    FileRealm security,
    ClusterMembership cluster,
    List<String> javaOptions) {

  public static final int DEFAULT_HTTP_PORT = 9200;
  public static final String DEFAULT_VERSION = "8.19.7";
  public static final String DEFAULT_HEAP = "512m";
  public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(90);

  /** The transport port sits this far above the HTTP port. */
  public static final int TRANSPORT_PORT_OFFSET = 100;

  private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+(-[A-Za-z0-9.]+)?");
  private static final Pattern HEAP = Pattern.compile("\\d+[kKmMgG]");
  private static final Pattern JAVA_OPTION = Pattern.compile("-\\S+");

  public LocalElasticsearchSettings {
    Objects.requireNonNull(dataDir, "dataDir");
    dataDir = dataDir.toAbsolutePath().normalize();
    if (httpPort < 1024 || httpPort + TRANSPORT_PORT_OFFSET > 65535) {
      throw new IllegalArgumentException(
          "httpPort must be between 1024 and "
              + (65535 - TRANSPORT_PORT_OFFSET)
              + " (the transport port is httpPort + "
              + TRANSPORT_PORT_OFFSET
              + "), got "
              + httpPort);
    }
    if (version == null || !VERSION.matcher(version).matches()) {
      throw new IllegalArgumentException(
          "version must look like 8.19.7 (major.minor.patch), got '" + version + "'");
    }
    if (heap == null || !HEAP.matcher(heap).matches()) {
      throw new IllegalArgumentException(
          "heap must be a JVM size such as 512m or 1g, got '" + heap + "'");
    }
    Objects.requireNonNull(startTimeout, "startTimeout");
    if (startTimeout.isNegative() || startTimeout.isZero()) {
      throw new IllegalArgumentException("startTimeout must be positive, got " + startTimeout);
    }
    javaOptions = javaOptions == null ? List.of() : List.copyOf(javaOptions);
    for (String option : javaOptions) {
      // ES_JAVA_OPTS is split on spaces: one option per element, no heap (that is heap's)
      if (!JAVA_OPTION.matcher(option).matches()
          || option.startsWith("-Xms")
          || option.startsWith("-Xmx")) {
        throw new IllegalArgumentException(
            "a Java option must start with '-' and hold no space (heap is set apart), got '"
                + option
                + "'");
      }
    }
  }

  /** Defaults for everything but the data directory and the port; no shutdown hook. */
  public static LocalElasticsearchSettings of(Path dataDir, int httpPort) {
    return new LocalElasticsearchSettings(
        dataDir,
        httpPort,
        DEFAULT_VERSION,
        DEFAULT_HEAP,
        DEFAULT_START_TIMEOUT,
        false,
        null,
        null,
        null);
  }

  public LocalElasticsearchSettings withVersion(String newVersion) {
    return with(draft -> draft.version = newVersion);
  }

  public LocalElasticsearchSettings withHeap(String newHeap) {
    return with(draft -> draft.heap = newHeap);
  }

  public LocalElasticsearchSettings withStartTimeout(Duration newTimeout) {
    return with(draft -> draft.startTimeout = newTimeout);
  }

  public LocalElasticsearchSettings withShutdownHook(boolean register) {
    return with(draft -> draft.registerShutdownHook = register);
  }

  /** With security on, file realm only (see {@link FileRealm}). */
  public LocalElasticsearchSettings withSecurity(FileRealm realm) {
    return with(draft -> draft.security = realm);
  }

  /** With these further options for the server's JVM, e.g. {@code -XX:TieredStopAtLevel=1}. */
  public LocalElasticsearchSettings withJavaOptions(List<String> options) {
    return with(draft -> draft.javaOptions = options);
  }

  /** {@code ES_JAVA_OPTS}: the heap as -Xms and -Xmx, then {@link #javaOptions()}. */
  String esJavaOpts() {
    StringBuilder opts = new StringBuilder("-Xms" + heap + " -Xmx" + heap);
    javaOptions.forEach(option -> opts.append(' ').append(option));
    return opts.toString();
  }

  /** As one node of a multi-node cluster on this host. */
  public LocalElasticsearchSettings withCluster(ClusterMembership membership) {
    return with(draft -> draft.cluster = membership);
  }

  /** As another node on this host: its own data directory and HTTP port. */
  public LocalElasticsearchSettings withNode(Path nodeDataDir, int nodeHttpPort) {
    return with(
        draft -> {
          draft.dataDir = nodeDataDir;
          draft.httpPort = nodeHttpPort;
        });
  }

  /**
   * These settings with {@code change} made to a draft of them, checked again as new settings: the
   * one place the withers copy every field.
   */
  private LocalElasticsearchSettings with(Consumer<Draft> change) {
    Draft draft = new Draft();
    change.accept(draft);
    return new LocalElasticsearchSettings(
        draft.dataDir,
        draft.httpPort,
        draft.version,
        draft.heap,
        draft.startTimeout,
        draft.registerShutdownHook,
        draft.security,
        draft.cluster,
        draft.javaOptions);
  }

  /** The fields of these settings, while a wither changes them. */
  private final class Draft {
    private Path dataDir = LocalElasticsearchSettings.this.dataDir;
    private int httpPort = LocalElasticsearchSettings.this.httpPort;
    private String version = LocalElasticsearchSettings.this.version;
    private String heap = LocalElasticsearchSettings.this.heap;
    private Duration startTimeout = LocalElasticsearchSettings.this.startTimeout;
    private boolean registerShutdownHook = LocalElasticsearchSettings.this.registerShutdownHook;
    private FileRealm security = LocalElasticsearchSettings.this.security;
    private ClusterMembership cluster = LocalElasticsearchSettings.this.cluster;
    private List<String> javaOptions = LocalElasticsearchSettings.this.javaOptions;
  }

  /**
   * A node's place in a cluster of several nodes on 127.0.0.1.
   *
   * @param seedTransportPorts the transport ports of every node ({@code discovery.seed_hosts})
   * @param initialMasterNodes the node names that bootstrap the cluster ({@code
   *     cluster.initial_master_nodes}): all of them, so any majority elects the first master
   */
  public record ClusterMembership(
      List<Integer> seedTransportPorts, List<String> initialMasterNodes) {
    public ClusterMembership {
      seedTransportPorts = List.copyOf(seedTransportPorts);
      initialMasterNodes = List.copyOf(initialMasterNodes);
      if (seedTransportPorts.isEmpty() || initialMasterNodes.isEmpty()) {
        throw new IllegalArgumentException("a cluster needs at least one seed and one master");
      }
    }
  }

  /** The health probe's {@code Authorization} header, or null when security is off. */
  String probeAuthorization() {
    return security == null ? null : security.probeUser().basicAuthorization();
  }

  /** The transport port, {@code httpPort + 100}. */
  public int transportPort() {
    return httpPort + TRANSPORT_PORT_OFFSET;
  }

  /** The HTTP URL the server listens on. */
  public String url() {
    return "http://127.0.0.1:" + httpPort;
  }

  /** The Maven coordinates of the server distribution. */
  public String artifact() {
    return distribution().artifact();
  }

  /** The server distribution: the integ-test-zip, unpacked into {@code elasticsearch-<version>}. */
  public Distribution distribution() {
    return new Distribution(
        "org.elasticsearch.distribution.integ-test-zip:elasticsearch:" + version + ":zip",
        "elasticsearch-" + version + ".zip",
        "elasticsearch-" + version,
        "bin/elasticsearch");
  }
}
