package com.mallrank.index.report;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import com.mallrank.index.schema.IndexNames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Objects;

/**
 * Document counts per slot, through the read aliases (0 when nothing was written yet). Counts see
 * what has been refreshed; write with {@code wait_for} before counting in tests.
 */
public final class SampleCounts {

  private final ElasticsearchClient client;
  private final IndexNames names;

  public SampleCounts(ElasticsearchClient client, IndexNames names) {
    this.client = Objects.requireNonNull(client, "client");
    this.names = Objects.requireNonNull(names, "names");
  }

  /** Listing documents of the slot (all keywords and vantages). */
  public long listings(Instant slot) {
    return count(names.listingsAlias(), slotQuery(slot));
  }

  /** Sample documents of the slot (all keywords and vantages). */
  public long samples(Instant slot) {
    return count(names.samplesAlias(), slotQuery(slot));
  }

  /** Listing documents of one sample. */
  public long listings(Instant slot, String keyword, String vantage) {
    Query query =
        Query.of(
            q ->
                q.bool(
                    b ->
                        b.filter(slotQuery(slot))
                            .filter(f -> f.term(t -> t.field("keyword").value(keyword)))
                            .filter(f -> f.term(t -> t.field("vantage").value(vantage)))));
    return count(names.listingsAlias(), query);
  }

  private static Query slotQuery(Instant slot) {
    return Query.of(q -> q.term(t -> t.field("slot").value(slot.toString())));
  }

  private long count(String alias, Query query) {
    try {
      return client
          .count(c -> c.index(alias).ignoreUnavailable(true).allowNoIndices(true).query(query))
          .count();
    } catch (IOException e) {
      throw new UncheckedIOException("Counting " + alias + " failed", e);
    }
  }
}
