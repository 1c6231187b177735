package com.mallrank.batch.es;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.cluster.HealthResponse;
import co.elastic.clients.elasticsearch.nodes.Stats;
import com.mallrank.batch.cli.CommandOn;
import com.mallrank.batch.config.IndexProperties;
import com.mallrank.index.client.EsClients;
import com.mallrank.index.client.EsConnection;
import com.mallrank.index.local.LocalElasticsearch;
import com.mallrank.index.local.LocalElasticsearchSettings;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Command;

/**
 * {@code mallrank es status}: whether the local Elasticsearch runs, and what it uses: URL, data
 * directory, pid, heap and the disk of its data path. Never starts one.
 */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description =
        "Shows whether the local Elasticsearch runs: URL, data dir, pid, heap, disk. Exit 0 when"
            + " it answers, 3 when it does not.")
public class EsStatusCommand extends CommandOn<LocalElasticsearchSettings> {

  /** Exit code when no server answers. */
  static final int NOT_RUNNING = 3;

  public EsStatusCommand(IndexProperties properties) {
    super(() -> LocalServer.settings(properties));
  }

  @Override
  protected Integer call(LocalElasticsearchSettings settings) throws IOException {
    Optional<LocalElasticsearch> running = LocalElasticsearch.findRunning(settings);
    if (running.isEmpty()) {
      System.out.printf(
          "elasticsearch: not running at %s (data %s); `mallrank es start` starts it%n",
          settings.url(), settings.dataDir());
      return NOT_RUNNING;
    }
    LocalElasticsearch server = running.get();
    ElasticsearchClient client = EsClients.create(EsConnection.of(server.url()));
    try {
      HealthResponse health = client.cluster().health();
      Stats node =
          client
              .nodes()
              .stats(s -> s.nodeId("_local").metric("jvm", "fs"))
              .nodes()
              .values()
              .iterator()
              .next();
      System.out.printf(
          "elasticsearch: running at %s (cluster %s, %s, %d node%s)%n",
          server.url(),
          health.clusterName(),
          health.status().jsonValue(),
          health.numberOfNodes(),
          health.numberOfNodes() == 1 ? "" : "s");
      System.out.printf("  data:  %s%n", server.dataDir());
      System.out.printf(
          "  pid:   %s%n",
          server.pid().isPresent()
              ? String.valueOf(server.pid().getAsLong())
              : "unknown (no pid file in the data dir: not started from it)");
      System.out.printf(
          "  heap:  %s used of %s%n",
          bytes(node.jvm().mem().heapUsedInBytes()), bytes(node.jvm().mem().heapMaxInBytes()));
      System.out.printf(
          "  disk:  %s free of %s%n",
          bytes(node.fs().total().availableInBytes()), bytes(node.fs().total().totalInBytes()));
    } finally {
      client._transport().close();
    }
    return 0;
  }

  static String bytes(Long value) {
    if (value == null) {
      return "?";
    }
    double v = value;
    String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
    int unit = 0;
    while (v >= 1024 && unit < units.length - 1) {
      v /= 1024;
      unit++;
    }
    return unit == 0 ? value + " B" : String.format(Locale.ROOT, "%.1f %s", v, units[unit]);
  }
}
