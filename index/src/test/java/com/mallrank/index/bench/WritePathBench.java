package com.mallrank.index.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.mallrank.index.client.EsClients;
import com.mallrank.index.client.EsConnection;
import com.mallrank.index.document.ListingDocument;
import com.mallrank.index.document.SampleDocument;
import com.mallrank.index.local.LocalElasticsearch;
import com.mallrank.index.local.LocalElasticsearchSettings;
import com.mallrank.index.schema.IndexBootstrap;
import com.mallrank.index.schema.IndexNames;
import com.mallrank.index.testing.Fixtures;
import com.mallrank.index.testing.TestIndices;
import com.mallrank.index.write.BulkResponses;
import com.mallrank.index.write.Snapshot;
import com.mallrank.index.write.SnapshotWriter;
import com.mallrank.index.write.WriteResult;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The write path against raw {@code _bulk}: {@code 200,000} listings (10,000 ok samples of 20
 * listings), 10 samples per bulk (210 documents, ≈ 115 KB), written by
 *
 * <ul>
 *   <li><b>raw</b>: the bytes {@link SnapshotWriter#requestBody} gives for the chunk, POSTed to
 *       {@code _bulk} by {@link java.net.http.HttpClient} (serialisation not timed: the floor);
 *   <li><b>writer</b>: {@link SnapshotWriter#writeAll} with the shipped default {@code refresh:
 *       false} (serialisation, the bulk, the typed answer and its item checks, the stale look-up
 *       decision all timed);
 *   <li><b>before</b>: what the writer did before issue 11 (the Java client's {@code BulkRequest}
 *       of typed operations and one {@code _search} for stale listings before every bulk), kept
 *       here to compare in the same run;
 *   <li><b>wait_for</b>: the writer with {@code refresh: wait_for} (the former default), on fewer
 *       bulks since each waits for the next refresh (1 s).
 * </ul>
 *
 * Every variant writes fresh documents (a slot's first run, the sampling path's common case) into
 * its own index prefix {@code bench-write-*} of the same server, deleted afterwards. Raw, writer
 * and before take turns bulk by bulk (who goes first rotates), so the load of a shared machine
 * falls on all three alike; the figures are the totals over the measured rounds (round 0 is a
 * warm-up of 20,000 listings each).
 *
 * <p>Run: see {@code docs/benchmarks.md}. Arguments: {@code [rounds] [wait_for bulks]}.
 */
public final class WritePathBench {

  static final int SAMPLES = 10_000;
  static final int LISTINGS_PER_SAMPLE = 20;
  static final int PER_BULK = 10;
  static final int WARMUP_SAMPLES = 1_000;
  static final Instant SLOT = Instant.parse("2026-11-30T08:00:00Z");

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 2;
    int waitForBulks = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    int port = Integer.getInteger("mallrank.test.es.port", 9250);
    Path dataDir =
        Path.of(System.getProperty("mallrank.test.data.dir", "/tmp/mallrank-bench-write-es"));
    LocalElasticsearch server =
        LocalElasticsearch.ensureRunning(
            LocalElasticsearchSettings.of(dataDir, port).withShutdownHook(false));
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    URI bulkUri = URI.create(server.url() + "/_bulk");
    Map<String, long[]> nanosAndListings = new LinkedHashMap<>();
    List<IndexNames> used = new ArrayList<>();
    try (ElasticsearchClient client = EsClients.create(EsConnection.of(server.url()))) {
      System.out.printf(
          Locale.ROOT,
          "Elasticsearch at %s, %d rounds of %,d listings (%d samples per bulk)%n",
          server.url(),
          rounds,
          SAMPLES * LISTINGS_PER_SAMPLE,
          PER_BULK);
      List<String> variants = List.of("raw", "writer", "before");
      for (int round = 0; round <= rounds; round++) {
        int samples = round == 0 ? WARMUP_SAMPLES : SAMPLES;
        Map<String, IndexNames> names = new LinkedHashMap<>();
        Map<String, SnapshotWriter> writers = new LinkedHashMap<>();
        Map<String, long[]> measured = new LinkedHashMap<>();
        for (String variant : variants) {
          IndexNames prefix = fresh(client, "bench-write-" + variant + "-" + round, used);
          names.put(variant, prefix);
          writers.put(variant, new SnapshotWriter(client, prefix, Refresh.False));
          measured.put(variant, new long[2]);
        }
        // bulk by bulk, the variants in turn (rotating who goes first): load on the shared
        // machine hits all three alike
        for (int from = 0, turn = 0; from < samples; from += PER_BULK, turn++) {
          List<Snapshot> chunk = chunk(from);
          for (int v = 0; v < variants.size(); v++) {
            String variant = variants.get((v + turn) % variants.size());
            long[] m = measured.get(variant);
            m[0] +=
                switch (variant) {
                  case "raw" -> raw(http, bulkUri, writers.get("raw").requestBody(chunk));
                  case "writer" -> timed(() -> writers.get("writer").writeAll(chunk));
                  default -> timed(() -> formerWriteAll(client, names.get("before"), chunk));
                };
            m[1] += (long) PER_BULK * LISTINGS_PER_SAMPLE;
          }
        }
        for (String variant : variants) {
          check(client, names.get(variant), samples);
          TestIndices.deleteIndices(client, names.get(variant));
          long[] m = measured.get(variant);
          System.out.printf(
              Locale.ROOT,
              "round %d %-7s %,8d listings in %,6d ms: %,8.0f listings/s%n",
              round,
              variant,
              m[1],
              m[0] / 1_000_000,
              m[1] * 1e9 / m[0]);
          if (round > 0) {
            nanosAndListings.merge(variant, m, (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]});
          }
        }
      }
      IndexNames names = fresh(client, "bench-write-wait-for", used);
      long[] waitFor =
          writer(new SnapshotWriter(client, names, Refresh.WaitFor), waitForBulks * PER_BULK);
      check(client, names, waitForBulks * PER_BULK);
      TestIndices.deleteIndices(client, names);
      nanosAndListings.put("wait_for", waitFor);

      double raw = rate(nanosAndListings.get("raw"));
      System.out.println();
      System.out.println("| variant | listings | ms | listings/s | vs raw `_bulk` |");
      System.out.println("|---|---:|---:|---:|---:|");
      nanosAndListings.forEach(
          (variant, m) ->
              System.out.printf(
                  Locale.ROOT,
                  "| %s | %,d | %,d | %,.0f | %.2f× |%n",
                  variant,
                  m[1],
                  m[0] / 1_000_000,
                  rate(m),
                  rate(m) / raw));
    } finally {
      if (!used.isEmpty()) {
        try (ElasticsearchClient client = EsClients.create(EsConnection.of(server.url()))) {
          for (IndexNames names : used) {
            TestIndices.deleteIndices(client, names);
            TestIndices.deleteTemplates(client, names);
          }
        }
      }
    }
  }

  private static double rate(long[] nanosAndListings) {
    return nanosAndListings[1] * 1e9 / nanosAndListings[0];
  }

  /** The chunk of samples {@code from .. from+PER_BULK-1}: keyword {@code kw<n>}, 20 listings. */
  static List<Snapshot> chunk(int from) {
    List<Snapshot> chunk = new ArrayList<>(PER_BULK);
    for (int s = from; s < from + PER_BULK; s++) {
      String keyword = String.format(Locale.ROOT, "bench keyword %05d", s);
      String vantage = s % 2 == 0 ? Fixtures.ANONYMOUS : "acct-" + (s % 5 + 1);
      chunk.add(
          new Snapshot(
              Fixtures.sample(SLOT, keyword, vantage, "ok", LISTINGS_PER_SAMPLE),
              Fixtures.listings(SLOT, keyword, vantage, LISTINGS_PER_SAMPLE)));
    }
    return chunk;
  }

  /** Timed: the POST of the pre-built body and reading its answer. */
  private static long raw(HttpClient http, URI bulkUri, byte[] body) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(bulkUri)
            .header("Content-Type", "application/x-ndjson")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    long t0 = System.nanoTime();
    HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    long nanos = System.nanoTime() - t0;
    String head = new String(response.body(), 0, 64, StandardCharsets.UTF_8);
    if (response.statusCode() != 200 || !head.contains("\"errors\":false")) {
      throw new IllegalStateException("raw bulk failed: " + response.statusCode() + " " + head);
    }
    return nanos;
  }

  interface Work {
    void run() throws Exception;
  }

  private static long timed(Work work) throws Exception {
    long t0 = System.nanoTime();
    work.run();
    return System.nanoTime() - t0;
  }

  /** Timed: {@code writeAll} of the chunk. */
  private static long[] writer(SnapshotWriter writer, int samples) {
    long nanos = 0;
    long listings = 0;
    for (int from = 0; from < samples; from += PER_BULK) {
      List<Snapshot> chunk = chunk(from);
      long t0 = System.nanoTime();
      WriteResult result = writer.writeAll(chunk);
      nanos += System.nanoTime() - t0;
      listings += result.listings();
    }
    return new long[] {nanos, listings};
  }

  /** {@code SnapshotWriter.writeAll} as it was before issue 11 (refresh false). */
  private static int formerWriteAll(
      ElasticsearchClient client, IndexNames names, List<Snapshot> snapshots) throws Exception {
    List<BulkOperation> operations = new ArrayList<>();
    List<String> listingIds = new ArrayList<>();
    Map<List<String>, List<FieldValue>> keywords = new LinkedHashMap<>();
    int count = 0;
    for (Snapshot snapshot : snapshots) {
      SampleDocument sample = snapshot.sample();
      String samplesIndex = names.samplesIndex(sample.slot());
      operations.add(
          BulkOperation.of(
              o -> o.index(i -> i.index(samplesIndex).id(sample.id()).document(sample))));
      keywords
          .computeIfAbsent(
              List.of(sample.slot().toString(), sample.vantage(), sample.profile()),
              k -> new ArrayList<>())
          .add(FieldValue.of(sample.keyword()));
      String listingsIndex = names.listingsIndex(sample.slot());
      for (ListingDocument listing : snapshot.listings()) {
        operations.add(
            BulkOperation.of(
                o -> o.index(i -> i.index(listingsIndex).id(listing.id()).document(listing))));
        listingIds.add(listing.id());
        count++;
      }
    }
    List<Query> should = new ArrayList<>();
    keywords.forEach(
        (key, values) ->
            should.add(
                Query.of(
                    q ->
                        q.bool(
                            b ->
                                b.filter(f -> f.term(t -> t.field("slot").value(key.get(0))))
                                    .filter(f -> f.term(t -> t.field("vantage").value(key.get(1))))
                                    .filter(f -> f.term(t -> t.field("profile").value(key.get(2))))
                                    .filter(
                                        f ->
                                            f.terms(
                                                t ->
                                                    t.field("keyword")
                                                        .terms(v -> v.value(values))))))));
    List<Hit<Void>> stale =
        client
            .search(
                r ->
                    r.index(names.listingsIndex(SLOT))
                        .ignoreUnavailable(true)
                        .allowNoIndices(true)
                        .query(
                            q ->
                                q.bool(
                                    b ->
                                        b.should(should)
                                            .minimumShouldMatch("1")
                                            .mustNot(m -> m.ids(i -> i.values(listingIds)))))
                        .source(src -> src.fetch(false))
                        .size(1_000)
                        .sort(o -> o.field(f -> f.field("slot")))
                        .sort(o -> o.field(f -> f.field("vantage")))
                        .sort(o -> o.field(f -> f.field("keyword")))
                        .sort(o -> o.field(f -> f.field("position"))),
                Void.class)
            .hits()
            .hits();
    for (Hit<Void> hit : stale) {
      operations.add(BulkOperation.of(o -> o.delete(d -> d.index(hit.index()).id(hit.id()))));
    }
    BulkResponses.requireAllSucceeded(
        client.bulk(BulkRequest.of(b -> b.operations(operations).refresh(Refresh.False))));
    return count;
  }

  private static IndexNames fresh(ElasticsearchClient client, String prefix, List<IndexNames> used)
      throws Exception {
    IndexNames names = new IndexNames(prefix);
    used.add(names);
    TestIndices.deleteIndices(client, names);
    new IndexBootstrap(client, names).apply();
    return names;
  }

  /** Every listing and sample arrived (after a refresh). */
  private static void check(ElasticsearchClient client, IndexNames names, int samples)
      throws Exception {
    client.indices().refresh(r -> r.index(names.allIndicesPattern()));
    long listings = client.count(c -> c.index(names.listingsAlias())).count();
    long stored = client.count(c -> c.index(names.samplesAlias())).count();
    if (listings != (long) samples * LISTINGS_PER_SAMPLE || stored != samples) {
      throw new IllegalStateException(
          names.prefix() + ": " + listings + " listings, " + stored + " samples stored");
    }
  }
}
