package com.mallrank.index.report;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.mallrank.index.schema.Fields;
import com.mallrank.index.schema.Filters;
import com.mallrank.index.schema.IndexNames;
import com.mallrank.index.schema.Searches;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Document counts per slot, through the read aliases (0 when nothing was written yet). Counts see
 * what has been refreshed; write with {@code wait_for} before counting in tests.
 */
final class SampleCounts extends ReportQuery {

  SampleCounts(ElasticsearchClient client, IndexNames names) {
    super(client, names, null);
  }

  /** Listing documents of the slot (all keywords and vantages). */
  long listings(Instant slot) {
    return Searches.count(
        client, names.listingsAlias(), Filters.term(Fields.SLOT, slot.toString()));
  }

  /** Sample documents of the slot (all keywords and vantages). */
  long samples(Instant slot) {
    return Searches.count(client, names.samplesAlias(), Filters.term(Fields.SLOT, slot.toString()));
  }

  /** Listing documents of one sample ({@code profile == null}: of every profile). */
  long listings(Instant slot, String profile, String keyword, String vantage) {
    return Searches.count(
        client,
        names.listingsAlias(),
        Filters.bool(b -> Filters.sample(b, slot, profile, keyword, vantage)));
  }

  /** The latest slot that has any sample, if any. */
  Optional<Instant> latestSlot() {
    var response =
        Searches.search(
            client,
            names.samplesAlias(),
            Void.class,
            "Finding the latest slot in " + names.samplesAlias() + " failed",
            s -> s.size(0).aggregations("latest", a -> a.max(m -> m.field(Fields.SLOT))));
    var latest = response.aggregations().get("latest");
    // An empty max aggregation has no value (the client reads it as infinity or NaN).
    double max = latest == null ? Double.NaN : latest.max().value();
    if (Double.isNaN(max) || Double.isInfinite(max)) {
      return Optional.empty();
    }
    return Optional.of(Instant.ofEpochMilli((long) max));
  }

  /** Samples of the slot by status code, most frequent first. */
  Map<String, Long> samplesByStatus(Instant slot) {
    var response =
        Searches.search(
            client,
            names.samplesAlias(),
            Void.class,
            "Counting samples by status failed",
            s ->
                s.size(0)
                    .query(Filters.term(Fields.SLOT, slot.toString()))
                    .aggregations(
                        Fields.STATUS, a -> a.terms(t -> t.field(Fields.STATUS).size(20))));
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
  }
}
