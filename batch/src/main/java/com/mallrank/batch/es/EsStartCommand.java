package com.mallrank.batch.es;

import com.mallrank.batch.cli.CommandOn;
import com.mallrank.batch.config.IndexProperties;
import com.mallrank.index.local.LocalElasticsearch;
import com.mallrank.index.local.LocalElasticsearchCluster;
import com.mallrank.index.local.LocalElasticsearchSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mallrank es start}: starts the local Elasticsearch, or finds it running, and leaves it.
 * {@code --nodes 3} starts a cluster of three nodes of the same distribution on this host (ports
 * index.local.port, +1, +2; data in {@code <data-dir>/node-1..3}): what {@code index.replicas=1}
 * needs.
 */
@Command(
    name = "start",
    mixinStandardHelpOptions = true,
    description =
        "Starts the local Elasticsearch (index.local.*) and leaves it running; reuses one already"
            + " running on index.local.port. --nodes N: a cluster of N nodes on this host (HTTP"
            + " ports index.local.port .. +N-1, transport +100, data in <data-dir>/node-i); set"
            + " index.replicas=1 so each shard has a copy on another node.")
public class EsStartCommand extends CommandOn<LocalElasticsearchSettings> {

  @Option(
      names = "--nodes",
      defaultValue = "1",
      description = "nodes of the cluster on this host, 1 to 9 (default 1: one single-node server)")
  int nodes;

  private final IndexProperties properties;

  public EsStartCommand(IndexProperties properties) {
    super(() -> LocalServer.settings(properties));
    this.properties = properties;
  }

  @Override
  protected Integer call(LocalElasticsearchSettings settings) {
    if (nodes != 1) {
      LocalElasticsearchCluster cluster = LocalElasticsearchCluster.ensureRunning(settings, nodes);
      for (LocalElasticsearch node : cluster.nodes()) {
        print(node);
      }
      System.out.printf(
          "elasticsearch: cluster of %d nodes; index.replicas=%d; `mallrank es stop` stops them%n",
          nodes, properties.replicas());
      return 0;
    }
    print(LocalElasticsearch.ensureRunning(settings));
    return 0;
  }

  private static void print(LocalElasticsearch server) {
    String pid = server.pid().isPresent() ? String.valueOf(server.pid().getAsLong()) : "unknown";
    System.out.printf(
        "elasticsearch: %s at %s (data %s, pid %s); `mallrank es stop` stops it%n",
        server.startedHere() ? "started" : "already running", server.url(), server.dataDir(), pid);
  }
}
