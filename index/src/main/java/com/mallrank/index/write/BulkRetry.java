package com.mallrank.index.write;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries a bulk send while the cluster cannot take it: an Elasticsearch node lost mid-slot
 * (connection refused or reset, 502/503/504, a shard whose primary is being moved, a full write
 * queue) heals within seconds to a minute, as soon as the cluster is yellow again. Waiting here,
 * with a doubling backoff, keeps the slot running instead of failing the step; nothing is lost
 * since every bulk carries the documents' deterministic ids and the whole request is sent again
 * (indexing the same id twice overwrites, deleting a gone document is not a failure).
 *
 * <p>Bounded: after {@link #maxWait()} of failures the last error is thrown, and the step fails as
 * before (restartable). A failure that retrying cannot fix (a mapping error, a 4xx other than 408
 * and 429) is thrown at once. Retries are logged with the error's type and reason only, never a
 * request body or header.
 */
public final class BulkRetry {

  /** Up to two minutes, starting at a quarter second, doubling to at most 8 s between attempts. */
  public static final BulkRetry DEFAULT =
      new BulkRetry(Duration.ofMinutes(2), Duration.ofMillis(250), Duration.ofSeconds(8));

  /** Item error types that mean "the cluster is healing", not "this document is wrong". */
  private static final Set<String> TRANSIENT_ITEM_TYPES =
      Set.of(
          "unavailable_shards_exception",
          "no_shard_available_action_exception",
          "node_closed_exception",
          "node_disconnected_exception",
          "node_not_connected_exception",
          "connect_transport_exception",
          "es_rejected_execution_exception",
          "cluster_block_exception",
          "primary_missing_action_exception",
          "shard_not_in_primary_mode_exception",
          "retry_on_primary_exception");

  private static final Logger log = LoggerFactory.getLogger(BulkRetry.class);
  private static final AtomicLong RETRIES = new AtomicLong();

  /** One send of a bulk request, response checked; returns what the caller needs of it. */
  @FunctionalInterface
  public interface Send<T> {
    T send() throws IOException;
  }

  private final Duration maxWait;
  private final Duration initialBackoff;
  private final Duration maxBackoff;

  /**
   * @param maxWait how long failures are retried before the last one is thrown
   * @param initialBackoff the wait after the first failure, doubled after each
   * @param maxBackoff the longest wait between two attempts
   */
  public BulkRetry(Duration maxWait, Duration initialBackoff, Duration maxBackoff) {
    this.maxWait = requirePositive(maxWait, "maxWait");
    this.initialBackoff = requirePositive(initialBackoff, "initialBackoff");
    this.maxBackoff = requirePositive(maxBackoff, "maxBackoff");
  }

  public Duration maxWait() {
    return maxWait;
  }

  /** The same backoff, retried for {@code maxWait} ({@code index.bulk-retry}). */
  public BulkRetry withMaxWait(Duration maxWait) {
    return new BulkRetry(maxWait, initialBackoff, maxBackoff);
  }

  /** Retries done by all instances in this JVM since it started (for tests and metrics). */
  public static long retriesSoFar() {
    return RETRIES.get();
  }

  /**
   * Sends, retrying transient failures until {@link #maxWait()} has passed.
   *
   * @return what the accepted send returned
   * @throws UncheckedIOException when the last attempt failed with an I/O error
   * @throws BulkWriteException when items were rejected for good, or still transiently after the
   *     bound
   * @throws ElasticsearchException when the server refused the request for good
   */
  public <T> T run(Send<T> send) {
    long deadline = System.nanoTime() + maxWait.toNanos();
    long backoff = initialBackoff.toMillis();
    for (int attempt = 1; ; attempt++) {
      RuntimeException failure;
      try {
        T accepted = send.send();
        if (attempt > 1) {
          log.info("Bulk write succeeded on attempt {}", attempt);
        }
        return accepted;
      } catch (IOException e) {
        failure = new UncheckedIOException("Bulk write failed: " + describe(e), e);
      } catch (RuntimeException e) {
        if (!isTransient(e)) {
          throw e;
        }
        failure = e;
      }
      long leftNanos = deadline - System.nanoTime();
      if (leftNanos <= 0) {
        log.warn(
            "Bulk write still failing after {} attempts over {}; giving up: {}",
            attempt,
            maxWait,
            describe(failure));
        throw failure;
      }
      // rounded up, so the last attempt comes at or after the deadline, never a fraction before
      long wait = Math.min(backoff, (leftNanos + 999_999) / 1_000_000);
      log.warn(
          "Bulk write attempt {} failed ({}); the cluster may be recovering a lost node, retrying"
              + " in {} ms",
          attempt,
          describe(failure),
          wait);
      RETRIES.incrementAndGet();
      try {
        Thread.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw failure;
      }
      backoff = Math.min(backoff * 2, maxBackoff.toMillis());
    }
  }

  /** Whether retrying the same request later may succeed. */
  static boolean isTransient(Throwable e) {
    if (e instanceof UncheckedIOException) {
      return true;
    }
    if (e instanceof ElasticsearchException es) {
      int status = es.status();
      return status == 408 || status == 429 || status == 502 || status == 503 || status == 504;
    }
    if (e instanceof BulkWriteException bulk) {
      return !bulk.failures().isEmpty()
          && bulk.failures().stream().allMatch(BulkRetry::isTransient);
    }
    return false;
  }

  private static boolean isTransient(BulkWriteException.FailedItem item) {
    return item.status() == 429
        || item.status() == 503
        || TRANSIENT_ITEM_TYPES.contains(item.type());
  }

  /** The exception's type and first line of its message, bounded: no bodies, no headers. */
  static String describe(Throwable e) {
    Throwable shown = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
    String message = Objects.toString(shown.getMessage(), "");
    int newline = message.indexOf('\n');
    if (newline >= 0) {
      message = message.substring(0, newline);
    }
    if (message.length() > 200) {
      message = message.substring(0, 200) + "…";
    }
    return shown.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
  }

  private static Duration requirePositive(Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, got " + value);
    }
    return value;
  }
}
