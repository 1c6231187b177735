package com.mallrank.index.local;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.cat.shards.ShardsRecord;
import com.mallrank.index.client.EsClients;
import com.mallrank.index.client.EsConnection;
import com.mallrank.index.report.Reports;
import com.mallrank.index.schema.IndexBootstrap;
import com.mallrank.index.schema.IndexNames;
import com.mallrank.index.testing.Fixtures;
import com.mallrank.index.testing.ThrowawayNodes;
import com.mallrank.index.write.BulkRetry;
import com.mallrank.index.write.Snapshot;
import com.mallrank.index.write.SnapshotWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Three nodes of the local distribution on their own ports (never the shared test server), data
 * under {@code target/}: the node the writer talks to is killed (SIGKILL) while a stream of {@link
 * SnapshotWriter} bulks runs; the writes wait in {@link BulkRetry} and complete once the node is
 * back; every document is then on its primary and on its replica, and the cluster is green. Then,
 * on the same cluster, a client given all three node URLs loses its first node and goes on at once.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ElasticsearchClusterIT {

  private static final int SAMPLES_PER_BULK = 5;
  private static final int LISTINGS_PER_SAMPLE = 20;
  private static final Instant SLOT = Instant.parse("2026-11-30T10:00:00Z");

  private static LocalElasticsearchSettings base;
  private static LocalElasticsearchCluster cluster;

  @BeforeAll
  static void startCluster() throws IOException {
    Path dir = Path.of("target", "es-cluster-it").toAbsolutePath();
    deleteTree(dir);
    base =
        ThrowawayNodes.settings(dir, 3)
            .withStartTimeout(Duration.ofMinutes(4))
            .withShutdownHook(true);
    cluster = LocalElasticsearchCluster.ensureRunning(base, 3);
  }

  @AfterAll
  static void stopCluster() {
    if (base != null) {
      LocalElasticsearchCluster.stopRunning(base);
    }
  }

  @Test
  @Order(1)
  void aNodeKilledDuringBulkWritesLosesNothingAndItsReplicasComeBack() throws Exception {
    assertThat(cluster.nodes()).hasSize(3);
    assertThat(cluster.nodes()).allMatch(LocalElasticsearch::startedHere);
    LocalElasticsearch victim = cluster.nodes().get(2);
    ElasticsearchClient survivor = EsClients.create(EsConnection.of(cluster.url()));
    ElasticsearchClient toVictim = EsClients.create(EsConnection.of(victim.url()));
    try {
      assertThat(survivor.cluster().health().numberOfNodes()).isEqualTo(3);
      IndexNames names = new IndexNames("cluster-it");
      new IndexBootstrap(survivor, names, 1).apply();
      // writes go to the node that dies; the stale-listing look-up reads through a survivor
      SnapshotWriter writer = new SnapshotWriter(toVictim, survivor, names, Refresh.False);

      AtomicInteger bulksDone = new AtomicInteger();
      AtomicBoolean stop = new AtomicBoolean();
      AtomicReference<Throwable> failed = new AtomicReference<>();
      Thread stream =
          new Thread(
              () -> {
                try {
                  for (int bulk = 0; !stop.get(); bulk++) {
                    writer.writeAll(snapshots(bulk));
                    bulksDone.incrementAndGet();
                    Thread.sleep(50);
                  }
                } catch (Throwable e) {
                  failed.set(e);
                }
              },
              "bulk-stream");
      long retriesBefore = BulkRetry.retriesSoFar();
      stream.start();
      awaitTrue(() -> bulksDone.get() >= 5, Duration.ofSeconds(60), "5 bulks before the kill");

      OptionalLong pid = victim.pid();
      assertThat(pid).isPresent();
      ProcessHandle process = ProcessHandle.of(pid.getAsLong()).orElseThrow();
      process.destroyForcibly();
      process.onExit().get();
      int doneAtKill = bulksDone.get();

      // the survivors go on as a cluster of two (yellow: the lost node's replicas are missing)
      awaitTrue(
          () -> survivor.cluster().health().numberOfNodes() == 2,
          Duration.ofSeconds(60),
          "the cluster to notice the lost node");
      assertThat(survivor.cluster().health().status()).isNotEqualTo(HealthStatus.Green);
      awaitTrue(
          () -> BulkRetry.retriesSoFar() > retriesBefore,
          Duration.ofSeconds(30),
          "the writer to retry against the lost node");
      assertThat(stream.isAlive()).isTrue();
      assertThat(failed.get()).isNull();

      LocalElasticsearch restarted =
          LocalElasticsearch.ensureRunning(cluster.settings().get(2).withShutdownHook(true));
      assertThat(restarted.startedHere()).isTrue();
      awaitTrue(
          () -> bulksDone.get() >= doneAtKill + 5 || failed.get() != null,
          Duration.ofSeconds(150),
          "5 bulks after the restart");
      stop.set(true);
      stream.join(Duration.ofMinutes(3).toMillis());
      assertThat(failed.get()).as("the bulk stream's failure").isNull();
      int bulks = bulksDone.get();

      HealthStatus status =
          survivor
              .cluster()
              .health(
                  h ->
                      h.index(names.listingsPattern(), names.samplesPattern())
                          .waitForStatus(HealthStatus.Green)
                          .waitForNoRelocatingShards(true)
                          .timeout(t -> t.time("120s")))
              .status();
      assertThat(status).isEqualTo(HealthStatus.Green);
      survivor.indices().refresh(r -> r.index(names.listingsPattern(), names.samplesPattern()));

      assertCopies(survivor, names.samplesIndex(SLOT), bulks * SAMPLES_PER_BULK);
      assertCopies(
          survivor, names.listingsIndex(SLOT), bulks * SAMPLES_PER_BULK * LISTINGS_PER_SAMPLE);
      assertThat(survivor.count(c -> c.index(names.listingsIndex(SLOT))).count())
          .isEqualTo((long) bulks * SAMPLES_PER_BULK * LISTINGS_PER_SAMPLE);
    } finally {
      toVictim._transport().close();
      survivor._transport().close();
    }
  }

  /**
   * {@code index.es.url} with every node: the first node of the list (not the elected master, so no
   * election slows the survivors) is killed and not restarted; writes, their stale-listing look-ups
   * and a report count go on through the other two at once. Runs last: it leaves the cluster at two
   * nodes.
   */
  @Test
  @Order(2)
  void aClientOverAllNodesLosesNoRequestWhenItsFirstNodeDies() throws Exception {
    List<LocalElasticsearch> running = new ArrayList<>();
    for (LocalElasticsearchSettings node : cluster.settings()) {
      running.add(LocalElasticsearch.findRunning(node).orElseThrow());
    }
    ElasticsearchClient probe = EsClients.create(EsConnection.of(cluster.url()));
    ElasticsearchClient all = null;
    try {
      awaitTrue(
          () -> probe.cluster().health().numberOfNodes() == 3,
          Duration.ofSeconds(60),
          "three nodes");
      String masterId = probe.cat().master().valueBody().get(0).id();
      String masterHttp =
          probe.nodes().info(i -> i.metric("http")).nodes().get(masterId).http().publishAddress();
      LocalElasticsearch victim =
          running.stream()
              .filter(n -> !masterHttp.endsWith(":" + java.net.URI.create(n.url()).getPort()))
              .findFirst()
              .orElseThrow();
      List<String> urls = new ArrayList<>();
      urls.add(victim.url());
      running.stream()
          .map(LocalElasticsearch::url)
          .filter(u -> !u.equals(victim.url()))
          .forEach(urls::add);
      EsConnection connection = EsConnection.of(String.join(",", urls));
      assertThat(connection.urls()).hasSize(3).first().isEqualTo(victim.url());
      all = EsClients.create(connection);

      IndexNames names = new IndexNames("hosts-it");
      new IndexBootstrap(all, names, 1).apply();
      SnapshotWriter writer = new SnapshotWriter(all, all, names, Refresh.True);
      Reports reports = new Reports(all, names);
      writer.writeAll(snapshots(0));
      writer.writeAll(snapshots(0)); // a re-run: its stale-listing look-up searches
      assertThat(reports.counts(SLOT).listings()).isEqualTo(SAMPLES_PER_BULK * LISTINGS_PER_SAMPLE);
      // every replica started (in sync) before the kill: a primary on the victim whose replica is
      // still recovering from it has no copy to promote, and its writes wait for it forever
      assertThat(
              probe
                  .cluster()
                  .health(
                      h ->
                          h.index(names.listingsPattern(), names.samplesPattern())
                              .waitForStatus(HealthStatus.Green)
                              .waitForNoInitializingShards(true)
                              .timeout(t -> t.time("120s")))
                  .status())
          .isEqualTo(HealthStatus.Green);

      ProcessHandle process = ProcessHandle.of(victim.pid().orElseThrow()).orElseThrow();
      process.destroyForcibly();
      process.onExit().get();
      long killedAt = System.nanoTime();

      int bulks = 4;
      for (int bulk = 1; bulk <= bulks; bulk++) {
        writer.writeAll(snapshots(bulk));
        writer.writeAll(snapshots(bulk)); // each request round-robins: the dead node gets its turn
      }
      assertThat(reports.counts(SLOT).listings())
          .isEqualTo((long) (bulks + 1) * SAMPLES_PER_BULK * LISTINGS_PER_SAMPLE);
      assertThat(reports.counts(SLOT).samples()).isEqualTo((long) (bulks + 1) * SAMPLES_PER_BULK);
      Duration took = Duration.ofNanos(System.nanoTime() - killedAt);
      // no waiting for the node to return (it never does here), at most for a replica's promotion
      assertThat(took).isLessThan(Duration.ofSeconds(45));
      assertThat(process.isAlive()).isFalse();
    } finally {
      if (all != null) {
        all._transport().close();
      }
      probe._transport().close();
    }
  }

  /** One primary and one replica, started, on two different nodes, each with exactly n docs. */
  private static void assertCopies(ElasticsearchClient client, String index, long n)
      throws IOException {
    List<ShardsRecord> shards = client.cat().shards(s -> s.index(index)).valueBody();
    assertThat(shards).hasSize(2);
    assertThat(shards).extracting(ShardsRecord::prirep).containsExactlyInAnyOrder("p", "r");
    assertThat(shards).extracting(ShardsRecord::state).containsOnly("STARTED");
    assertThat(shards).extracting(ShardsRecord::docs).containsOnly(String.valueOf(n));
    assertThat(shards.get(0).node()).isNotEqualTo(shards.get(1).node());
  }

  private static List<Snapshot> snapshots(int bulk) {
    List<Snapshot> snapshots = new ArrayList<>();
    for (int s = 0; s < SAMPLES_PER_BULK; s++) {
      String keyword = "kw-" + bulk + "-" + s;
      snapshots.add(
          new Snapshot(
              Fixtures.sample(SLOT, keyword, Fixtures.ANONYMOUS, "ok", LISTINGS_PER_SAMPLE),
              Fixtures.listings(SLOT, keyword, Fixtures.ANONYMOUS, LISTINGS_PER_SAMPLE)));
    }
    return snapshots;
  }

  interface Check {
    boolean ok() throws Exception;
  }

  private static void awaitTrue(Check check, Duration timeout, String what) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      boolean ok;
      try {
        ok = check.ok();
      } catch (IOException | RuntimeException e) {
        ok = false;
      }
      if (ok) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + timeout + " waiting for " + what);
      }
      Thread.sleep(200);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
