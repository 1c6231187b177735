package com.mallrank.index.report;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import com.mallrank.index.document.SampleDocument;
import com.mallrank.index.schema.IndexNames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * When each identity (matrix account) last sampled well and last met a login wall, over every
 * stored slot and profile, from one aggregation over the samples (no listings read): the sampling
 * half of {@code mallrank accounts status}.
 */
public final class AccountActivity {

  /**
   * One identity.
   *
   * @param vantage the identity
   * @param lastRanked the latest slot of an ok/partial sample, or {@code null}
   * @param lastLoginRequired the latest slot of a {@code login_required} sample, or {@code null}
   * @param lastSkippedForLogin the latest slot of a sample skipped for {@code needs-login}, or
   *     {@code null}
   */
  public record Row(
      String vantage, Instant lastRanked, Instant lastLoginRequired, Instant lastSkippedForLogin) {

    /** Whether its latest word is a login wall: a login wall (or skip) after its last ok sample. */
    public boolean needsLogin() {
      Instant wall = latest(lastLoginRequired, lastSkippedForLogin);
      return wall != null && (lastRanked == null || wall.isAfter(lastRanked));
    }

    private static Instant latest(Instant a, Instant b) {
      return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }
  }

  private final ElasticsearchClient client;
  private final IndexNames names;

  public AccountActivity(ElasticsearchClient client, IndexNames names) {
    this.client = Objects.requireNonNull(client, "client");
    this.names = Objects.requireNonNull(names, "names");
  }

  /** One row per identity asked for, in that order; an identity never sampled has all nulls. */
  public List<Row> run(Collection<String> vantages) {
    Map<String, Row> rows = new LinkedHashMap<>();
    vantages.forEach(v -> rows.put(v, new Row(v, null, null, null)));
    if (vantages.isEmpty()) {
      return List.of();
    }
    List<FieldValue> wanted = vantages.stream().map(FieldValue::of).toList();
    List<FieldValue> ranked =
        List.of(
            FieldValue.of(SampleDocument.STATUS_OK), FieldValue.of(SampleDocument.STATUS_PARTIAL));
    try {
      var response =
          client.search(
              s ->
                  s.index(names.samplesAlias())
                      .ignoreUnavailable(true)
                      .allowNoIndices(true)
                      .size(0)
                      .query(q -> q.terms(t -> t.field("vantage").terms(v -> v.value(wanted))))
                      .aggregations(
                          "vantage",
                          a ->
                              a.terms(t -> t.field("vantage").size(wanted.size()))
                                  .aggregations("ranked", lastSlot(statusIn(ranked)))
                                  .aggregations("login", lastSlot(term("status", "login_required")))
                                  .aggregations(
                                      "skipped",
                                      lastSlot(
                                          Query.of(
                                              q ->
                                                  q.bool(
                                                      b ->
                                                          b.filter(term("status", "skipped"))
                                                              .filter(
                                                                  term(
                                                                      "marker",
                                                                      "needs-login"))))))),
              Void.class);
      Aggregate byVantage = response.aggregations().get("vantage");
      if (byVantage != null) {
        for (var bucket : byVantage.sterms().buckets().array()) {
          String vantage = bucket.key().stringValue();
          rows.put(
              vantage,
              new Row(
                  vantage,
                  last(bucket.aggregations().get("ranked")),
                  last(bucket.aggregations().get("login")),
                  last(bucket.aggregations().get("skipped"))));
        }
      }
      return List.copyOf(rows.values());
    } catch (IOException e) {
      throw new UncheckedIOException("Reading account activity from " + names.samplesAlias(), e);
    }
  }

  private static Query term(String field, String value) {
    return Query.of(q -> q.term(t -> t.field(field).value(value)));
  }

  private static Query statusIn(List<FieldValue> statuses) {
    return Query.of(q -> q.terms(t -> t.field("status").terms(v -> v.value(statuses))));
  }

  private static Aggregation lastSlot(Query filter) {
    return Aggregation.of(
        a -> a.filter(filter).aggregations("last", m -> m.max(x -> x.field("slot"))));
  }

  /** The latest slot of a filter bucket, {@code null} when it holds no sample. */
  private static Instant last(Aggregate filter) {
    if (filter == null || filter.filter().docCount() == 0) {
      return null;
    }
    double max = filter.filter().aggregations().get("last").max().value();
    return Double.isNaN(max) || Double.isInfinite(max) ? null : Instant.ofEpochMilli((long) max);
  }
}
