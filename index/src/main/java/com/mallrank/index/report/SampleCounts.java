package com.mallrank.index.report;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import com.mallrank.index.schema.Fields;
import com.mallrank.index.schema.Filters;
import com.mallrank.index.schema.IndexNames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Document counts per slot, through the read aliases (0 when nothing was written yet). Counts see
 * what has been refreshed; write with {@code wait_for} before counting in tests.
 */
final class SampleCounts {

  private final ElasticsearchClient client;
  private final IndexNames names;

  SampleCounts(ElasticsearchClient client, IndexNames names) {
    this.client = Objects.requireNonNull(client, "client");
    this.names = Objects.requireNonNull(names, "names");
  }

  /** Listing documents of the slot (all keywords and vantages). */
  long listings(Instant slot) {
    return count(names.listingsAlias(), Filters.term(Fields.SLOT, slot.toString()));
  }

  /** Sample documents of the slot (all keywords and vantages). */
  long samples(Instant slot) {
    return count(names.samplesAlias(), Filters.term(Fields.SLOT, slot.toString()));
  }

  /** Listing documents of one sample ({@code profile == null}: of every profile). */
  long listings(Instant slot, String profile, String keyword, String vantage) {
    Query query =
        Query.of(
            q ->
                q.bool(
                    b -> {
                      b.filter(Filters.term(Fields.SLOT, slot.toString()))
                          .filter(Filters.term(Fields.KEYWORD, keyword))
                          .filter(Filters.term(Fields.VANTAGE, vantage));
                      Filters.profile(b, profile);
                      return b;
                    }));
    return count(names.listingsAlias(), query);
  }

  /** The latest slot that has any sample, if any. */
  Optional<Instant> latestSlot() {
    try {
      var response =
          client.search(
              s ->
                  s.index(names.samplesAlias())
                      .ignoreUnavailable(true)
                      .allowNoIndices(true)
                      .size(0)
                      .aggregations("latest", a -> a.max(m -> m.field(Fields.SLOT))),
              Void.class);
      var latest = response.aggregations().get("latest");
      // An empty max aggregation has no value (the client reads it as infinity or NaN).
      double max = latest == null ? Double.NaN : latest.max().value();
      if (Double.isNaN(max) || Double.isInfinite(max)) {
        return Optional.empty();
      }
      return Optional.of(Instant.ofEpochMilli((long) max));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Finding the latest slot in " + names.samplesAlias() + " failed", e);
    }
  }

  /** Samples of the slot by status code, most frequent first. */
  Map<String, Long> samplesByStatus(Instant slot) {
    try {
      var response =
          client.search(
              s ->
                  s.index(names.samplesAlias())
                      .ignoreUnavailable(true)
                      .allowNoIndices(true)
                      .size(0)
                      .query(Filters.term(Fields.SLOT, slot.toString()))
                      .aggregations(
                          Fields.STATUS, a -> a.terms(t -> t.field(Fields.STATUS).size(20))),
              Void.class);
      Map<String, Long> counts = new LinkedHashMap<>();
      var status = response.aggregations().get(Fields.STATUS);
      if (status != null) {
        status
            .sterms()
            .buckets()
            .array()
            .forEach(b -> counts.put(b.key().stringValue(), b.docCount()));
      }
      return counts;
    } catch (IOException e) {
      throw new UncheckedIOException("Counting samples by status failed", e);
    }
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
