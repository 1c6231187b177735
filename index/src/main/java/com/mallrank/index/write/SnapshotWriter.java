package com.mallrank.index.write;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.mallrank.index.document.ListingDocument;
import com.mallrank.index.document.SampleDocument;
import com.mallrank.index.schema.Fields;
import com.mallrank.index.schema.Filters;
import com.mallrank.index.schema.IndexNames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Writes samples and their listings: one bulk request per call, to the monthly indices of each
 * sample's slot, under the deterministic ids, so a re-run of a slot overwrites instead of
 * duplicating. Listings an earlier run of the same sample left at positions the new run no longer
 * has are deleted in the same bulk request (found with one bounded search per call; the server has
 * no delete-by-query), so a sample never shows a mix of two runs.
 *
 * <p>Every bulk item is checked: any failure raises a {@link BulkWriteException} naming the ids.
 * The writer is stateless and thread-safe; callers chunk large batches (a few hundred samples per
 * call).
 */
public final class SnapshotWriter {

  private static final int STALE_PAGE = 1_000;

  private final ElasticsearchClient client;
  private final ElasticsearchClient reads;
  private final IndexNames names;
  private final Refresh refresh;

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
    this.reads = Objects.requireNonNull(reads, "reads");
    this.client = Objects.requireNonNull(client, "client");
    this.names = Objects.requireNonNull(names, "names");
    this.refresh = Objects.requireNonNull(refresh, "refresh");
  }

  /** A writer that does not wait for refreshes. */
  public SnapshotWriter(ElasticsearchClient client, IndexNames names) {
    this(client, names, Refresh.False);
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
   * Writes many samples with their listings in one bulk request.
   *
   * @throws BulkWriteException when any document was rejected
   */
  public WriteResult writeAll(List<Snapshot> snapshots) {
    if (snapshots.isEmpty()) {
      return new WriteResult(0, 0, 0);
    }
    List<BulkOperation> operations = new ArrayList<>();
    List<String> listingIds = new ArrayList<>();
    Set<String> listingIndices = new LinkedHashSet<>();
    int listingCount = 0;
    for (Snapshot snapshot : snapshots) {
      SampleDocument sample = snapshot.sample();
      String samplesIndex = names.samplesIndex(sample.slot());
      operations.add(
          BulkOperation.of(
              o -> o.index(i -> i.index(samplesIndex).id(sample.id()).document(sample))));
      if (snapshot.served()) {
        continue; // its listings were stored with the fetch that serves this group too
      }
      String listingsIndex = names.listingsIndex(sample.slot());
      listingIndices.add(listingsIndex);
      for (ListingDocument listing : snapshot.listings()) {
        operations.add(
            BulkOperation.of(
                o -> o.index(i -> i.index(listingsIndex).id(listing.id()).document(listing))));
        listingIds.add(listing.id());
        listingCount++;
      }
    }
    try {
      // the integ-test-zip has no delete-by-query (reindex module): find stale ids, delete in bulk
      List<Snapshot> fetched = snapshots.stream().filter(s -> !s.served()).toList();
      List<Hit<Void>> stale =
          fetched.isEmpty() ? List.of() : findStale(fetched, listingIndices, listingIds);
      for (Hit<Void> hit : stale) {
        operations.add(BulkOperation.of(o -> o.delete(d -> d.index(hit.index()).id(hit.id()))));
      }
      BulkRequest request = BulkRequest.of(b -> b.operations(operations).refresh(refresh));
      BulkRetry.DEFAULT.run(() -> BulkResponses.requireAllSucceeded(client.bulk(request)));
      return new WriteResult(snapshots.size(), listingCount, stale.size());
    } catch (IOException e) {
      throw new UncheckedIOException("Bulk write of " + operations.size() + " documents failed", e);
    }
  }

  /**
   * Listings of these samples, left by an earlier run, whose ids are not written now. Sees what has
   * been refreshed (earlier runs of a slot are long refreshed).
   */
  private List<Hit<Void>> findStale(
      List<Snapshot> snapshots, Set<String> indices, List<String> writtenListingIds)
      throws IOException {
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
    List<Hit<Void>> stale = new ArrayList<>();
    List<FieldValue> after = null;
    while (true) {
      List<FieldValue> searchAfter = after;
      SearchResponse<Void> page =
          reads.search(
              r -> {
                r.index(List.copyOf(indices))
                    .ignoreUnavailable(true)
                    .allowNoIndices(true)
                    .query(query)
                    .source(src -> src.fetch(false))
                    .size(STALE_PAGE)
                    .sort(o -> o.field(f -> f.field(Fields.SLOT)))
                    .sort(o -> o.field(f -> f.field(Fields.VANTAGE)))
                    .sort(o -> o.field(f -> f.field(Fields.KEYWORD)))
                    .sort(o -> o.field(f -> f.field(Fields.POSITION)));
                if (searchAfter != null) {
                  r.searchAfter(searchAfter);
                }
                return r;
              },
              Void.class);
      List<Hit<Void>> hits = page.hits().hits();
      stale.addAll(hits);
      if (hits.size() < STALE_PAGE) {
        return stale;
      }
      after = hits.get(hits.size() - 1).sort();
    }
  }
}
