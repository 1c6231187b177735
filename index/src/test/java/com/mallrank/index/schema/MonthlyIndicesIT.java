package com.mallrank.index.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch._types.Refresh;
import com.mallrank.index.changes.ChangeDetector;
import com.mallrank.index.changes.DetectionResult;
import com.mallrank.index.document.ListingDocument;
import com.mallrank.index.testing.DetectionDefaults;
import com.mallrank.index.testing.Fixtures;
import com.mallrank.index.testing.LocalElasticsearchTest;
import com.mallrank.index.testing.TestIndices;
import com.mallrank.index.write.Snapshot;
import com.mallrank.index.write.SnapshotWriter;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A month's indices created ahead of the month, and their creation under concurrent writers, on the
 * real Elasticsearch. Two writers (two groups' slot jobs, each with its own {@link MonthlyIndices},
 * as two processes have) meet at each month boundary: group "one" samples the first slot of the
 * month and detects its changes while group "two", whose last slot of the month before ran late (or
 * was restarted), is still detecting that slot, keyword by keyword, each search answered by every
 * shard. Before, the month's indices were created by group one's first bulk into them, and group
 * two's searches of the aliases met a new index whose shard was still starting: 503 "no shard
 * available" ({@code search_phase_execution_exception}, missing shards), and its slot failed.
 */
@LocalElasticsearchTest
class MonthlyIndicesIT {

  private static final int KEYWORDS = 6;
  private static final int LISTINGS = 20;
  private static final String ANON = Fixtures.ANONYMOUS;
  private static final List<Instant> BOUNDARIES =
      List.of(Instant.parse("2026-12-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"));

  /** Every keyword compared with its previous slot: one price event per listing. */
  private static final DetectionResult EVERY_PRICE_CHANGED =
      new DetectionResult(KEYWORDS, 0, KEYWORDS * LISTINGS, 0);

