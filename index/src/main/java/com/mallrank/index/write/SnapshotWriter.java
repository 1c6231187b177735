package com.mallrank.index.write;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorResponse;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mallrank.index.client.EsClients;
import com.mallrank.index.document.ListingDocument;
import com.mallrank.index.document.SampleDocument;
import com.mallrank.index.schema.Fields;
import com.mallrank.index.schema.Filters;
import com.mallrank.index.schema.IndexNames;
import com.mallrank.index.schema.Searches;
import jakarta.json.stream.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.http.entity.ByteArrayEntity;
import org.apache.http.entity.ContentType;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;

/**
 * Writes samples and their listings: one bulk request per call, to the monthly indices of each
 * sample's slot, under the deterministic ids, so a re-run of a slot overwrites instead of
 * duplicating. The body is serialised once into one buffer ({@link BulkBody}) and sent through the
 * low-level client in one piece; the answer is parsed into the typed {@link BulkResponse}.
 *
 * <p>Stale listings: a rewrite of a sample whose earlier run had more positions would leave the
 * extra ones behind. The bulk answer tells which samples were rewritten (their sample or a listing
 * was {@code updated}, not {@code created}); only for those, one bounded search finds the listings
 * the earlier run left at positions not written now (the server has no delete-by-query) and a
 * second bulk deletes them before the call returns. A first write of a slot, the common case, costs
 * one request and no look-up.
 *
 * <p>Freshness: with {@link Refresh#False} (the shipped default) documents become searchable at the
 * index's next refresh (1 s) or at the refresh the sampling job does when a slot's sampling ends;
 * {@link Refresh#WaitFor} makes every bulk wait for a refresh (tests, one-off writes).
 *
 * <p>Every bulk item is checked: any failure raises a {@link BulkWriteException} naming the ids.
 * The writer is stateless and thread-safe; callers chunk large batches (a few hundred samples per
 * call).
 */
public final class SnapshotWriter {

  private static final int STALE_PAGE = 1_000;
  private static final ContentType NDJSON = ContentType.create("application/x-ndjson");

  private final ElasticsearchClient client;
  private final RestClient http;
  private final JsonpMapper jsonp;
  private final ObjectMapper mapper;
  private final ElasticsearchClient reads;
  private final IndexNames names;
  private final Refresh refresh;
  private final BulkRetry retry;

  /**
   * @param refresh the refresh policy of each write ({@link Refresh#WaitFor} in tests so the
   *     documents are searchable when the call returns; {@link Refresh#False} in production)
   */
  public SnapshotWriter(ElasticsearchClient client, IndexNames names, Refresh refresh) {
    this(client, client, names, refresh);
  }

  /**
   * A writer whose one search (the stale listings of a re-run) goes through {@code reads}: with
   * split credentials the writer role cannot search ({@code mallrank es roles}), it only indexes
   * and deletes listing documents.
   */
  public SnapshotWriter(
      ElasticsearchClient client, ElasticsearchClient reads, IndexNames names, Refresh refresh) {
    this(client, reads, names, refresh, BulkRetry.DEFAULT);
  }

  private SnapshotWriter(
      ElasticsearchClient client,
      ElasticsearchClient reads,
      IndexNames names,
      Refresh refresh,
      BulkRetry retry) {
    this.retry = Objects.requireNonNull(retry, "retry");
    this.reads = Objects.requireNonNull(reads, "reads");
    this.client = Objects.requireNonNull(client, "client");
    this.names = Objects.requireNonNull(names, "names");
    this.refresh = Objects.requireNonNull(refresh, "refresh");
    if (!(client._transport() instanceof RestClientTransport transport)) {
      throw new IllegalArgumentException(
          "the writer's client must use the REST client transport (EsClients.create)");
    }
    this.http = transport.restClient();
    this.jsonp = client._jsonpMapper();
    this.mapper =
        jsonp instanceof JacksonJsonpMapper jackson
            ? jackson.objectMapper()
            : EsClients.objectMapper();
  }

  /** A writer that does not wait for refreshes. */
  public SnapshotWriter(ElasticsearchClient client, IndexNames names) {
    this(client, names, Refresh.False);
  }

  /** The same writer, retrying bulks the cluster cannot take as {@code retry} says. */
  public SnapshotWriter withRetry(BulkRetry retry) {
    return new SnapshotWriter(client, reads, names, refresh, retry);
  }

