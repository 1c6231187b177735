package com.mallrank.index.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import com.mallrank.index.client.EsClients;
import com.mallrank.index.client.EsConnection;
import com.mallrank.index.document.ListingDocument;
import com.mallrank.index.document.SampleDocument;
import com.mallrank.index.local.LocalElasticsearch;
import com.mallrank.index.local.LocalElasticsearchSettings;
import com.mallrank.index.report.CoverageReport;
import com.mallrank.index.report.Reports;
import com.mallrank.index.schema.Fields;
import com.mallrank.index.schema.Filters;
import com.mallrank.index.schema.IndexBootstrap;
import com.mallrank.index.schema.IndexNames;
import com.mallrank.index.write.BulkResponses;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Coverage report against a plain filtered {@code _search} on ≈2 million listings: 200 keywords × 3
 * vantages × 7 days × 24 hourly slots × 20 positions = 2,016,000 documents (plus 100,800 samples),
 * generated deterministically into the prefix {@code bench-coverage} (kept between runs; {@code
 * -Dbench.regenerate=true} writes them again). Coverage runs over the first quarter, half and all
 * of the week, and the client heap is read before and after a GC each time.
 *
 * <p>Data: keyword {@code k} has an own listing of {@code acct-(k%3+1)} at position {@code
 * (7k+slot)%30+1} when that is ≤ 20; every fifth keyword also one of the next account at {@code
 * (k+slot)%20+1} (cannibalisation); keywords ending in 9 have none (gaps).
 *
 * <p>Run: see {@code docs/benchmarks.md}.
 */
public final class CoverageBench {

  static final int KEYWORDS = 200;
  static final List<String> VANTAGES = List.of("anonymous", "acct-1", "acct-2");
  static final int DAYS = 7;
  static final int POSITIONS = 20;
  static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
  static final int BULK = 10_000;
  static final int RUNS = 3;

  public static void main(String[] args) throws Exception {
    int port = Integer.getInteger("mallrank.test.es.port", 9252);
    Path dataDir = Path.of(System.getProperty("mallrank.test.data.dir", "/tmp/mallrank-bench-es"));
    LocalElasticsearch server =
        LocalElasticsearch.ensureRunning(
            LocalElasticsearchSettings.of(dataDir, port).withShutdownHook(false));
    IndexNames names = new IndexNames("bench-coverage");
    try (ElasticsearchClient client = EsClients.create(EsConnection.of(server.url()))) {
      new IndexBootstrap(client, names).apply();
      long expected = (long) KEYWORDS * VANTAGES.size() * DAYS * 24 * POSITIONS;
      long have = count(client, names.listingsAlias());
      if (have != expected || Boolean.getBoolean("bench.regenerate")) {
        generate(client, names);
        have = count(client, names.listingsAlias());
      }
      System.out.printf(Locale.ROOT, "listings: %,d (expected %,d)%n", have, expected);
      Reports reports = new Reports(client, names);
      Instant end = START.plus(Duration.ofDays(DAYS));
      reports.coverage(START, end, null, null); // warm-up
      plain(client, names, START, end);
      System.out.println(
          "| data | listings in range | coverage ms (median of 3) | plain _search ms | ratio |"
              + " heap before GC MiB | heap after GC MiB | cells | cannibalised kw | gaps |");
      System.out.println("|---|---|---|---|---|---|---|---|---|---|");
      for (int quarters : new int[] {1, 2, 4}) {
        Instant to = START.plus(Duration.ofHours((long) DAYS * 24 * quarters / 4));
        long[] coverageMs = new long[RUNS];
        long[] plainMs = new long[RUNS];
        long hits = 0;
        CoverageReport report = null;
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        for (int i = 0; i < RUNS; i++) {
          long t0 = System.nanoTime();
          report = reports.coverage(START, to, null, null);
          coverageMs[i] = (System.nanoTime() - t0) / 1_000_000;
          long t1 = System.nanoTime();
          hits = plain(client, names, START, to);
          plainMs[i] = (System.nanoTime() - t1) / 1_000_000;
        }
        long beforeGc = memory.getHeapMemoryUsage().getUsed();
        System.gc();
        long afterGc = memory.getHeapMemoryUsage().getUsed();
        long c = median(coverageMs);
        long p = median(plainMs);
        System.out.printf(
            Locale.ROOT,
            "| %d/4 | %,d | %d | %d | %.1f | %.1f | %.1f | %d | %d | %d |%n",
            quarters,
            hits,
            c,
            p,
            (double) c / Math.max(1, p),
            beforeGc / 1048576.0,
            afterGc / 1048576.0,
            report.cells().size(),
            report.cannibalisation().size(),
            report.gaps().size());
      }
    }
  }