  @Test
  void twoWritersAtMonthBoundariesBothSucceedWithExactCounts(TestIndices es) throws Exception {
    es.bootstrap();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Writer one = new Writer(es, "one");
      Writer two = new Writer(es, "two");
      for (Instant boundary : BOUNDARIES) {
        Instant late = boundary.minus(Duration.ofMinutes(10));
        Instant earlier = late.minus(Duration.ofHours(1));
        for (Writer writer : List.of(one, two)) {
          writer.slot(earlier, 10_000);
          assertThat(writer.slot(late, 9_500)).isEqualTo(EVERY_PRICE_CHANGED);
        }

        CyclicBarrier start = new CyclicBarrier(2);
        CompletableFuture<DetectionResult> first =
            CompletableFuture.supplyAsync(
                () -> {
                  await(start);
                  return one.slot(boundary, 9_000);
                },
                pool);
        CompletableFuture<List<DetectionResult>> second =
            CompletableFuture.supplyAsync(
                () -> {
                  await(start);
                  List<DetectionResult> passes = new ArrayList<>();
                  do {
                    passes.add(two.detect(late));
                  } while (!first.isDone());
                  return passes;
                },
                pool);

        assertThat(first.get(2, TimeUnit.MINUTES))
            .as("group one's first slot of %s", boundary)
            .isEqualTo(EVERY_PRICE_CHANGED);
        assertThat(second.get(2, TimeUnit.MINUTES))
            .as("group two's late slot %s, detected again and again meanwhile", late)
            .isNotEmpty()
            .containsOnly(EVERY_PRICE_CHANGED);
        es.client()
            .indices()
            .refresh(r -> r.index(es.names().allIndicesPattern()).ignoreUnavailable(true));
        assertThat(count(es, es.names().samplesIndex(boundary))).isEqualTo(KEYWORDS);
        assertThat(count(es, es.names().listingsIndex(boundary))).isEqualTo(KEYWORDS * LISTINGS);
        assertThat(count(es, es.names().changesIndex(boundary))).isEqualTo(KEYWORDS * LISTINGS);
        assertThat(countOfSlot(es, es.names().samplesAlias(), late)).isEqualTo(2 * KEYWORDS);
        assertThat(countOfSlot(es, es.names().changesAlias(), late))
            .isEqualTo(2 * KEYWORDS * LISTINGS);
      }
      // the month after the last boundary was created ahead, empty, with its template's alias
      Instant ahead = Instant.parse("2027-02-01T00:00:00Z");
      assertThat(count(es, es.names().samplesIndex(ahead))).isZero();
      assertThat(
              es.client()
                  .indices()
                  .get(g -> g.index(es.names().changesIndex(ahead)))
                  .result()
                  .get(es.names().changesIndex(ahead))
                  .aliases())
          .containsKey(es.names().changesAlias());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void twoProcessesCreatingOneMonthAtOnceBothSucceedAndCreateEachIndexOnce(TestIndices es)
      throws Exception {
    es.bootstrap();
    YearMonth month = YearMonth.of(2027, 4);
    CyclicBarrier start = new CyclicBarrier(2);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<CompletableFuture<List<String>>> both = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        MonthlyIndices process =
            new MonthlyIndices(es.client(), es.names(), Duration.ofSeconds(30));
        both.add(
            CompletableFuture.supplyAsync(
                () -> {
                  await(start);
                  return process.ensure(month);
                },
                pool));
      }
      List<String> created = new ArrayList<>(both.get(0).get(1, TimeUnit.MINUTES));
      created.addAll(both.get(1).get(1, TimeUnit.MINUTES));
      Instant day = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
      assertThat(created)
          .as("resource_already_exists_exception is success: each index created by one of them")
          .containsExactlyInAnyOrder(
              es.names().listingsIndex(day),
              es.names().samplesIndex(day),
              es.names().changesIndex(day));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void creationIsIdempotentAndAMonthFoundReadySendsNothing(TestIndices es) throws Exception {
    es.bootstrap();
    YearMonth month = YearMonth.of(2027, 5);
    MonthlyIndices mine = new MonthlyIndices(es.client(), es.names(), Duration.ofSeconds(30));
    MonthlyIndices other = new MonthlyIndices(es.client(), es.names(), Duration.ofSeconds(30));
    Instant day = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();

    assertThat(mine.ensure(month))
        .containsExactly(
            es.names().listingsIndex(day),
            es.names().samplesIndex(day),
            es.names().changesIndex(day));
    assertThat(other.ensure(month)).as("another process: they exist, nothing created").isEmpty();
    // remembered: even with the indices gone, the month is not asked for again
    TestIndices.deleteIndices(es.client(), es.names());
    assertThat(mine.ensure(month)).isEmpty();
    assertThat(es.client().indices().exists(e -> e.index(es.names().samplesIndex(day))).value())
        .isFalse();
  }

  @Test
  void aMonthWhoseShardCannotStartIsAnErrorNamingItsIndices(TestIndices es) throws Exception {
    es.bootstrap();
    Instant day = Instant.parse("2027-06-01T00:00:00Z");
    es.createUnallocatable(es.names().changesIndex(day));

    MonthlyIndices monthly = new MonthlyIndices(es.client(), es.names(), Duration.ofSeconds(1));
    assertThatThrownBy(() -> monthly.ensure(YearMonth.of(2027, 6)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "the indices of 2027-06 ["
                + es.names().listingsIndex(day)
                + ", "
                + es.names().samplesIndex(day)
                + ", "
                + es.names().changesIndex(day)
                + "] have no active primary after 1 s: see GET _cluster/allocation/explain");
  }

  private static void await(CyclicBarrier barrier) {
    try {
      barrier.await(1, TimeUnit.MINUTES);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static long countOfSlot(TestIndices es, String alias, Instant slot) throws IOException {
    return es.client()
        .count(c -> c.index(alias).query(Filters.term(Fields.SLOT, slot.toString())))
        .count();
  }

  private static long count(TestIndices es, String index) throws IOException {
    return es.client().count(c -> c.index(index)).count();
  }

  /** One group's slot job: its own keywords, its own month cache, the shared cluster. */
  private static final class Writer {
    private final String group;
    private final MonthlyIndices months;
    private final SnapshotWriter snapshots;
    private final ChangeDetector detector;

    Writer(TestIndices es, String group) {
      this.group = group;
      this.months = new MonthlyIndices(es.client(), es.names(), Duration.ofSeconds(30));
      this.snapshots = new SnapshotWriter(es.client(), es.names(), Refresh.True);
      this.detector =
          new ChangeDetector(
              es.client(),
              es.names(),
              DetectionDefaults.settings(),
              Clock.systemUTC(),
              Refresh.True);
    }

    /** Samples the slot (prices from {@code basePrice}) and detects its changes. */
    DetectionResult slot(Instant slot, long basePrice) {
      months.ensureAround(slot); // what the slot job's start does
      List<Snapshot> written = new ArrayList<>();
      for (int k = 0; k < KEYWORDS; k++) {
        String keyword = group + "-" + k;
        List<ListingDocument> listings = new ArrayList<>();
        for (int position = 1; position <= LISTINGS; position++) {
          listings.add(
              Fixtures.listing(slot, keyword, ANON, position)
                  .priceFen(basePrice + position)
                  .build());
        }
        written.add(new Snapshot(Fixtures.sample(slot, keyword, ANON, "ok", LISTINGS), listings));
      }
      snapshots.writeAll(written);
      return detect(slot);
    }

    /** Detects the slot's changes keyword by keyword, as a restarted slot does. */
    DetectionResult detect(Instant slot) {
      int compared = 0;
      int skipped = 0;
      int events = 0;
      long stale = 0;
      for (int k = 0; k < KEYWORDS; k++) {
        DetectionResult one = detector.detect(slot, Fixtures.PROFILE, group + "-" + k, ANON);
        compared += one.compared();
        skipped += one.skipped();
        events += one.events();
        stale += one.staleDeleted();
      }
      return new DetectionResult(compared, skipped, events, stale);
    }
  }
}