  /**
   * Writes one sample and its listings.
   *
   * @throws IllegalArgumentException when the listings do not belong to the sample (see {@link
   *     Snapshot})
   * @throws BulkWriteException when any document was rejected
   */
  public WriteResult write(SampleDocument sample, List<ListingDocument> listings) {
    return writeAll(List.of(new Snapshot(sample, listings)));
  }

  /**
   * Writes many samples with their listings in one bulk request; a rewrite of samples an earlier
   * run stored (rare: a restarted chunk, a re-run slot) costs a second request that deletes the
   * listings that run left at positions this one no longer has.
   *
   * @throws BulkWriteException when any document was rejected
   */
  public WriteResult writeAll(List<Snapshot> snapshots) {
    if (snapshots.isEmpty()) {
      return new WriteResult(0, 0, 0);
    }
    BulkBody body = body(snapshots);
    int listingCount =
        snapshots.stream().filter(s -> !s.served()).mapToInt(s -> s.listings().size()).sum();
    BulkResponse response = sendUntilAccepted(body.toByteArray(), refresh);
    List<Snapshot> rewritten = rewritten(snapshots, response);
    long stale = rewritten.isEmpty() ? 0 : deleteStale(rewritten);
    return new WriteResult(snapshots.size(), listingCount, stale);
  }

  /**
   * {@link #send} with every item checked, retried while the cluster heals ({@link #retry}: a lost
   * node, a full queue); a retry rewrites the same ids, so nothing is stored twice.
   */
  private BulkResponse sendUntilAccepted(byte[] ndjson, Refresh policy) {
    return retry.run(
        () -> {
          BulkResponse response = send(ndjson, policy);
          BulkResponses.requireAllSucceeded(response);
          return response;
        });
  }

  /**
   * The exact body {@link #writeAll} sends first for these snapshots (the benchmark sends the same
   * bytes through a plain HTTP client).
   */
  public byte[] requestBody(List<Snapshot> snapshots) {
    return body(snapshots).toByteArray();
  }

  /** Each sample, then its listings unless it is served by an earlier fetch. */
  private BulkBody body(List<Snapshot> snapshots) {
    BulkBody body = new BulkBody(mapper);
    for (Snapshot snapshot : snapshots) {
      SampleDocument sample = snapshot.sample();
      body.index(names.samplesIndex(sample.slot()), sample.id(), sample);
      if (snapshot.served()) {
        continue; // its listings were stored with the fetch that serves this group too
      }
      String listingsIndex = names.listingsIndex(sample.slot());
      for (ListingDocument listing : snapshot.listings()) {
        body.index(listingsIndex, listing.id(), listing);
      }
    }
    return body;
  }

  /**
   * Sends one pre-serialised NDJSON body to {@code _bulk} as one buffer through the low-level
   * client, and parses the answer into the typed response (every item is checked by the caller).
   * The one place a bulk request leaves this writer.
   *
   * @throws ElasticsearchException when the whole request is refused (an HTTP error status)
   * @throws IOException when the request could not be sent or answered
   */
  BulkResponse send(byte[] ndjson, Refresh policy) throws IOException {
    Request request = new Request("POST", "/_bulk");
    if (policy != Refresh.False) {
      request.addParameter("refresh", policy.jsonValue());
    }
    request.setEntity(new ByteArrayEntity(ndjson, NDJSON));
    Response response;
    try {
      response = http.performRequest(request);
    } catch (ResponseException e) {
      throw refused(e);
    }
    try (InputStream in = response.getEntity().getContent();
        JsonParser parser = jsonp.jsonProvider().createParser(in)) {
      return BulkResponse._DESERIALIZER.deserialize(parser, jsonp);
    }
  }

  /**
   * The fetched (not served) snapshots whose sample or a listing already existed: a previous run
   * stored them, and may have left listings at positions this run no longer has. A first write of a
   * sample answers {@code created} for it and all its listings and needs no look-up. Not seen: an
   * earlier attempt whose listings were stored while its sample document was rejected (the bulk
   * then failed the chunk), rewritten now without any listing at a position it had.
   */
  private static List<Snapshot> rewritten(List<Snapshot> snapshots, BulkResponse response) {
    List<BulkResponseItem> items = response.items();
    List<Snapshot> rewritten = new ArrayList<>();
    int i = 0;
    for (Snapshot snapshot : snapshots) {
      boolean existed = "updated".equals(items.get(i++).result());
      if (snapshot.served()) {
        continue;
      }
      for (int l = 0; l < snapshot.listings().size(); l++) {
        existed |= "updated".equals(items.get(i++).result());
      }
      if (existed) {
        rewritten.add(snapshot);
      }
    }
    return rewritten;
  }

