package com.mallrank.batch.runtime;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import com.mallrank.batch.config.IndexProperties;
import com.mallrank.index.client.EsClients;
import com.mallrank.index.client.EsConnection;
import com.mallrank.index.client.Redaction;
import com.mallrank.index.local.LocalElasticsearch;
import com.mallrank.index.local.LocalElasticsearchSettings;
import com.mallrank.index.schema.IndexBootstrap;
import com.mallrank.index.schema.IndexNames;
import com.mallrank.index.schema.MonthlyIndices;
import com.mallrank.index.security.MallrankRole;
import com.mallrank.index.write.BulkRetry;
import com.mallrank.index.write.SnapshotWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The Elasticsearch mallrank writes to: the external cluster of {@code index.es.url}, or else the
 * local one (the embedded default), started or reused on first use. Index templates are applied
 * (or, without the admin credential, checked) once, before the first writer's or admin's client;
 * the reader's installs nothing ({@link #ensureSchema()}). A local server this process started is
 * stopped when the application ends (unless {@code index.local.stop-on-exit=false}).
 *
 * <p>Least privilege: each {@link MallrankRole} connects with its own credential when one is
 * configured: sampling writes as the writer, reports and look-ups read as the reader, templates,
 * retention and migrations run as the admin ({@code mallrank es roles}). A process with writer and
 * reader credentials and no admin one (a worker) puts no templates: it checks, as the reader, that
 * they exist.
 */
