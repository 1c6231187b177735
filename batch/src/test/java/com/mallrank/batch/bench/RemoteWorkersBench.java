package com.mallrank.batch.bench;

import com.mallrank.batch.remote.RemoteChildMain;
import com.mallrank.batch.testing.ChildJvm;
import com.mallrank.batch.testing.ChildProcess;
import com.mallrank.batch.testing.PostgresTestDatabase;
import com.mallrank.batch.testing.TestPlans;
import com.mallrank.index.schema.IndexNames;
import com.mallrank.index.testing.LocalElasticsearchExtension;
import com.mallrank.index.testing.TestIndices;
import com.mallrank.local.artemis.ArtemisSettings;
import com.mallrank.local.artemis.LocalArtemis;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * Two workers vs one on the same slot, in one run: remote partitioning over the standalone Artemis
 * of {@link LocalArtemis} with the PostgreSQL JobRepository, the rendered profile {@code
 * sandbox-spa} (Chromium) on each worker's sandbox mall. A manager and one worker, and a manager
 * and two workers (separate JVMs, {@link RemoteChildMain}), each with a fresh schema, index prefix
 * and queue. Timed from the manager's launch to its result (JVM and Spring start-up excluded;
 * Chromium start-up per partition included); prints pages/s of each and their ratio. Usage: see
 * docs/benchmarks.md.
 *
 * <p>Arguments: {@code [keywords] [rounds]} (defaults 36: every keyword the sandbox knows, full
 * result pages; and 2 rounds, which goes first alternating per round). The keywords are sampled by
 * two vantages (anonymous, an account), one partition per identity ({@code
 * batch.remote.shards-per-identity=1}), one partition at a time per worker. System properties:
 * {@code mallrank.test.es.port} (the Elasticsearch, started if none answers there) and the {@code
 * MALLRANK_TEST_PG_*} settings of {@link PostgresTestDatabase}.
 */
public final class RemoteWorkersBench {

  private static final String GROUP = "bench";
  private static final Instant SLOT = Instant.parse("2026-11-21T02:05:00Z");
  private static final List<ChildProcess> children = new ArrayList<>();

  private RemoteWorkersBench() {}

