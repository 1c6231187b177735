package com.mallrank.index.changes;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.mallrank.index.document.ChangeEvent;
import com.mallrank.index.schema.Fields;
import com.mallrank.index.schema.Filters;
import com.mallrank.index.schema.IndexNames;
import com.mallrank.index.schema.Searches;
import com.mallrank.index.write.BulkResponses;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Writes change events to the monthly index of their slot, and removes events of a re-detected slot
 * that the new detection no longer produces (the server has no delete-by-query: search, then bulk
 * delete). Every bulk item is checked; the search must be answered by every shard, or a stale event
 * in a shard that could not answer would be kept.
 */
final class EventStore {

  private static final int PAGE = 1_000;

  private final ElasticsearchClient reads;
  private final ElasticsearchClient writes;
  private final IndexNames names;
  private final Refresh refresh;

  /**
   * @param reads the client of the stale-event search (a reader credential)
   * @param writes the client of the bulk writes and deletes (a writer credential, which cannot
   *     search)
   */
  EventStore(
      ElasticsearchClient reads, ElasticsearchClient writes, IndexNames names, Refresh refresh) {
    this.reads = reads;
    this.writes = writes;
    this.names = names;
    this.refresh = refresh;
  }

  void write(List<ChangeEvent> events) {
    if (events.isEmpty()) {
      return;
    }
    List<BulkOperation> operations = new ArrayList<>(events.size());
    for (ChangeEvent e : events) {
      operations.add(
          BulkOperation.of(
              o -> o.index(i -> i.index(names.changesIndex(e.slot())).id(e.id()).document(e))));
    }
    bulk(operations);
  }

  /**
   * Deletes the events of the slot (optionally of one profile, keyword and vantage) whose ids are
   * not in {@code keep}.
   *
   * @return the number deleted
   */
  long deleteOthers(
      Instant slot, String profile, String keyword, String vantage, Set<String> keep) {
    return deleteOthers(slot, one(profile), one(keyword), one(vantage), keep);
  }

  private static Set<String> one(String value) {
    return value == null ? null : Set.of(value);
  }

  /**
   * Deletes the events of the slot whose ids are not in {@code keep}, of these profiles, keywords
   * and vantages ({@code null} or empty: any).
   *
   * @return the number deleted
   */
  long deleteOthers(
      Instant slot,
      Collection<String> profiles,
      Collection<String> keywords,
      Collection<String> vantages,
      Set<String> keep) {
    Query query =
        Filters.bool(
            b -> {
              b.filter(Filters.term(Fields.SLOT, slot.toString()));
              Filters.optionalTerms(b, Fields.PROFILE, profiles);
              Filters.optionalTerms(b, Fields.KEYWORD, keywords);
              Filters.optionalTerms(b, Fields.VANTAGE, vantages);
            });
    List<BulkOperation> deletes = new ArrayList<>();
    Iterable<List<Hit<Void>>> pages =
        Searches.pages(
            reads,
            List.of(names.changesIndex(slot)), // a slot's events are in its month's index
            Void.class,
            "Searching events of " + slot + " failed",
            PAGE,
            r ->
                r.allowPartialSearchResults(false)
                    .query(query)
                    .source(s -> s.fetch(false))
                    .sort(o -> o.field(f -> f.field(Fields.KEYWORD)))
                    .sort(o -> o.field(f -> f.field(Fields.VANTAGE)))
                    .sort(o -> o.field(f -> f.field(Fields.KIND)))
                    .sort(o -> o.field(f -> f.field(Fields.PRODUCT_ID)))
                    .sort(o -> o.field(f -> f.field(Fields.PROFILE))));
    for (List<Hit<Void>> hits : pages) {
      for (Hit<Void> hit : hits) {
        if (!keep.contains(hit.id())) {
          deletes.add(BulkOperation.of(o -> o.delete(d -> d.index(hit.index()).id(hit.id()))));
        }
      }
    }
    if (!deletes.isEmpty()) {
      bulk(deletes);
    }
    return deletes.size();
  }

  private void bulk(List<BulkOperation> operations) {
    try {
      BulkResponses.requireAllSucceeded(
          writes.bulk(b -> b.operations(operations).refresh(refresh)));
    } catch (IOException e) {
      throw new UncheckedIOException("Bulk of " + operations.size() + " change events failed", e);
    }
  }
}
