package com.mallrank.batch.es;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallrank.batch.MallrankApplication;
import com.mallrank.batch.testing.ChildJvm;
import com.mallrank.index.local.LocalElasticsearch;
import com.mallrank.index.local.LocalElasticsearchSettings;
import com.mallrank.index.testing.FreePorts;
import com.mallrank.index.testing.ThrowawayNodes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code mallrank es start} leaves a local Elasticsearch running that the following commands reuse
 * without stopping it; only {@code es stop} stops it. Every command runs in its own JVM through the
 * real entry point, as from a shell. The server is a throwaway one (free port, temporary data
 * directory, small heap, C1 only: {@link ThrowawayNodes}), never the shared test server.
 */
class EsServiceIT {

  private static final Pattern STARTED =
      Pattern.compile("elasticsearch: started at (\\S+) \\(data (\\S+), pid (\\d+)\\)");

  private Path dir;
  private int port;
  private LocalElasticsearchSettings settings;

  @BeforeEach
  void throwawayServer() throws IOException {
    dir = Files.createTempDirectory("mallrank-es-service");
    // the server runs as the unprivileged mallrank-es user when the tests run as root
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    port = FreePorts.forElasticsearch(1);
    settings = LocalElasticsearchSettings.of(dir.resolve("es"), port);
  }

  @AfterEach
  void stopWhateverIsLeft() throws IOException {
    LocalElasticsearch.stopRunning(settings); // the test's own server only: its own pid file
    try (Stream<Path> files = Files.walk(dir)) { // the unpacked server: ~100 MB per run
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    }
  }

  @Test
  void startedOnceReusedByThreeReportsStoppedOnlyByEsStop() throws Exception {
    Run start = mallrank("es", "start");
    assertThat(start.code()).as(start.output()).isZero();
    Matcher started = STARTED.matcher(start.output());
    assertThat(started.find()).as(start.output()).isTrue();
    assertThat(started.group(1)).isEqualTo("http://127.0.0.1:" + port);
    long pid = Long.parseLong(started.group(3));
    assertThat(alive(pid)).as("still running after `es start` ended").isTrue();

    for (int i = 1; i <= 3; i++) {
      long begin = System.nanoTime();
      Run report = mallrank("report", "top20");
      long millis = Duration.ofNanos(System.nanoTime() - begin).toMillis();
      System.out.printf("report %d with a running server: %d ms (JVM included)%n", i, millis);
      assertThat(report.output())
          .as("report %d reuses the running server", i)
          .contains("Reusing the Elasticsearch already running at http://127.0.0.1:" + port)
          .doesNotContain("Starting Elasticsearch")
          .doesNotContain("stopping the local Elasticsearch");
      assertThat(pid(settings)).as("pid after report %d", i).isEqualTo(pid);
      assertThat(alive(pid)).as("running after report %d", i).isTrue();
    }

    Run status = mallrank("es", "status");
    assertThat(status.code()).as(status.output()).isZero();
    assertThat(status.output())
        .contains("elasticsearch: running at http://127.0.0.1:" + port)
        .contains("data:  " + dir.resolve("es"))
        .contains("pid:   " + pid)
        .containsPattern("heap: +\\d+\\.\\d MiB used of 2\\d\\d\\.\\d MiB")
        .containsPattern("disk: +\\d+\\.\\d [KMGT]iB free of \\d+\\.\\d [KMGT]iB");

    Run stop = mallrank("es", "stop");
    assertThat(stop.code()).as(stop.output()).isZero();
    assertThat(stop.output()).contains("elasticsearch: stopped");
    assertThat(alive(pid)).as("stopped by `es stop`").isFalse();

    Run after = mallrank("es", "status");
    assertThat(after.code()).as(after.output()).isEqualTo(EsStatusCommand.NOT_RUNNING);
    assertThat(after.output()).contains("elasticsearch: not running at http://127.0.0.1:" + port);
    Run again = mallrank("es", "stop");
    assertThat(again.code()).isZero();
    assertThat(again.output()).contains("was running");
  }

  @Test
  void refusedForAnExternalCluster() throws Exception {
    Run start = mallrank("es", "start", "--index.es.url=http://127.0.0.1:1");
    assertThat(start.code()).isEqualTo(2);
    assertThat(start.output())
        .contains("error: index.es.url is set: mallrank uses that cluster")
        .doesNotContain("Starting Elasticsearch");
  }

  private record Run(int code, String output) {}

  /** One mallrank command in its own JVM, working directory = the temporary directory. */
  private Run mallrank(String... args) throws Exception {
    List<String> command = ChildJvm.command("256m", MallrankApplication.class);
    command.addAll(List.of(args));
    command.addAll(
        List.of(
            "--index.local.data-dir=" + dir.resolve("es"),
            "--index.local.port=" + port,
            "--index.local.heap=" + ThrowawayNodes.HEAP,
            "--index.local.java-options=" + String.join(",", ThrowawayNodes.JAVA_OPTIONS),
            "--index.prefix=t-esservice",
            "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("jobrepo/mallrank")));
    Path log = dir.resolve("command.log");
    Process process =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    if (!process.waitFor(180, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("mallrank " + String.join(" ", args) + " did not end in 180 s");
    }
    return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }

  private static long pid(LocalElasticsearchSettings settings) {
    return LocalElasticsearch.findRunning(settings).orElseThrow().pid().orElseThrow();
  }

  private static boolean alive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }
}
