package com.mallrank.index.schema;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeAggregate;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeAggregationSource;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Streams the buckets of a {@code composite} aggregation page by page ({@code after_key}), so a
 * reader (a report, retention's daily summaries) holds one page of buckets at a time whatever the
 * number of documents. Searched through {@link Searches} (a missing index has no buckets). Buckets
 * arrive in source order (ascending), which the reports use to fold consecutive buckets.
 */
public final class Composites {

  /** Buckets per page; below the default {@code search.max_buckets} with sub-aggregations. */
  public static final int PAGE = 5_000;

  /** The name of the best-position sub-aggregation of {@link #forEachBestPosition}. */
  private static final String BEST = "best";

  private final ElasticsearchClient client;
  private final String index;
  private final Query query;
  private final List<Map<String, CompositeAggregationSource>> sources = new ArrayList<>();
  private final Map<String, Aggregation> subAggregations = new LinkedHashMap<>();
  private int pageSize = PAGE;

  public Composites(ElasticsearchClient client, String index, Query query) {
    this.client = client;
    this.index = index;
    this.query = query;
  }

  /** A terms source on a field (a missing value is a bucket with a {@code null} key if asked). */
  public Composites terms(String name, String field, boolean missingBucket) {
    sources.add(
        Map.of(
            name,
            CompositeAggregationSource.of(
                s -> s.terms(t -> t.field(field).missingBucket(missingBucket)))));
    return this;
  }

  /** A terms source named after its field, without a missing bucket. */
  public Composites terms(String field) {
    return terms(field, field, false);
  }

  /** A sub-aggregation computed per bucket. */
  public Composites sub(String name, Aggregation aggregation) {
    subAggregations.put(name, aggregation);
    return this;
  }

  /** Buckets per page ({@value #PAGE} by default). */
  public Composites pageSize(int size) {
    this.pageSize = size;
    return this;
  }

  /** Calls {@code consumer} for every bucket, in key order. */
  public void forEach(Consumer<CompositeBucket> consumer) {
    forEachPage(buckets -> buckets.forEach(consumer));
  }

  /**
   * Calls {@code consumer} for every bucket with its best rank, in key order: the lowest {@code
   * position} of the bucket's listings (a {@code min} sub-aggregation, {@code null} for a bucket
   * without one), for the reports that page composite buckets (Coverage, RankHistory,
   * RankDropExplainer). A best rank nested inside other aggregations ({@code VantageSpread}, the
   * retention summary) is read where it is nested.
   */
  public void forEachBestPosition(BiConsumer<CompositeBucket, Integer> consumer) {
    sub(BEST, Aggregation.of(a -> a.min(m -> m.field(Fields.POSITION))));
    forEach(b -> consumer.accept(b, bestPosition(b)));
  }

  /** Calls {@code consumer} with every page of buckets, in key order. */
  public void forEachPage(Consumer<List<CompositeBucket>> consumer) {
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
      consumer.accept(buckets);
      if (buckets.size() < pageSize || page.afterKey() == null || page.afterKey().isEmpty()) {
        return;
      }
      after = page.afterKey();
    }
  }

  /**
   * A sub-aggregation holding each bucket's newest listing (the latest slot, then the best
   * position), with only {@code fields} of its source; read it with {@link #firstSource}.
   */
  public static Aggregation newestListing(String... fields) {
    return first(
        List.of(by(Fields.SLOT, SortOrder.Desc), by(Fields.POSITION, SortOrder.Asc)), fields);
  }

  /**
   * A sub-aggregation holding each bucket's first document in {@code order}, with only {@code
   * fields} of its source; read it with {@link #firstSource}.
   */
  public static Aggregation first(List<SortOptions> order, String... fields) {
    return Aggregation.of(
        a ->
            a.topHits(
                t ->
                    t.size(1)
                        .sort(order)
                        .source(src -> src.filter(f -> f.includes(List.of(fields))))));
  }

  /** Sorting on {@code field} in {@code direction}. */
  public static SortOptions by(String field, SortOrder direction) {
    return SortOptions.of(o -> o.field(f -> f.field(field).order(direction)));
  }

  /**
   * The source of a bucket's {@link #first} (or {@link #newestListing}) sub-aggregation named
   * {@code name}.
   */
  public static JsonObject firstSource(CompositeBucket bucket, String name) {
    return bucket
        .aggregations()
        .get(name)
        .topHits()
        .hits()
        .hits()
        .get(0)
        .source()
        .toJson()
        .asJsonObject();
  }

  /** The string value of a key, {@code null} for a missing bucket. */
  public static String string(CompositeBucket bucket, String name) {
    FieldValue value = bucket.key().get(name);
    return value == null || value.isNull() ? null : value.stringValue();
  }

  /** The long value of a key (dates are epoch milliseconds). */
  public static long number(CompositeBucket bucket, String name) {
    return bucket.key().get(name).longValue();
  }

  /** The bucket's {@link #forEachBestPosition} value as an int, {@code null} when empty. */
  private static Integer bestPosition(CompositeBucket bucket) {
    double v = bucket.aggregations().get(BEST).min().value();
    return Double.isNaN(v) || Double.isInfinite(v) ? null : (int) v;
  }
}
