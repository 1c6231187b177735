package com.mallrank.index.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The retry policy of {@link BulkRetry}; the real lost node is {@code ElasticsearchClusterIT}. */
class BulkRetryTest {

  private static final BulkRetry FAST =
      new BulkRetry(Duration.ofMillis(400), Duration.ofMillis(10), Duration.ofMillis(40));

  private static BulkWriteException items(String... types) {
    List<BulkWriteException.FailedItem> failed =
        java.util.Arrays.stream(types)
            .map(
                t ->
                    new BulkWriteException.FailedItem(
                        "i", "id-" + t, t.startsWith("strict") ? 400 : 503, t, "r"))
            .toList();
    return new BulkWriteException(failed, 10);
  }

  @Test
  void connectionFailuresAreRetriedUntilTheSendSucceeds() {
    AtomicInteger attempts = new AtomicInteger();
    long before = BulkRetry.retriesSoFar();

    String accepted =
        FAST.run(
            () -> {
              int attempt = attempts.incrementAndGet();
              if (attempt < 4) {
                throw new ConnectException("Connection refused");
              }
              return "accepted on attempt " + attempt;
            });

    assertThat(accepted).isEqualTo("accepted on attempt 4");
    assertThat(attempts.get()).isEqualTo(4);
    assertThat(BulkRetry.retriesSoFar() - before).isGreaterThanOrEqualTo(3);
  }

  @Test
  void transientItemFailuresAreRetried() {
    AtomicInteger attempts = new AtomicInteger();

    FAST.run(
        () -> {
          if (attempts.incrementAndGet() == 1) {
            throw items("unavailable_shards_exception", "es_rejected_execution_exception");
          }
          return null;
        });

    assertThat(attempts.get()).isEqualTo(2);
  }

  @Test
  void aRejectedDocumentIsThrownAtOnce() {
    AtomicInteger attempts = new AtomicInteger();
    BulkWriteException mapping =
        items("unavailable_shards_exception", "strict_dynamic_mapping_exception");

    assertThatThrownBy(
            () ->
                FAST.run(
                    () -> {
                      attempts.incrementAndGet();
                      throw mapping;
                    }))
        .isSameAs(mapping);
    assertThat(attempts.get()).isEqualTo(1);
  }

  @Test
  void failuresBeyondTheBoundAreThrownWithTheLastCause() {
    AtomicInteger attempts = new AtomicInteger();
    long start = System.nanoTime();

    assertThatThrownBy(
            () ->
                FAST.run(
                    () -> {
                      attempts.incrementAndGet();
                      throw new IOException("Connection reset");
                    }))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessage("Bulk write failed: IOException: Connection reset");

    long millis = (System.nanoTime() - start) / 1_000_000;
    assertThat(millis).isBetween(400L, 5_000L);
    // 10, 20, 40, 40, ... ms: at least 5 attempts in 400 ms, far fewer than a busy loop
    assertThat(attempts.get()).isBetween(5, 20);
  }

  @Test
  void theLogLineNamesTheErrorTypeAndFirstLineOnly() {
    assertThat(BulkRetry.describe(new IOException("refused\nAuthorization: Basic c2VjcmV0")))
        .isEqualTo("IOException: refused");
    assertThat(BulkRetry.describe(new IOException("x".repeat(500))))
        .hasSize("IOException: ".length() + 200 + 1);
  }

  @Test
  void boundsMustBePositive() {
    assertThatThrownBy(
            () -> new BulkRetry(Duration.ZERO, Duration.ofMillis(1), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxWait must be positive, got PT0S");
  }
}
