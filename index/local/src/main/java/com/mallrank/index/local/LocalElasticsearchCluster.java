package com.mallrank.index.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Several nodes of the same local distribution on one host, forming one cluster: what a replica
 * needs (a shard's copies never share a node) and what a lost-node test needs.
 *
 * <p>Layout for {@code n} nodes from the base settings: node {@code i} (1-based) listens on HTTP
 * {@code port + i - 1} and transport {@code port + 100 + i - 1}, keeps everything in {@code
 * <data-dir>/node-i/}, and is named {@code mallrank-local-<its http port>}. Every node is a seed
 * host and a bootstrap master, so any majority forms the cluster. One node ({@code n = 1}) is the
 * single-node server of {@link LocalElasticsearch}, in the data directory itself, as before.
 *
 * <p>The nodes start side by side: a node of a cluster has no health until a majority of them runs,
 * so waiting for each in turn would wait for nothing.
 */
public final class LocalElasticsearchCluster implements AutoCloseable {

  /** More nodes on one host would only share its cores; the port layout allows up to 100. */
  public static final int MAX_NODES = 9;

  private static final Logger log = LoggerFactory.getLogger(LocalElasticsearchCluster.class);

  private final List<LocalElasticsearchSettings> settings;
  private final List<LocalElasticsearch> nodes;

  private LocalElasticsearchCluster(
      List<LocalElasticsearchSettings> settings, List<LocalElasticsearch> nodes) {
    this.settings = List.copyOf(settings);
    this.nodes = List.copyOf(nodes);
  }

  /**
   * The settings of each of {@code n} nodes (see the class comment for the layout).
   *
   * @throws IllegalArgumentException when n is not between 1 and {@link #MAX_NODES}
   */
  public static List<LocalElasticsearchSettings> nodeSettings(
      LocalElasticsearchSettings base, int n) {
    if (n < 1 || n > MAX_NODES) {
      throw new IllegalArgumentException(
          "nodes must be between 1 and " + MAX_NODES + " on one host, got " + n);
    }
    if (n == 1) {
      return List.of(base.withCluster(null));
    }
    List<Integer> seeds = new ArrayList<>();
    List<String> masters = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      seeds.add(base.transportPort() + i);
      masters.add(LocalElasticsearch.nodeName(base.httpPort() + i));
    }
    LocalElasticsearchSettings.ClusterMembership membership =
        new LocalElasticsearchSettings.ClusterMembership(seeds, masters);
    List<LocalElasticsearchSettings> nodes = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      nodes.add(
          base.withNode(nodeDirectory(base.dataDir(), i + 1), base.httpPort() + i)
              .withCluster(membership));
    }
    return nodes;
  }

  /**
   * Starts the nodes that do not run yet (reusing those that do) and waits until the cluster
   * reports green or yellow health on every node.
   *
   * @throws IllegalStateException when a node cannot be started or the cluster does not form within
   *     the start timeout; the nodes started here are stopped again
   */
  public static LocalElasticsearchCluster ensureRunning(LocalElasticsearchSettings base, int n) {
    List<LocalElasticsearchSettings> settings = nodeSettings(base, n);
    if (n == 1) {
      return new LocalElasticsearchCluster(
          settings, List.of(LocalElasticsearch.ensureRunning(settings.get(0))));
    }
    ExecutorService pool = Executors.newFixedThreadPool(n);
    List<Future<LocalElasticsearch>> starting = new ArrayList<>();
    for (LocalElasticsearchSettings node : settings) {
      starting.add(pool.submit(() -> LocalElasticsearch.startNode(node)));
    }
    pool.shutdown();
    List<LocalElasticsearch> nodes = new ArrayList<>();
    RuntimeException failure = null;
    for (Future<LocalElasticsearch> future : starting) {
      try {
        nodes.add(future.get());
      } catch (ExecutionException e) {
        RuntimeException cause =
            e.getCause() instanceof RuntimeException r
                ? r
                : new IllegalStateException(e.getCause());
        if (failure == null) {
          failure = cause;
        } else {
          failure.addSuppressed(cause);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failure = new IllegalStateException("Interrupted while starting the cluster", e);
        break;
      }
    }
    LocalElasticsearchCluster cluster = new LocalElasticsearchCluster(settings, nodes);
    try {
      if (failure != null) {
        throw failure;
      }
      for (LocalElasticsearch node : nodes) {
        LocalElasticsearch.awaitHealthy(node.settings(), node.dataDir());
      }
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
    log.info(
        "Elasticsearch cluster of {} nodes at {} ({} started now)",
        n,
        nodes.stream().map(LocalElasticsearch::url).toList(),
        nodes.stream().filter(LocalElasticsearch::startedHere).count());
    return cluster;
  }

  /**
   * Stops every node of the base settings' data directory: the single-node server in it and the
   * nodes in its {@code node-i/} directories, whoever started them.
   *
   * @return how many running nodes were stopped
   */
  public static int stopRunning(LocalElasticsearchSettings base) {
    int stopped = LocalElasticsearch.stopRunning(base) ? 1 : 0;
    for (int i = 1; i <= MAX_NODES; i++) {
      if (LocalElasticsearch.stopRunning(
          base.withNode(nodeDirectory(base.dataDir(), i), base.httpPort()))) {
        stopped++;
      }
    }
    return stopped;
  }

  /** The directory of node {@code i} (1-based) of a cluster in {@code dataDir}. */
  public static Path nodeDirectory(Path dataDir, int i) {
    return dataDir.resolve("node-" + i);
  }

  /** The handles of the nodes, in node order (node 1 first). */
  public List<LocalElasticsearch> nodes() {
    return nodes;
  }

  /** The settings of each node, in node order. */
  public List<LocalElasticsearchSettings> settings() {
    return settings;
  }

  /** Node 1's URL: the one mallrank's client uses ({@code index.local.port}). */
  public String url() {
    return nodes.get(0).url();
  }

  /** Stops the nodes this handle started. */
  @Override
  public void close() {
    for (LocalElasticsearch node : nodes) {
      node.close();
    }
  }
}
