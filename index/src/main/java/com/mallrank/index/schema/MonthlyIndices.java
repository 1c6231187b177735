package com.mallrank.index.schema;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import co.elastic.clients.elasticsearch.cluster.HealthResponse;
import co.elastic.clients.transport.TransportException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.elasticsearch.client.ResponseException;

/**
 * Creates a month's listings, samples and changes indices ahead of the month, so the first slots of
 * a month never meet an index being created: a search answered by every shard ({@code
 * allow_partial_search_results: false}, change detection) fails with 503 "no shard available" on an
 * index whose primary is still starting, and two jobs writing the first documents of a month would
 * otherwise race to create it.
 *
 * <p>Idempotent under concurrent writers: an index another process (or a bulk's auto-creation)
 * created first ({@code resource_already_exists_exception}) counts as created. Either way the call
 * returns only once every primary of the month is active (cluster health {@code yellow} for those
 * indices), so no caller goes on while the index is still starting. Months found ready are
 * remembered: a later call for them sends nothing.
 *
 * <p>Needs {@code create_index} on the indices and the cluster {@code monitor} privilege: the
 * {@code mallrank_admin} role has both; without it, the writer's client creates ({@code
 * create_index}) and the reader's waits ({@code monitor}). The indices take their mapping, settings
 * and read alias from the templates ({@link IndexBootstrap}), which must be in place first.
 */
public final class MonthlyIndices {

  private final ElasticsearchClient client;
  private final ElasticsearchClient health;
  private final IndexNames names;
  private final Duration timeout;
  private final Set<YearMonth> ready = ConcurrentHashMap.newKeySet();

  /**
   * @param timeout how long one month's indices may take to become active
   */
  public MonthlyIndices(ElasticsearchClient client, IndexNames names, Duration timeout) {
    this(client, client, names, timeout);
  }

  /**
   * @param client creates the indices ({@code create_index})
   * @param health waits for their primaries (cluster {@code monitor})
   * @param timeout how long one month's indices may take to become active
   */
  public MonthlyIndices(
      ElasticsearchClient client, ElasticsearchClient health, IndexNames names, Duration timeout) {
    this.client = Objects.requireNonNull(client, "client");
    this.health = Objects.requireNonNull(health, "health");
    this.names = Objects.requireNonNull(names, "names");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, was " + timeout);
    }
  }

  /** The month (UTC) of the slot, and the month after it: the slot's indices and the next ones. */
  public void ensureAround(Instant slot) {
    YearMonth month = YearMonth.from(slot.atOffset(ZoneOffset.UTC));
    ensure(month);
    ensure(month.plusMonths(1));
  }

  /**
   * The month's listings, samples and changes indices, created when missing and waited for until
   * their primaries are active.
   *
   * @return the indices this call created (empty when they existed)
   * @throws IllegalStateException when they are not active within the timeout
   * @throws UncheckedIOException when the cluster cannot be reached
   */
  public List<String> ensure(YearMonth month) {
    if (ready.contains(month)) {
      return List.of();
    }
    Instant any = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    List<String> indices =
        List.of(names.listingsIndex(any), names.samplesIndex(any), names.changesIndex(any));
    List<String> created = new ArrayList<>();
    try {
      for (String index : indices) {
        if (create(index)) {
          created.add(index);
        }
      }
      if (!active(indices)) {
        throw new IllegalStateException(
            "the indices of "
                + month
                + " "
                + indices
                + " have no active primary after "
                + timeout.toSeconds()
                + " s: see GET _cluster/allocation/explain");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Creating the indices of " + month + " failed", e);
    }
    ready.add(month);
    return created;
  }

  /**
   * Waits until every primary of the indices is active (health {@code yellow}); {@code false} when
   * the timeout passed first (the cluster answers 408 then).
   */
  private boolean active(List<String> indices) throws IOException {
    try {
      HealthResponse answer =
          health
              .cluster()
              .health(
                  h ->
                      h.index(indices)
                          .waitForStatus(HealthStatus.Yellow)
                          .timeout(t -> t.time(timeout.toMillis() + "ms")));
      return !answer.timedOut();
    } catch (TransportException | ResponseException e) {
      int status =
          e instanceof ResponseException response
              ? response.getResponse().getStatusLine().getStatusCode()
              : ((TransportException) e).statusCode();
      if (status == 408) {
        return false;
      }
      throw e;
    }
  }

  /** Creates the index; {@code false} when it existed already (someone else created it). */
  private boolean create(String index) throws IOException {
    try {
      client
          .indices()
          .create(
              c ->
                  c.index(index)
                      .waitForActiveShards(w -> w.count(1))
                      .timeout(t -> t.time(timeout.toMillis() + "ms")));
      return true;
    } catch (ElasticsearchException e) {
      if (e.error() != null && "resource_already_exists_exception".equals(e.error().type())) {
        return false;
      }
      throw e;
    }
  }
}
