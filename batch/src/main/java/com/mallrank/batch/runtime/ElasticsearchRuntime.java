package com.mallrank.batch.runtime;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import com.mallrank.batch.config.IndexProperties;
import com.mallrank.index.client.EsClients;
import com.mallrank.index.client.EsConnection;
import com.mallrank.index.local.LocalElasticsearch;
import com.mallrank.index.local.LocalElasticsearchSettings;
import com.mallrank.index.schema.IndexBootstrap;
import com.mallrank.index.schema.IndexNames;
import com.mallrank.index.write.SnapshotWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The Elasticsearch mallrank writes to: the external cluster of {@code index.es.url}, or else the
 * local one (the embedded default), started or reused on first use. Index templates are applied
 * once, on first use. A local server this process started is stopped when the application ends
 * (unless {@code index.local.stop-on-exit=false}).
 */
@Component
public class ElasticsearchRuntime implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(ElasticsearchRuntime.class);

  private final IndexProperties properties;
  private final IndexNames names;
  private LocalElasticsearch local;
  private ElasticsearchClient client;

  public ElasticsearchRuntime(IndexProperties properties) {
    this.properties = properties;
    this.names = new IndexNames(properties.prefix());
  }

  /** The client, connecting (and starting the local server) on first use. */
  public synchronized ElasticsearchClient client() {
    if (client == null) {
      EsConnection connection = connection();
      client = EsClients.create(connection);
      new IndexBootstrap(client, names).apply();
      log.info("Elasticsearch at {} (indices {}-*)", connection.displayUrl(), names.prefix());
    }
    return client;
  }

  public IndexNames names() {
    return names;
  }

  /** A writer for samples and their listings, with the configured refresh policy. */
  public SnapshotWriter snapshotWriter() {
    return new SnapshotWriter(client(), names, refresh(properties.refresh()));
  }

  private EsConnection connection() {
    IndexProperties.Es es = properties.es();
    if (es.external()) {
      EsConnection connection = EsConnection.of(es.url());
      if (notBlank(es.apiKey())) {
        connection = connection.withApiKey(es.apiKey());
      } else if (notBlank(es.username())) {
        connection = connection.withBasicAuth(es.username(), es.password());
      }
      if (es.caCertificate() != null) {
        connection = connection.withCaCertificate(es.caCertificate());
      }
      return connection;
    }
    IndexProperties.Local settings = properties.local();
    local =
        LocalElasticsearch.ensureRunning(
            LocalElasticsearchSettings.of(settings.dataDir().toAbsolutePath(), settings.port())
                .withVersion(settings.version())
                .withHeap(settings.heap())
                .withShutdownHook(settings.stopOnExit()));
    return EsConnection.of(local.url());
  }

  static Refresh refresh(String value) {
    for (Refresh refresh : Refresh.values()) {
      if (refresh.jsonValue().equalsIgnoreCase(value.strip())) {
        return refresh;
      }
    }
    throw new IllegalArgumentException(
        "index.refresh must be false, true or wait_for, was '" + value + "'");
  }

  private static boolean notBlank(String value) {
    return value != null && !value.isBlank();
  }

  @Override
  public synchronized void destroy() throws Exception {
    if (client != null) {
      client._transport().close();
      client = null;
    }
    if (local != null && local.startedHere() && properties.local().stopOnExit()) {
      log.info("stopping the local Elasticsearch this run started");
      local.stop();
    }
  }
}
