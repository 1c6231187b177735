package com.mallrank.batch.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.mallrank.batch.testing.ChildJvm;
import com.mallrank.batch.testing.ChildProcess;
import com.mallrank.batch.testing.PostgresTestDatabase;
import com.mallrank.batch.testing.StoredIds;
import com.mallrank.batch.testing.TestPlans;
import com.mallrank.index.schema.IndexNames;
import com.mallrank.index.testing.LocalElasticsearchExtension;
import com.mallrank.local.artemis.ArtemisSettings;
import com.mallrank.local.artemis.LocalArtemis;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * Scale-out on one machine with separate JVMs: the standalone Artemis of {@link LocalArtemis},
 * PostgreSQL as the shared JobRepository, one manager and two workers ({@link RemoteChildMain}). A
 * slot of 100 keywords × 2 vantages ends with exactly the documents of a single-process run; a
 * worker killed mid-slot loses nothing and duplicates nothing. Then the bad inputs: a worker that
 * cannot reach Elasticsearch runs no partition (the other worker runs them all), a worker with
 * another plan version is refused by name, and a broker that is down fails the slot after the
 * manager waited, with no partition created and nothing marked done.
 */
class RemotePartitioningIT {

  private static final String GROUP = "remote";
  private static final int KEYWORDS = 100;
  private static final Instant SLOT = Instant.parse("2026-11-21T02:05:00Z");
  private static final List<Process> children = Collections.synchronizedList(new ArrayList<>());

  @TempDir static Path dir;

  private static LocalArtemis broker;
  private static ArtemisSettings brokerSettings;
  private static String schema;
  private static String prefix;

  @BeforeAll
  static void services() {
    String reason = PostgresTestDatabase.unavailableReason();
    if (reason != null && PostgresTestDatabase.required()) {
      fail(reason + " (CI=true: .ci/run must start PostgreSQL)");
    }
    assumeTrue(reason == null, reason);
    schema = "t_" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
    prefix = "t-remote-" + schema.substring(2);
  }

