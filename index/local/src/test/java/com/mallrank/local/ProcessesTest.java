package com.mallrank.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Helper processes, log tails and the start lock of the launcher. */
class ProcessesTest {

  @TempDir Path tmp;

  @Test
  void aHelperProcessGivesItsExitCodeAndOutput() {
    Processes.Result result =
        Processes.run(List.of("sh", "-c", "echo one; echo two >&2; echo three; exit 3"), null, 30);

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.output()).isEqualTo("one\ntwo\nthree\n");
    assertThat(result.tail(2)).isEqualTo("two\nthree");
  }

  @Test
  void aHelperProcessGetsTheAddedEnvironmentAndNoInput() {
    Processes.Result result =
        Processes.run(
            List.of("sh", "-c", "echo \"$MALLRANK_LOCAL_TEST\"; cat"),
            java.util.Map.of("MALLRANK_LOCAL_TEST", "set"),
            30);

    assertThat(result.output()).isEqualTo("set\n");
  }

  @Test
  void aHelperProcessThatOutlivesItsTimeoutIsKilledWithAClearError() {
    long start = System.nanoTime();

    assertThatThrownBy(() -> Processes.run(List.of("sleep", "30"), null, 1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("sleep did not finish within 1 s");
    assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(10);
  }

  @Test
  void aLogTailIsItsLastLinesOrSaysTheFileIsMissing() throws IOException {
    Path log = tmp.resolve("server.log");
    Files.writeString(log, "a\nb\nc\nd\n");

    assertThat(Processes.tail(log, 2)).isEqualTo("c\nd");
    assertThat(Processes.tail(log, 10)).isEqualTo("a\nb\nc\nd");
    assertThat(Processes.tail(tmp.resolve("none.log"), 2))
        .isEqualTo("(" + tmp.resolve("none.log") + " does not exist)");
  }

  @Test
  void startsInOneDirectoryRunOneAtATimeAcrossThreads() throws Exception {
    Path dir = tmp.resolve("server");
    int threads = 4;
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger mostInside = new AtomicInteger();
    CountDownLatch ready = new CountDownLatch(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Integer>> starts = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        int id = i;
        starts.add(
            pool.submit(
                () -> {
                  ready.countDown();
                  ready.await();
                  return Processes.underLock(
                      dir,
                      () -> {
                        mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                        sleep(100);
                        inside.decrementAndGet();
                        return id;
                      });
                }));
      }
      List<Integer> ids = new ArrayList<>();
      for (Future<Integer> start : starts) {
        ids.add(start.get(30, TimeUnit.SECONDS));
      }
      assertThat(ids).containsExactlyInAnyOrder(0, 1, 2, 3);
    } finally {
      pool.shutdownNow();
    }
    assertThat(mostInside.get()).isEqualTo(1);
    assertThat(Files.isRegularFile(dir.resolve(Processes.LOCK_FILE))).isTrue();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
