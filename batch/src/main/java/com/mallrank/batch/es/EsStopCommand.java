package com.mallrank.batch.es;

import com.mallrank.batch.cli.CommandOn;
import com.mallrank.batch.config.IndexProperties;
import com.mallrank.index.local.LocalElasticsearchCluster;
import com.mallrank.index.local.LocalElasticsearchSettings;
import picocli.CommandLine.Command;

/**
 * {@code mallrank es stop}: stops the local Elasticsearch of {@code index.local.data-dir}, whoever
 * started it, and the nodes of a cluster in its {@code node-i} directories. A server on the port
 * that belongs to another data directory is left alone.
 */
@Command(
    name = "stop",
    mixinStandardHelpOptions = true,
    description =
        "Stops the local Elasticsearch of index.local.data-dir, every node of it (SIGTERM, then"
            + " SIGKILL after 30 s)."
            + " Exit 0 also when none was running.")
public class EsStopCommand extends CommandOn<LocalElasticsearchSettings> {

  public EsStopCommand(IndexProperties properties) {
    super(() -> LocalServer.settings(properties));
  }

  @Override
  protected Integer call(LocalElasticsearchSettings settings) {
    int stopped = LocalElasticsearchCluster.stopRunning(settings);
    if (stopped == 1) {
      System.out.printf("elasticsearch: stopped (data %s)%n", settings.dataDir());
    } else if (stopped > 1) {
      System.out.printf("elasticsearch: stopped %d nodes (data %s)%n", stopped, settings.dataDir());
    } else {
      System.out.printf("elasticsearch: none of %s was running%n", settings.dataDir());
    }
    return 0;
  }
}
