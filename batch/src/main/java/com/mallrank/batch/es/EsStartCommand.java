package com.mallrank.batch.es;

import com.mallrank.batch.config.IndexProperties;
import com.mallrank.index.local.LocalElasticsearch;
import com.mallrank.index.local.LocalElasticsearchSettings;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code mallrank es start}: starts the local Elasticsearch, or finds it running, and leaves it.
 */
@Command(
    name = "start",
    mixinStandardHelpOptions = true,
    description =
        "Starts the local Elasticsearch (index.local.*) and leaves it running; reuses one already"
            + " running on index.local.port.")
public class EsStartCommand implements Callable<Integer> {

  private final IndexProperties properties;

  public EsStartCommand(IndexProperties properties) {
    this.properties = properties;
  }

  @Override
  public Integer call() {
    LocalElasticsearchSettings settings = LocalServer.settings(properties);
    LocalElasticsearch server = LocalElasticsearch.ensureRunning(settings);
    String pid = server.pid().isPresent() ? String.valueOf(server.pid().getAsLong()) : "unknown";
    System.out.printf(
        "elasticsearch: %s at %s (data %s, pid %s); `mallrank es stop` stops it%n",
        server.startedHere() ? "started" : "already running", server.url(), server.dataDir(), pid);
    return 0;
  }
}