  @AfterAll
  static void stop() {
    children.forEach(Process::destroyForcibly);
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void twoWorkersSampleASlotAsOneProcessDoesAndBadInputIsNamed() throws Exception {
    Path plan = plan(dir.resolve("plan.yml"), KEYWORDS);
    Path otherPlan = plan(dir.resolve("other-plan.yml"), KEYWORDS + 1);
    createJobRepository();
    brokerSettings =
        new ArtemisSettings(
            dir.resolve("artemis"),
            ArtemisSettings.DEFAULT_VERSION,
            "127.0.0.1",
            freePort(),
            "mallrank",
            UUID.randomUUID().toString(),
            Duration.ofMinutes(2));

    // The reference: the same slot in one process (--role all), into its own indices, unpaced.
    ChildProcess reference =
        start(
            "all", List.of(SLOT.toString(), GROUP), unpaced(common(plan, prefix + "-ref", "all")));
    CompletableFuture<LocalArtemis> starting =
        CompletableFuture.supplyAsync(() -> LocalArtemis.ensureRunning(brokerSettings));
    broker = starting.get(3, TimeUnit.MINUTES);
    assertThat(broker.startedHere()).isTrue();
    assertThat(LocalArtemis.status(brokerSettings).pid()).isPresent();

    ChildProcess one = start("worker", List.of(SLOT.toString()), common(plan, prefix, "worker"));
    ChildProcess two = start("worker", List.of(SLOT.toString()), common(plan, prefix, "worker"));
    ChildProcess manager = start("manager", List.of(), common(plan, prefix, "manager"));
    one.await("worker ready", Duration.ofMinutes(2));
    two.await("worker ready", Duration.ofMinutes(2));
    manager.await("manager ready", Duration.ofMinutes(2));

    // The slot, and one worker killed (SIGKILL) once it is running a partition with samples stored.
    manager.send("launch " + GROUP + " " + SLOT);
    ChildProcess victim = firstRunning(one, two, Duration.ofMinutes(1));
    ChildProcess survivor = victim == one ? two : one;
    long stored = waitForSamples(prefix, 12, Duration.ofMinutes(1));
    victim.process().destroyForcibly();
    victim.process().waitFor(30, TimeUnit.SECONDS);
    assertThat(stored).as("killed mid-slot").isLessThan(2L * KEYWORDS);

    // The workers of the bad inputs below start now, on standby (no listener: they take nothing
    // from the broker until told to listen), so their JVM start overlaps the survivor's work
    // instead of adding to the test's time. A worker that cannot reach Elasticsearch (a closed
    // loopback port), a fresh one, and a stranger with another plan. The two that sample write
    // without waiting for refreshes (the shipped index.refresh=false: the manager refreshes
    // before its change detection); the paced wait_for is only what keeps the first slot running
    // long enough to kill a worker in the middle of it.
    int closed = freePort();
    List<String> cutOff = new ArrayList<>(common(plan, prefix, "worker"));
    cutOff.replaceAll(
        p -> p.startsWith("--index.es.url=") ? "--index.es.url=http://127.0.0.1:" + closed : p);
    ChildProcess cut = start("standby", List.of(SLOT.toString()), unpaced(cutOff));
    ChildProcess fresh =
        start("standby", List.of(SLOT.toString()), unpaced(common(plan, prefix, "worker")));
    ChildProcess stranger =
        start("standby", List.of(SLOT.toString()), common(otherPlan, prefix, "worker"));

    String result = manager.await("result " + SLOT, Duration.ofMinutes(2));
    if (!result.contains("COMPLETED")) {
      // the manager timed out on the killed worker's partition: restart the slot
      assertThat(result).contains("partition-timeout");
      manager.send("launch " + GROUP + " " + SLOT);
      result = manager.await("result " + SLOT, Duration.ofMinutes(2));
    }
    assertThat(result).contains("COMPLETED");
    // the reference ran meanwhile (its JVM started first; it does not wait for the workers)
    assertThat(reference.await("result " + SLOT, Duration.ofMinutes(2))).endsWith("COMPLETED");

    List<String> samples = StoredIds.ofSlot(new IndexNames(prefix).samplesAlias(), SLOT);
    assertThat(samples).hasSize(2 * KEYWORDS).doesNotHaveDuplicates();
    assertThat(samples)
        .containsExactlyInAnyOrderElementsOf(
            StoredIds.ofSlot(new IndexNames(prefix + "-ref").samplesAlias(), SLOT));
    List<String> listings = StoredIds.ofSlot(new IndexNames(prefix).listingsAlias(), SLOT);
    assertThat(listings).doesNotHaveDuplicates();
    assertThat(listings)
        .hasSizeGreaterThan(2 * KEYWORDS)
        .containsExactlyInAnyOrderElementsOf(
            StoredIds.ofSlot(new IndexNames(prefix + "-ref").listingsAlias(), SLOT));

    // Every partition completed exactly once; what the killed worker had not finished, the
    // survivor ran.
    Map<String, List<String>> partitions = partitions(SLOT);
    assertThat(partitions.keySet())
        .containsExactlyInAnyOrder(
            "sampleKeywords:anonymous-shard0",
            "sampleKeywords:anonymous-shard1",
            "sampleKeywords:mx-a-shard0",
            "sampleKeywords:mx-a-shard1");
    partitions.forEach(
        (name, statuses) ->
            assertThat(statuses).as(name).filteredOn(s -> s.startsWith("COMPLETED")).hasSize(1));
    List<String> unfinished =
        partitions.keySet().stream()
            .filter(name -> victim.saw("running partition " + name))
            .filter(name -> !victim.saw("partition " + name + " ended COMPLETED"))
            .toList();
    assertThat(unfinished).as("the killed worker's partition").isNotEmpty();
    unfinished.forEach(
        name -> assertThat(survivor.saw("running partition " + name)).as(name).isTrue());

    // Bad input 1: a worker that cannot reach Elasticsearch (a closed loopback port) starts no
    // partition: it hands its request back to the broker and stops listening, so the broker moves
    // the request's message group to the other worker, which samples the whole slot. (The
    // survivor holds both message groups since the victim died: two fresh workers listen.)
    survivor.process().destroyForcibly();
    survivor.process().waitFor(30, TimeUnit.SECONDS);
    listen(cut);
    listen(fresh);
    cut.await("worker ready", Duration.ofMinutes(2));
    fresh.await("worker ready", Duration.ofMinutes(2));
    Instant esSlot = SLOT.plusSeconds(1800);
    manager.send("launch " + GROUP + " " + esSlot);
    assertThat(manager.await("result " + esSlot, Duration.ofMinutes(3))).contains("COMPLETED");
    assertThat(cut.saw("Elasticsearch at http://127.0.0.1:" + closed + " unreachable"))
        .as("the cut-off worker was handed a request and gave it back")
        .isTrue();
    assertThat(cut.saw("running partition")).isFalse();
    Map<String, List<String>> esPartitions = partitions(esSlot);
    assertThat(esPartitions.keySet()).isEqualTo(partitions.keySet());
    esPartitions.forEach(
        (name, statuses) ->
            assertThat(statuses).as(name).containsExactly("COMPLETED " + fresh.pid()));
    assertThat(withoutSlot(StoredIds.ofSlot(new IndexNames(prefix).samplesAlias(), esSlot)))
        .hasSize(2 * KEYWORDS)
        .containsExactlyInAnyOrderElementsOf(
            withoutSlot(StoredIds.ofSlot(new IndexNames(prefix + "-ref").samplesAlias(), SLOT)));
    assertThat(withoutSlot(StoredIds.ofSlot(new IndexNames(prefix).listingsAlias(), esSlot)))
        .containsExactlyInAnyOrderElementsOf(
            withoutSlot(StoredIds.ofSlot(new IndexNames(prefix + "-ref").listingsAlias(), SLOT)));
    // The manager's slot summary and change-detection line count what the workers stored: the
    // samples by status of the slot's partitions (step executions), and this group's samples.
    assertThat(statusTotal(manager, GROUP + " " + esSlot + ": samples by status "))
        .isEqualTo(2L * KEYWORDS);
    List<String> detection = manager.linesWith("slot " + esSlot + " of group '" + GROUP + "': ");
    assertThat(detection).hasSize(1);
    Matcher compared =
        Pattern.compile("(\\d+) samples compared, (\\d+) not comparable").matcher(detection.get(0));
    assertThat(compared.find()).as(detection.get(0)).isTrue();
    assertThat(Integer.parseInt(compared.group(1)) + Integer.parseInt(compared.group(2)))
        .isEqualTo(2 * KEYWORDS);
    cut.process().destroyForcibly();
    cut.process().waitFor(30, TimeUnit.SECONDS);

    // Bad input 2: a worker with another plan is refused, by name; the slot is not done.
    fresh.process().destroyForcibly();
    fresh.process().waitFor(30, TimeUnit.SECONDS);
    listen(stranger);
    stranger.await("worker ready", Duration.ofMinutes(2));
    Instant second = SLOT.plusSeconds(3600);
    manager.send("launch " + GROUP + " " + second);
    String refused = manager.await("result " + second, Duration.ofMinutes(2));
    assertThat(refused)
        .startsWith("result " + second + " FAILED")
        .contains("refused by worker")
        .contains(":" + stranger.pid())
        .contains("differs from the manager's")
        .contains("batch.plan");
    assertThat(lastStatus(second)).isEqualTo("FAILED");

    // Bad input 3: the broker is down: the manager waits (batch.remote.broker-wait), then fails
    // the slot before any partition exists; nothing is marked done.
    broker.close();
    assertThat(LocalArtemis.status(brokerSettings).listening()).isFalse();
    Instant third = SLOT.plusSeconds(7200);
    manager.send("launch " + GROUP + " " + third);
    String down = manager.await("result " + third, Duration.ofMinutes(2));
    assertThat(down)
        .startsWith("result " + third + " FAILED")
        .contains("broker at " + brokerSettings.url() + " unreachable")
        .contains("the slot is not done");
    assertThat(lastStatus(third)).isEqualTo("FAILED");
    assertThat(partitionCount(third)).isZero();
    manager.closeStdin();
  }

  /**
   * The sum of the samples by status in the one line of {@code child} that contains {@code prefix}
   * followed by {@code {ok=120, blocked=80}}.
   */
  private static long statusTotal(ChildProcess child, String prefix) {
    List<String> lines = child.linesWith(prefix);
    assertThat(lines).as(prefix).hasSize(1);
    String map = lines.get(0).substring(lines.get(0).indexOf(prefix) + prefix.length());
    Matcher counts = Pattern.compile("=(\\d+)").matcher(map.substring(0, map.indexOf('}') + 1));
    long total = 0;
    while (counts.find()) {
      total += Long.parseLong(counts.group(1));
    }
    return total;
  }

  /**
   * {@code properties} with the shipped {@code index.refresh=false} instead of the paced {@code
   * wait_for}.
   */
  private static List<String> unpaced(List<String> properties) {
    List<String> unpaced = new ArrayList<>(properties);
    unpaced.replaceAll(p -> p.startsWith("--index.refresh=") ? "--index.refresh=false" : p);
    return unpaced;
  }

  /** Tells a worker started on standby to take partitions, once its context is up. */
  private static void listen(ChildProcess standby) throws InterruptedException {
    standby.await("worker standby", Duration.ofMinutes(2));
    standby.send("listen");
  }

  private static Path plan(Path file, int keywords) throws IOException {
    StringBuilder yaml = new StringBuilder();
    yaml.append("accounts:\n  - id: mx-a\n    name: A\n    shop-ids: [\"7201283738326735002\"]\n");
    yaml.append("groups:\n  - name: ").append(GROUP).append('\n');
    yaml.append("    profile: sandbox-static\n    depth: 20\n    vantages: [anonymous, mx-a]\n");
    yaml.append("    keywords:\n");
    TestPlans.keywords(keywords).forEach(k -> yaml.append("      - ").append(k).append('\n'));
    Files.writeString(file, yaml);
    return file;
  }

  private static List<String> common(Path plan, String indexPrefix, String role) {
    List<String> properties =
        new ArrayList<>(
            List.of(
                "--spring.datasource.url=" + PostgresTestDatabase.urlWithSchema(schema),
                "--spring.datasource.username=" + PostgresTestDatabase.user(),
                "--spring.datasource.password=" + PostgresTestDatabase.password(),
                "--index.es.url=" + LocalElasticsearchExtension.url(),
                "--index.prefix=" + indexPrefix,
                // paced: each bulk of 5 waits for the next refresh (~1 s), so a partition of 50
                // runs ~10 s and a worker is killed in the middle of one (see unpaced)
                "--index.refresh=wait_for",
                "--batch.plan=" + plan,
                "--crawler.evidence.dir=" + dir.resolve("evidence-" + role),
                "--batch.chunk-size=5",
                "--batch.remote.shards-per-identity=2",
                "--batch.remote.worker-threads=1",
                "--batch.remote.partition-timeout=4m",
                "--batch.remote.poll-interval=500ms",
                "--batch.remote.broker-wait=4s",
                "--batch.remote.queue=" + prefix,
                "--spring.artemis.broker-url=" + brokerSettings.url(),
                "--spring.artemis.user=" + brokerSettings.user(),
                "--spring.artemis.password=" + brokerSettings.password()));
    if (role.equals("all")) {
      // a JobRepository of its own: the same slot is a different job instance there
      properties.replaceAll(
          p -> p.startsWith("--spring.datasource.") ? p.replaceAll("=.*", "=") : p);
      properties.set(0, "--spring.datasource.url=jdbc:h2:mem:reference;DB_CLOSE_DELAY=-1");
      properties.set(1, "--spring.datasource.username=sa");
      properties.add("--batch.threads=2");
    }
    return properties;
  }

  private static void createJobRepository() throws Exception {
    // created once before the processes start (concurrent first starts race in CREATE TABLE)
    try (Connection connection =
        DriverManager.getConnection(
            PostgresTestDatabase.urlWithSchema(schema),
            PostgresTestDatabase.user(),
            PostgresTestDatabase.password())) {
      ScriptUtils.executeSqlScript(
          connection, new ClassPathResource("jobrepo/schema-postgresql.sql"));
    }
  }

  /** Partition step name → "STATUS workerPid" of each of its executions. */
  private static Map<String, List<String>> partitions(Instant slot) throws Exception {
    Map<String, List<String>> result = new HashMap<>();
    try (Connection connection = jobRepository();
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT s.STEP_NAME, s.STATUS, c.SHORT_CONTEXT FROM BATCH_STEP_EXECUTION s"
                    + " JOIN BATCH_STEP_EXECUTION_CONTEXT c ON c.STEP_EXECUTION_ID ="
                    + " s.STEP_EXECUTION_ID WHERE s.STEP_NAME LIKE 'sampleKeywords:%'"
                    + " AND s.JOB_EXECUTION_ID IN (SELECT e.JOB_EXECUTION_ID FROM"
                    + " BATCH_JOB_EXECUTION e JOIN BATCH_JOB_EXECUTION_PARAMS p ON"
                    + " p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID WHERE p.PARAMETER_NAME = 'slot'"
                    + " AND p.PARAMETER_VALUE = '"
                    + slot
                    + "')")) {
      while (rows.next()) {
        result
            .computeIfAbsent(rows.getString(1), k -> new ArrayList<>())
            .add(rows.getString(2) + " " + workerPid(rows.getString(3)));
      }
    }
    return result;
  }

