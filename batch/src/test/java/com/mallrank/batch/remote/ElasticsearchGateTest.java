package com.mallrank.batch.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.context.Lifecycle;

class ElasticsearchGateTest {

  /** A listener that records its stops and starts. */
  private static final class Listener implements Lifecycle {
    final List<String> events = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void start() {
      events.add("start");
    }

    @Override
    public void stop() {
      events.add("stop");
    }

    @Override
    public boolean isRunning() {
      return true;
    }
  }

  @Test
  void aReachableClusterIsAskedOncePerInterval() {
    AtomicInteger asked = new AtomicInteger();
    AtomicLong now = new AtomicLong();
    Probe probe =
        () -> {
          asked.incrementAndGet();
          return null;
        };
    try (Gate gate = new Gate(probe, Duration.ofSeconds(5), now)) {
      Listener listener = new Listener();
      assertThat(gate.gate.admit(listener)).isTrue();
      now.addAndGet(Duration.ofSeconds(4).toNanos());
      assertThat(gate.gate.admit(listener)).isTrue();
      assertThat(asked).hasValue(1);
      now.addAndGet(Duration.ofSeconds(1).toNanos());
      assertThat(gate.gate.admit(listener)).isTrue();
      assertThat(asked).hasValue(2);
      assertThat(listener.events).isEmpty();
    }
  }

  @Test
  void anUnreachableClusterStopsTheListenerOnceUntilItAnswersAgain() throws Exception {
    AtomicReference<String> reason = new AtomicReference<>("ConnectException: Connection refused");
    AtomicLong now = new AtomicLong();
    try (Gate gate = new Gate(reason::get, Duration.ofMillis(100), now)) {
      Listener listener = new Listener();
      assertThat(gate.gate.admit(listener)).isFalse();
      assertThat(gate.gate.admit(listener)).isFalse();
      assertThat(listener.events).containsExactly("stop");
      assertThat(gate.gate.paused()).isTrue();

      Thread.sleep(350); // rechecks, still unreachable: stays stopped
      assertThat(listener.events).containsExactly("stop");

      reason.set(null);
      long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      while (listener.events.size() < 2 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(listener.events).containsExactly("stop", "start");
      assertThat(gate.gate.paused()).isFalse();
      assertThat(gate.gate.admit(listener)).isTrue();
    }
  }

  @Test
  void theReasonNamesTheRootCauseWithoutCredentials() {
    Exception failure =
        new IllegalStateException(
            "outer",
            new java.io.IOException(
                "Connect to http://elastic:s3cret@127.0.0.1:9 failed:\n refused"));
    assertThat(RemoteWorkerConfiguration.reason(failure, "http://elastic:s3cret@127.0.0.1:9"))
        .isEqualTo("IOException: Connect to http://***@127.0.0.1:9 failed: refused");
  }

  private interface Probe extends ElasticsearchGate.Probe {}

  /** The gate under test, its recheck thread stopped after each test. */
  private static final class Gate implements AutoCloseable {
    final ElasticsearchGate gate;

    Gate(ElasticsearchGate.Probe probe, Duration interval, AtomicLong now) {
      this.gate = new ElasticsearchGate(probe, "http://127.0.0.1:9", interval, now::get);
    }

    @Override
    public void close() {
      gate.destroy();
    }
  }
}