  public static void main(String[] args) throws Exception {
    int keywords = args.length > 0 ? Integer.parseInt(args[0]) : 36;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    String reason = PostgresTestDatabase.unavailableReason();
    if (reason != null) {
      throw new IllegalStateException(reason);
    }
    Path dir = Files.createTempDirectory("mallrank-remote-bench");
    Path plan = plan(dir.resolve("plan.yml"), keywords);
    String esUrl = LocalElasticsearchExtension.url();
    ArtemisSettings broker =
        new ArtemisSettings(
            dir.resolve("artemis"),
            ArtemisSettings.DEFAULT_VERSION,
            "127.0.0.1",
            freePort(),
            "mallrank",
            UUID.randomUUID().toString(),
            Duration.ofMinutes(2));
    LocalArtemis artemis = LocalArtemis.ensureRunning(broker);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> children.forEach(c -> kill(c))));
    try {
      List<Result> ones = new ArrayList<>();
      List<Result> twos = new ArrayList<>();
      System.out.println("round  workers  pages  seconds  pages/s");
      for (int round = 0; round < rounds; round++) {
        // which goes first alternates per round, so a load change hits both alike
        for (int workers : round % 2 == 0 ? new int[] {1, 2} : new int[] {2, 1}) {
          Result result = run(workers, keywords, plan, dir, esUrl, broker);
          (workers == 1 ? ones : twos).add(result);
          System.out.printf(
              Locale.ROOT,
              "%5d %8d %6d %8.1f %8.2f%n",
              round,
              workers,
              result.pages,
              result.seconds,
              result.pagesPerSecond());
        }
      }
      double one = total(ones);
      double two = total(twos);
      System.out.printf(
          Locale.ROOT,
          "over %d round(s): one worker %.2f pages/s, two workers %.2f pages/s,"
              + " two / one = %.2f%n",
          rounds,
          one,
          two,
          two / one);
    } finally {
      children.forEach(RemoteWorkersBench::kill);
      artemis.close();
    }
    System.exit(0);
  }

  private record Result(long pages, double seconds) {
    double pagesPerSecond() {
      return pages / seconds;
    }
  }

  /** All pages over all seconds. */
  private static double total(List<Result> results) {
    return results.stream().mapToLong(Result::pages).sum()
        / results.stream().mapToDouble(Result::seconds).sum();
  }

  private static Result run(
      int workers, int keywords, Path plan, Path dir, String esUrl, ArtemisSettings broker)
      throws Exception {
    TestIndices indices = LocalElasticsearchExtension.newTestIndices(RemoteWorkersBench.class);
    String prefix = indices.prefix();
    String schema = "bench_" + Long.toString(System.nanoTime(), 36).toLowerCase(Locale.ROOT);
    createJobRepository(schema);
    List<String> properties = properties(schema, prefix, plan, dir, esUrl, broker);
    List<ChildProcess> started = new ArrayList<>();
    for (int i = 0; i < workers; i++) {
      started.add(start("worker", List.of(SLOT.toString()), properties));
    }
    ChildProcess manager = start("manager", List.of(), properties);
    for (ChildProcess worker : started) {
      worker.await("worker ready", Duration.ofMinutes(4));
    }
    manager.await("manager ready", Duration.ofMinutes(4));
    long begin = System.nanoTime();
    manager.send("launch " + GROUP + " " + SLOT);
    String result = manager.await("result " + SLOT, Duration.ofMinutes(10));
    double seconds = (System.nanoTime() - begin) / 1e9;
    if (!result.contains("COMPLETED")) {
      throw new IllegalStateException(workers + " worker(s): " + result);
    }
    String alias = new IndexNames(prefix).samplesAlias();
    var client = LocalElasticsearchExtension.client();
    client.indices().refresh(r -> r.index(alias));
    long pages = client.count(c -> c.index(alias)).count();
    if (pages != 2L * keywords) {
      throw new IllegalStateException(pages + " samples, expected " + 2 * keywords);
    }
    for (ChildProcess worker : started) {
      System.out.println(
          workers
              + " worker(s): worker "
              + worker.pid()
              + " ran anonymous="
              + worker.saw("running partition sampleKeywords:anonymous")
              + " mx-a="
              + worker.saw("running partition sampleKeywords:mx-a"));
    }
    manager.closeStdin();
    started.add(manager);
    started.forEach(RemoteWorkersBench::kill);
    indices.deleteAll();
    dropSchema(schema);
    return new Result(pages, seconds);
  }

  private static List<String> properties(
      String schema, String prefix, Path plan, Path dir, String esUrl, ArtemisSettings broker) {
    return List.of(
        "--spring.datasource.url=" + PostgresTestDatabase.urlWithSchema(schema),
        "--spring.datasource.username=" + PostgresTestDatabase.user(),
        "--spring.datasource.password=" + PostgresTestDatabase.password(),
        "--index.es.url=" + esUrl,
        "--index.prefix=" + prefix,
        "--index.refresh=false",
        "--batch.plan=" + plan,
        "--crawler.evidence.enabled=false",
        "--crawler.evidence.dir=" + dir.resolve("evidence"),
        "--batch.remote.shards-per-identity=1",
        "--batch.remote.worker-threads=1",
        "--batch.remote.partition-timeout=8m",
        "--batch.remote.poll-interval=500ms",
        "--batch.remote.queue=" + prefix,
        "--spring.artemis.broker-url=" + broker.url(),
        "--spring.artemis.user=" + broker.user(),
        "--spring.artemis.password=" + broker.password(),
        "--logging.level.com.mallrank=INFO");
  }

  private static Path plan(Path file, int keywords) throws IOException {
    StringBuilder yaml = new StringBuilder();
    yaml.append("accounts:\n  - id: mx-a\n    name: A\n    shop-ids: [\"7201283738326735002\"]\n");
    yaml.append("groups:\n  - name: ").append(GROUP).append('\n');
    yaml.append("    profile: sandbox-spa\n    depth: 20\n    vantages: [anonymous, mx-a]\n");
    yaml.append("    keywords:\n");
    TestPlans.keywords(keywords).forEach(k -> yaml.append("      - ").append(k).append('\n'));
    Files.writeString(file, yaml);
    return file;
  }

  private static void createJobRepository(String schema) throws Exception {
    try (Connection connection =
        DriverManager.getConnection(
            PostgresTestDatabase.urlWithSchema(schema),
            PostgresTestDatabase.user(),
            PostgresTestDatabase.password())) {
      ScriptUtils.executeSqlScript(
          connection, new ClassPathResource("jobrepo/schema-postgresql.sql"));
    }
  }

  private static void dropSchema(String schema) throws Exception {
    try (Connection connection =
            DriverManager.getConnection(
                PostgresTestDatabase.url(),
                PostgresTestDatabase.user(),
                PostgresTestDatabase.password());
        Statement statement = connection.createStatement()) {
      statement.execute("DROP SCHEMA " + schema + " CASCADE");
    }
  }

  private static ChildProcess start(String role, List<String> arguments, List<String> properties)
      throws IOException {
    List<String> command = ChildJvm.command("384m", RemoteChildMain.class);
    command.add(role);
    command.addAll(arguments);
    command.addAll(properties);
    ChildProcess child = ChildProcess.start(role, command, Path.of("target", "remote-bench"));
    synchronized (children) {
      children.add(child);
    }
    return child;
  }

  private static void kill(ChildProcess child) {
    child.process().destroy();
    try {
      if (!child.process().waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
        child.process().destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