  /**
   * The pid of the partition's worker in its step context: JSON, or Base64 of a serialized map (the
   * JobRepository's default), where the value follows the key as {@code t <len> host:pid}.
   */
  private static String workerPid(String context) {
    String text = context;
    if (!context.strip().startsWith("{")) {
      try {
        text =
            new String(
                java.util.Base64.getMimeDecoder().decode(context), StandardCharsets.ISO_8859_1);
      } catch (IllegalArgumentException e) {
        return "?";
      }
    }
    java.util.regex.Matcher json =
        java.util.regex.Pattern.compile("\"worker\"\\s*:\\s*\"[^\"]*:(\\d+)\"").matcher(text);
    if (json.find()) {
      return json.group(1);
    }
    java.util.regex.Matcher serialized =
        java.util.regex.Pattern.compile("(?s)workert..[^:]*:(\\d+)").matcher(text);
    return serialized.find() ? serialized.group(1) : "?";
  }

  private static String lastStatus(Instant slot) throws Exception {
    try (Connection connection = jobRepository();
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT e.STATUS FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_EXECUTION_PARAMS p ON"
                    + " p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID WHERE p.PARAMETER_NAME = 'slot'"
                    + " AND p.PARAMETER_VALUE = '"
                    + slot
                    + "' ORDER BY e.JOB_EXECUTION_ID DESC")) {
      return rows.next() ? rows.getString(1) : "none";
    }
  }

  private static int partitionCount(Instant slot) throws Exception {
    try (Connection connection = jobRepository();
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT COUNT(*) FROM BATCH_STEP_EXECUTION s JOIN BATCH_JOB_EXECUTION_PARAMS p ON"
                    + " p.JOB_EXECUTION_ID = s.JOB_EXECUTION_ID WHERE p.PARAMETER_NAME = 'slot'"
                    + " AND p.PARAMETER_VALUE = '"
                    + slot
                    + "' AND s.STEP_NAME LIKE 'sampleKeywords:%'")) {
      rows.next();
      return rows.getInt(1);
    }
  }

  private static Connection jobRepository() throws Exception {
    return DriverManager.getConnection(
        PostgresTestDatabase.urlWithSchema(schema),
        PostgresTestDatabase.user(),
        PostgresTestDatabase.password());
  }

  private static long waitForSamples(String indexPrefix, long atLeast, Duration timeout)
      throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    String alias = new IndexNames(indexPrefix).samplesAlias();
    while (System.nanoTime() < deadline) {
      try {
        long count = LocalElasticsearchExtension.client().count(c -> c.index(alias)).count();
        if (count >= atLeast) {
          return count;
        }
      } catch (Exception e) {
        // the index does not exist yet
      }
      Thread.sleep(100);
    }
    throw new AssertionError(
        "fewer than " + atLeast + " samples in " + alias + " after " + timeout);
  }

  /** Document ids without their slot part ({@code slot|profile|vantage|keyword...}). */
  private static List<String> withoutSlot(List<String> ids) {
    return ids.stream().map(id -> id.substring(id.indexOf('|'))).toList();
  }

  private static ChildProcess firstRunning(ChildProcess one, ChildProcess two, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (one.saw("running partition")) {
        return one;
      }
      if (two.saw("running partition")) {
        return two;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no worker started a partition within " + timeout);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static ChildProcess start(String role, List<String> arguments, List<String> properties)
      throws IOException {
    List<String> command = ChildJvm.command("384m", RemoteChildMain.class);
    command.add(role);
    command.addAll(arguments);
    command.addAll(properties);
    ChildProcess child =
        ChildProcess.start(
            role.equals("standby") ? "worker" : role, command, Path.of("target", "remote-it"));
    children.add(child.process());
    return child;
  }
}