@Component
public class ElasticsearchRuntime implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(ElasticsearchRuntime.class);

  private final IndexProperties properties;
  private final IndexNames names;
  private LocalElasticsearch local;
  private boolean schemaReady;
  private MonthlyIndices months;
  private final Map<EsConnection, ElasticsearchClient> clients = new HashMap<>();
  private final Map<MallrankRole, ElasticsearchClient> byRole = new EnumMap<>(MallrankRole.class);

  public ElasticsearchRuntime(IndexProperties properties) {
    this.properties = properties;
    this.names = new IndexNames(properties.prefix());
  }

  /**
   * The reader's client (reports, look-ups), connecting (and starting the local server) on first
   * use: {@code client(MallrankRole.READER)}.
   *
   * @throws UnavailableException when the cluster cannot be reached or refuses the credential: one
   *     line naming the URL (credentials removed)
   */
  public ElasticsearchClient client() {
    return client(MallrankRole.READER);
  }

  /**
   * The client of a role, with its credential ({@code index.es.<role>.*}, else {@code index.es.*}).
   * Roles with the same credential share one client.
   *
   * <p>Only those who write install the schema: the first writer's or admin's client puts the index
   * templates through the admin's client, or checks them without the admin credential ({@link
   * #ensureSchema()}). The reader's client writes nothing, so reports run with the reader
   * credential alone; its first use checks that the cluster answers it.
   *
   * @throws UnavailableException when the cluster cannot be reached, refuses the credential or
   *     (writer, admin) refuses the index templates
   */
  public synchronized ElasticsearchClient client(MallrankRole role) {
    ElasticsearchClient known = byRole.get(role);
    if (known != null) {
      return known;
    }
    if (role != MallrankRole.READER) {
      ensureSchema();
    }
    EsConnection connection = connection(role);
    ElasticsearchClient client = clients.get(connection);
    if (client == null) {
      client = EsClients.create(connection);
      if (role == MallrankRole.READER) {
        answers(client, connection);
      }
      clients.put(connection, client);
    }
    byRole.put(role, client);
    return client;
  }

  /**
   * The index templates are in place, once per process, before anything is written: the one schema
   * rule. With the admin credential (or no role credentials at all) they are put through the
   * admin's client (the writer's role cannot); a process with writer and reader credentials and no
   * admin one (a scaled-out worker) puts nothing and checks, as the reader, that they exist. What
   * the writing commands (sampling, migrations, retention) do before they write; reports never call
   * it.
   *
   * @throws UnavailableException when the cluster cannot be reached, refuses the templates, or
   *     (without the admin credential) the templates are missing: naming {@code index.es.admin.*}
   */
  public synchronized void ensureSchema() {
    if (schemaReady) {
      return;
    }
    if (withoutAdmin()) {
      checkTemplates();
      schemaReady = true;
      return;
    }
    EsConnection admin = connection(MallrankRole.ADMIN);
    ElasticsearchClient created = clients.get(admin);
    boolean fresh = created == null;
    if (fresh) {
      created = EsClients.create(admin);
    }
    try {
      new IndexBootstrap(created, names, properties.replicas()).apply();
    } catch (RuntimeException e) {
      if (fresh) {
        close(created, e);
      }
      throw new UnavailableException(admin.url(), e);
    }
    clients.put(admin, created);
    byRole.put(MallrankRole.ADMIN, created);
    schemaReady = true;
    log.info("Elasticsearch at {} (indices {}-*)", admin.displayUrl(), names.prefix());
  }

  /**
   * Whether this process runs with role credentials and none for the admin (a worker: writer and
   * reader only). It then puts no templates; another process (the manager) holds the admin's.
   */
  private boolean withoutAdmin() {
    IndexProperties.Es es = properties.es();
    return es.external()
        && es.credentials(MallrankRole.WRITER).present()
        && !es.credentials(MallrankRole.ADMIN).present();
  }

  /**
   * Without the admin credential: the templates must be there already (a write would otherwise
   * create an index without the strict mapping), checked as the reader.
   *
   * @throws UnavailableException naming the missing templates and the key to set
   */
  private void checkTemplates() {
    EsConnection reader = connection(MallrankRole.READER);
    ElasticsearchClient client = client(MallrankRole.READER);
    List<String> missing;
    try {
      missing = new IndexBootstrap(client, names).missingTemplates();
    } catch (RuntimeException e) {
      throw new UnavailableException(reader.url(), e);
    }
    if (!missing.isEmpty()) {
      throw new UnavailableException(
          reader.url(),
          new IllegalStateException(
              "index templates "
                  + missing
                  + " are missing and this process has no admin credential (index.es.admin.*):"
                  + " start a process that has it first (the manager puts them)"));
    }
    log.info(
        "Elasticsearch at {} (indices {}-*, templates checked: no admin credential here)",
        reader.displayUrl(),
        names.prefix());
  }

  /**
   * The listings, samples and changes indices of the slot's month and of the month after it exist
   * and are active ({@link MonthlyIndices}, waiting at most {@code index.bulk-retry}): called when
   * a slot starts, so a month's indices are created during the month before and the first slots of
   * a month never meet an index being created. Months already seen by this process send nothing.
   * They are created through the admin's client; without the admin credential ({@link
   * #ensureSchema()}) through the writer's ({@code create_index}), waited for through the reader's
   * (cluster {@code monitor}).
   *
   * @throws UnavailableException when the cluster cannot be reached or refuses the templates
   * @throws IllegalStateException when the indices do not become active in time
   */
  public void ensureMonths(Instant slot) {
    MonthlyIndices ahead;
    synchronized (this) {
      if (months == null) {
        months =
            withoutAdmin()
                ? new MonthlyIndices(
                    client(MallrankRole.WRITER),
                    client(MallrankRole.READER),
                    names,
                    properties.bulkRetry())
                : new MonthlyIndices(client(MallrankRole.ADMIN), names, properties.bulkRetry());
      }
      ahead = months;
    }
    ahead.ensureAround(slot);
  }

  /**
   * A first request through a reader's new client (cluster health, allowed by the reader role's
   * cluster {@code monitor}): the cluster answers, and takes the credential.
   */
  private static void answers(ElasticsearchClient client, EsConnection connection) {
    RuntimeException failure;
    try {
      client.cluster().health();
      return;
    } catch (IOException e) {
      failure = new UncheckedIOException(e);
    } catch (RuntimeException e) {
      failure = e;
    }
    close(client, failure);
    throw new UnavailableException(connection.url(), failure);
  }

  private static void close(ElasticsearchClient client, RuntimeException failure) {
    try {
      client._transport().close();
    } catch (IOException | RuntimeException closing) {
      failure.addSuppressed(closing);
    }
  }

  /** A URL as it may be printed or logged: {@link Redaction#url}, the one redaction rule. */
  public static String redacted(String url) {
    return Redaction.url(url);
  }

  /** Elasticsearch could not be used: the message names the (redacted) URL and the cause. */
  public static final class UnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnavailableException(String url, RuntimeException cause) {
      super(message(url, cause), cause);
    }

    private static String message(String url, Throwable cause) {
      StringBuilder text =
          new StringBuilder("Elasticsearch at ").append(redacted(url)).append(": ");
      text.append(
          cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
      Throwable root = cause;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      if (root != cause && root.getMessage() != null) {
        text.append(": ").append(root.getMessage());
      }
      String line = text.toString().replaceAll("\\s*[\\r\\n]+\\s*", " ");
      String userInfo = userInfo(url);
      return userInfo == null ? line : line.replace(userInfo, "***");
    }

    private static String userInfo(String url) {
      try {
        String raw = java.net.URI.create(url).getRawUserInfo();
        return raw == null || raw.isEmpty() ? null : raw;
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
  }

  public IndexNames names() {
    return names;
  }

  /**
   * Makes every listing and sample written so far searchable (bulks do not wait for refreshes): at
   * the end of a slot's sampling and before change detection.
   *
   * @param why what the refresh is for, named in the error when it fails
   */
  public void refreshListingsAndSamples(String why) {
    try {
      client(MallrankRole.WRITER)
          .indices()
          .refresh(
              r ->
                  r.index(names().listingsAlias(), names().samplesAlias())
                      .ignoreUnavailable(true)
                      .allowNoIndices(true));
    } catch (IOException e) {
      throw new UncheckedIOException("refreshing listings and samples " + why + " failed", e);
    }
  }

  /**
   * A writer for samples and their listings, with the configured refresh policy: it writes as the
   * writer and looks up a re-run's stale listings as the reader (the writer cannot search), and
   * retries a bulk the cluster cannot take for {@code index.bulk-retry}.
   */
  public SnapshotWriter snapshotWriter() {
    return new SnapshotWriter(
            client(MallrankRole.WRITER),
            client(MallrankRole.READER),
            names,
            refresh(properties.refresh()))
        .withRetry(BulkRetry.DEFAULT.withMaxWait(properties.bulkRetry()));
  }

  /**
   * How the role connects: the external cluster with the role's credential, or the local server
   * (started or reused here).
   */
  public synchronized EsConnection connection(MallrankRole role) {
    IndexProperties.Es es = properties.es();
    if (es.external()) {
      EsConnection connection = EsConnection.of(es.url());
      IndexProperties.Credentials credentials = es.credentials(role);
      try {
        if (notBlank(credentials.apiKey())) {
          connection = connection.withApiKey(credentials.apiKey());
        } else if (notBlank(credentials.username()) || notBlank(credentials.password())) {
          connection = connection.withBasicAuth(credentials.username(), credentials.password());
        }
      } catch (IllegalArgumentException e) {
        // names the keys to fix, never their values
        throw new IllegalArgumentException(es.credentialsKey(role) + ".*: " + e.getMessage());
      }
      if (es.caCertificate() != null) {
        connection = connection.withCaCertificate(es.caCertificate());
      }
      return connection;
    }
    if (local != null) {
      return EsConnection.of(local.url());
    }
    IndexProperties.Local settings = properties.local();
    local =
        LocalElasticsearch.ensureRunning(
            LocalElasticsearchSettings.of(settings.dataDir().toAbsolutePath(), settings.port())
                .withVersion(settings.version())
                .withHeap(settings.heap())
                .withJavaOptions(settings.javaOptions())
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
    for (ElasticsearchClient client : clients.values()) {
      client._transport().close();
    }
    clients.clear();
    byRole.clear();
    if (local != null && local.startedHere() && properties.local().stopOnExit()) {
      log.info("stopping the local Elasticsearch this run started");
      local.stop();
    }
  }
}