  /**
   * Deletes the listings an earlier run of these samples left at positions not written now. The
   * listing indices are refreshed first so the search sees that run even if it wrote a moment ago
   * (a chunk retried at once); the deletes follow the configured refresh policy.
   */
  private long deleteStale(List<Snapshot> rewritten) {
    Set<String> indices = new LinkedHashSet<>();
    List<String> written = new ArrayList<>();
    for (Snapshot snapshot : rewritten) {
      indices.add(names.listingsIndex(snapshot.sample().slot()));
      snapshot.listings().forEach(l -> written.add(l.id()));
    }
    // the look-up is part of the write: retried as the bulks are, while the cluster heals
    List<Hit<Void>> stale =
        retry.run(
            () -> {
              client
                  .indices()
                  .refresh(
                      r ->
                          r.index(List.copyOf(indices))
                              .ignoreUnavailable(true)
                              .allowNoIndices(true));
              return findStale(rewritten, indices, written);
            });
    if (stale.isEmpty()) {
      return 0;
    }
    BulkBody deletes = new BulkBody(mapper);
    stale.forEach(hit -> deletes.delete(hit.index(), hit.id()));
    sendUntilAccepted(deletes.toByteArray(), refresh);
    return stale.size();
  }

  /** The typed error of a refused request, as the Java client raises it; else the raw one. */
  private ElasticsearchException refused(ResponseException e) throws IOException {
    ErrorResponse error;
    try (InputStream in = e.getResponse().getEntity().getContent();
        JsonParser parser = jsonp.jsonProvider().createParser(in)) {
      error = ErrorResponse._DESERIALIZER.deserialize(parser, jsonp);
    } catch (RuntimeException | IOException unparsable) {
      throw e;
    }
    return new ElasticsearchException("es/bulk", error);
  }

  /**
   * Listings of these samples, left by an earlier run, whose ids are not written now. Sees what has
   * been refreshed (earlier runs of a slot are long refreshed). Every shard must answer: one that
   * cannot would keep its stale listings beside the new ones.
   */
  private List<Hit<Void>> findStale(
      List<Snapshot> snapshots, Set<String> indices, List<String> writtenListingIds) {
    // one clause per (slot, vantage, profile): keywords x vantages would also match samples not
    // written now, and another profile's listings of the same keyword are never stale
    Map<List<String>, List<FieldValue>> keywordsBySlotAndVantage = new LinkedHashMap<>();
    for (Snapshot snapshot : snapshots) {
      SampleDocument s = snapshot.sample();
      keywordsBySlotAndVantage
          .computeIfAbsent(
              List.of(s.slot().toString(), s.vantage(), s.profile()), k -> new ArrayList<>())
          .add(FieldValue.of(s.keyword()));
    }
    List<Query> samples = new ArrayList<>();
    keywordsBySlotAndVantage.forEach(
        (slotAndVantage, keywords) ->
            samples.add(
                Query.of(
                    q ->
                        q.bool(
                            b ->
                                b.filter(Filters.term(Fields.SLOT, slotAndVantage.get(0)))
                                    .filter(Filters.term(Fields.VANTAGE, slotAndVantage.get(1)))
                                    .filter(Filters.term(Fields.PROFILE, slotAndVantage.get(2)))
                                    .filter(
                                        f ->
                                            f.terms(
                                                t ->
                                                    t.field(Fields.KEYWORD)
                                                        .terms(v -> v.value(keywords))))))));
    Query query =
        Query.of(
            q ->
                q.bool(
                    b -> {
                      b.should(samples).minimumShouldMatch("1");
                      if (!writtenListingIds.isEmpty()) {
                        b.mustNot(m -> m.ids(i -> i.values(writtenListingIds)));
                      }
                      return b;
                    }));
    Iterable<List<Hit<Void>>> pages =
        Searches.pages(
            reads,
            List.copyOf(indices),
            Void.class,
            "Searching the stale listings of " + indices + " failed",
            STALE_PAGE,
            r ->
                r.allowPartialSearchResults(false)
                    .query(query)
                    .source(src -> src.fetch(false))
                    .sort(o -> o.field(f -> f.field(Fields.SLOT)))
                    .sort(o -> o.field(f -> f.field(Fields.VANTAGE)))
                    .sort(o -> o.field(f -> f.field(Fields.KEYWORD)))
                    .sort(o -> o.field(f -> f.field(Fields.POSITION))));
    List<Hit<Void>> stale = new ArrayList<>();
    pages.forEach(stale::addAll);
    return stale;
  }
}
