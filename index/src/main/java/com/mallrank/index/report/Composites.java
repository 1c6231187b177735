package com.mallrank.index.report;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeAggregate;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeAggregationSource;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import com.mallrank.index.schema.Searches;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Streams the buckets of a {@code composite} aggregation page by page ({@code after_key}), so a
 * report holds one page of buckets at a time whatever the number of documents. Buckets arrive in
 * source order (ascending), which the reports use to fold consecutive buckets.
 */
final class Composites {

  /** Buckets per page; below the default {@code search.max_buckets} with sub-aggregations. */
  static final int PAGE = 5_000;

  private final ElasticsearchClient client;
  private final String index;
  private final Query query;
  private final List<Map<String, CompositeAggregationSource>> sources = new ArrayList<>();
  private final Map<String, Aggregation> subAggregations = new LinkedHashMap<>();
  private int pageSize = PAGE;

  Composites(ElasticsearchClient client, String index, Query query) {
    this.client = client;
    this.index = index;
    this.query = query;
  }

  /** A terms source on a field (a missing value is a bucket with a {@code null} key if asked). */
  Composites terms(String name, String field, boolean missingBucket) {
    sources.add(
        Map.of(
            name,
            CompositeAggregationSource.of(
                s -> s.terms(t -> t.field(field).missingBucket(missingBucket)))));
    return this;
  }

  Composites terms(String field) {
    return terms(field, field, false);
  }

  Composites sub(String name, Aggregation aggregation) {
    subAggregations.put(name, aggregation);
    return this;
  }

  Composites pageSize(int size) {
    this.pageSize = size;
    return this;
  }

  /** Calls {@code consumer} for every bucket, in key order. */
  void forEach(Consumer<CompositeBucket> consumer) {
    Map<String, FieldValue> after = null;
    while (true) {
      Map<String, FieldValue> afterKey = after;
      CompositeAggregate page =
          Searches.search(
                  client,
                  index,
                  Void.class,
                  "Composite aggregation over " + index + " failed",
                  s ->
                      s.size(0)
                          .query(query)
                          .aggregations(
                              "c",
                              a ->
                                  a.composite(
                                          c -> {
                                            c.size(pageSize).sources(sources);
                                            if (afterKey != null) {
                                              c.after(afterKey);
                                            }
                                            return c;
                                          })
                                      .aggregations(subAggregations)))
              .aggregations()
              .get("c")
              .composite();
      List<CompositeBucket> buckets = page.buckets().array();
      buckets.forEach(consumer);
      if (buckets.size() < pageSize || page.afterKey() == null || page.afterKey().isEmpty()) {
        return;
      }
      after = page.afterKey();
    }
  }

  /** The string value of a key, {@code null} for a missing bucket. */
  static String string(CompositeBucket bucket, String name) {
    FieldValue value = bucket.key().get(name);
    return value == null || value.isNull() ? null : value.stringValue();
  }

  /** The long value of a key (dates are epoch milliseconds). */
  static long number(CompositeBucket bucket, String name) {
    return bucket.key().get(name).longValue();
  }

  /** The value of a min/max sub-aggregation as an int, {@code null} when empty. */
  static Integer minInt(CompositeBucket bucket, String name) {
    var agg = bucket.aggregations().get(name);
    double v = agg.isMin() ? agg.min().value() : agg.max().value();
    return Double.isNaN(v) || Double.isInfinite(v) ? null : (int) v;
  }
}
