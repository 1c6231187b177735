package com.mallrank.index.report;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import com.mallrank.index.document.SampleStatus;
import com.mallrank.index.schema.Fields;
import com.mallrank.index.schema.Filters;
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
final class AccountActivity {

  /** The marker of a sample skipped because its identity needs a new login. */
  private static final String NEEDS_LOGIN = "needs-login";

  private final ElasticsearchClient client;
  private final IndexNames names;

  AccountActivity(ElasticsearchClient client, IndexNames names) {
    this.client = Objects.requireNonNull(client, "client");
    this.names = Objects.requireNonNull(names, "names");
  }

  /** One row per identity asked for, in that order; an identity never sampled has all nulls. */
  List<AccountActivityRow> run(Collection<String> vantages) {
    Map<String, AccountActivityRow> rows = new LinkedHashMap<>();
    vantages.forEach(v -> rows.put(v, new AccountActivityRow(v, null, null, null)));
    if (vantages.isEmpty()) {
      return List.of();
    }
    try {
      var response =
          client.search(
              s ->
                  s.index(names.samplesAlias())
                      .ignoreUnavailable(true)
                      .allowNoIndices(true)
                      .size(0)
                      .query(Filters.terms(Fields.VANTAGE, vantages))
                      .aggregations(
                          Fields.VANTAGE,
                          a ->
                              a.terms(t -> t.field(Fields.VANTAGE).size(vantages.size()))
                                  .aggregations("ranked", lastSlot(Filters.ranked()))
                                  .aggregations(
                                      "login",
                                      lastSlot(
                                          Filters.term(Fields.STATUS, SampleStatus.LOGIN_REQUIRED)))
                                  .aggregations(
                                      "skipped",
                                      lastSlot(
                                          Filters.bool(
                                              b ->
                                                  b.filter(
                                                          Filters.term(
                                                              Fields.STATUS, SampleStatus.SKIPPED))
                                                      .filter(
                                                          Filters.term(
                                                              Fields.MARKER, NEEDS_LOGIN)))))),
              Void.class);
      Aggregate byVantage = response.aggregations().get(Fields.VANTAGE);
      if (byVantage != null) {
        for (var bucket : byVantage.sterms().buckets().array()) {
          String vantage = bucket.key().stringValue();
          rows.put(
              vantage,
              new AccountActivityRow(
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

  private static Aggregation lastSlot(Query filter) {
    return Aggregation.of(
        a -> a.filter(filter).aggregations("last", m -> m.max(x -> x.field(Fields.SLOT))));
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
