package com.mallrank.batch.es;

import com.mallrank.batch.config.IndexProperties;
import com.mallrank.index.local.LocalElasticsearchSettings;

/**
 * The local Elasticsearch that {@code index.local.*} describes, for the {@code es} commands. They
 * manage only that server: with {@code index.es.url} set mallrank uses the external cluster, and
 * starting a local one would be a mistake.
 */
final class LocalServer {

  private LocalServer() {}

  /**
   * The settings of the local server; the shutdown hook is off, since the point of {@code es start}
   * is that the server outlives the command.
   *
   * @throws IllegalArgumentException when {@code index.es.url} names an external cluster
   */
  static LocalElasticsearchSettings settings(IndexProperties properties) {
    if (properties.es().external()) {
      throw new IllegalArgumentException(
          "index.es.url is set: mallrank uses that cluster, and the es commands manage only the"
              + " local one (index.local.*)");
    }
    IndexProperties.Local local = properties.local();
    return LocalElasticsearchSettings.of(local.dataDir().toAbsolutePath(), local.port())
        .withVersion(local.version())
        .withHeap(local.heap())
        .withJavaOptions(local.javaOptions())
        .withShutdownHook(false);
  }
}