  private static long plain(ElasticsearchClient client, IndexNames names, Instant from, Instant to)
      throws Exception {
    var response =
        client.search(
            s ->
                s.index(names.listingsAlias())
                    .size(0)
                    .trackTotalHits(t -> t.enabled(true))
                    .query(q -> q.bool(b -> b.filter(Filters.range(Fields.SLOT, from, to)))),
            Void.class);
    return response.hits().total().value();
  }

  private static long count(ElasticsearchClient client, String alias) throws Exception {
    return client.count(c -> c.index(alias).ignoreUnavailable(true).allowNoIndices(true)).count();
  }

  private static void generate(ElasticsearchClient client, IndexNames names) throws Exception {
    String listings = names.listingsIndex(START);
    String samples = names.samplesIndex(START);
    for (String index : List.of(listings, samples)) {
      if (client.indices().exists(e -> e.index(index)).value()) {
        client.indices().delete(d -> d.index(index));
      }
      client.indices().create(c -> c.index(index));
      client
          .indices()
          .putSettings(p -> p.index(index).settings(s -> s.refreshInterval(r -> r.time("-1"))));
    }
    long t0 = System.nanoTime();
    List<BulkOperation> batch = new ArrayList<>(BULK + 100);
    long written = 0;
    for (int hour = 0; hour < DAYS * 24; hour++) {
      Instant slot = START.plus(Duration.ofHours(hour));
      for (int k = 0; k < KEYWORDS; k++) {
        String keyword = String.format(Locale.ROOT, "kw%03d", k);
        for (String vantage : VANTAGES) {
          SampleDocument sample =
              new SampleDocument(
                  slot,
                  keyword,
                  List.of("bench"),
                  vantage,
                  "bench",
                  "ok",
                  POSITIONS,
                  100,
                  200,
                  null,
                  "http://bench/" + keyword,
                  null,
                  slot.plusSeconds(60),
                  null);
          batch.add(
              BulkOperation.of(
                  o -> o.index(i -> i.index(samples).id(sample.id()).document(sample))));
          int own1 = k % 10 == 9 ? -1 : (7 * k + hour) % 30 + 1;
          int own2 = k % 5 == 0 ? (k + hour) % 20 + 1 : -1;
          for (int position = 1; position <= POSITIONS; position++) {
            String account = null;
            String product = "c" + ((k * 31 + position * 7 + hour / 6) % 500);
            if (position == own1) {
              account = "acct-" + (k % 3 + 1);
              product = "own-" + account + "-" + k;
            } else if (position == own2) {
              account = "acct-" + ((k + 1) % 3 + 1);
              product = "own-" + account + "-" + k;
            }
            ListingDocument listing =
                new ListingDocument(
                    slot,
                    keyword,
                    "bench",
                    vantage,
                    position,
                    position,
                    false,
                    product,
                    keyword + " " + product,
                    "shop-" + product,
                    "店铺" + product,
                    9_900L + position,
                    1_000 + position,
                    null,
                    "img/" + product + ".jpeg",
                    null,
                    account,
                    slot.plusSeconds(60),
                    null,
                    null);
            batch.add(
                BulkOperation.of(
                    o -> o.index(i -> i.index(listings).id(listing.id()).document(listing))));
          }
          if (batch.size() >= BULK) {
            written += flush(client, batch);
          }
        }
      }
      if (hour % 24 == 23) {
        System.out.printf(
            Locale.ROOT,
            "day %d written (%,d docs, %d s)%n",
            hour / 24 + 1,
            written,
            (System.nanoTime() - t0) / 1_000_000_000);
      }
    }
    written += flush(client, batch);
    for (String index : List.of(listings, samples)) {
      client
          .indices()
          .putSettings(p -> p.index(index).settings(s -> s.refreshInterval(r -> r.time("1s"))));
      client.indices().refresh(r -> r.index(index));
    }
    client.indices().forcemerge(f -> f.index(listings).maxNumSegments(1L));
    System.out.printf(
        Locale.ROOT,
        "generated %,d documents in %d s%n",
        written,
        (System.nanoTime() - t0) / 1_000_000_000);
  }

  private static long flush(ElasticsearchClient client, List<BulkOperation> batch)
      throws Exception {
    if (batch.isEmpty()) {
      return 0;
    }
    List<BulkOperation> operations = List.copyOf(batch);
    batch.clear();
    BulkResponses.requireAllSucceeded(client.bulk(b -> b.operations(operations)));
    return operations.size();
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
