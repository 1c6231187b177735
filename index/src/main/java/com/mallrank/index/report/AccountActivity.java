package com.mallrank.index.report;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.json.JsonData;
import com.mallrank.index.document.SampleStatus;
import com.mallrank.index.schema.Composites;
import com.mallrank.index.schema.Fields;
import com.mallrank.index.schema.Filters;
import com.mallrank.index.schema.IndexNames;
import com.mallrank.index.schema.Searches;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What each identity's samples say about its login, per surface (site profile), from one
 * aggregation over the samples (no listings read): its newest sample, its newest sample that tells
 * logged in from logged out, its last ok and last login wall. The sampling half of {@code mallrank
 * accounts status}.
 */
final class AccountActivity extends ReportQuery {

  /** More surfaces per identity than any plan has. */
  private static final int MAX_PROFILES = 100;

  AccountActivity(ElasticsearchClient client, IndexNames names) {
    super(client, names, null);
  }

  /**
   * One row per identity asked for and surface it was sampled on: identities in the order asked,
   * surfaces by name. An identity never sampled has no row.
   */
  List<AccountActivityRow> run(Collection<String> vantages) {
    if (vantages.isEmpty()) {
      return List.of();
    }
    SearchResponse<Void> response =
        Searches.search(
            client,
            names.samplesAlias(),
            Void.class,
            "Reading account activity from " + names.samplesAlias(),
            s ->
                s.size(0)
                    .query(Filters.terms(Fields.VANTAGE, vantages))
                    .aggregations(
                        Fields.VANTAGE,
                        a ->
                            a.terms(t -> t.field(Fields.VANTAGE).size(vantages.size()))
                                .aggregations(Fields.PROFILE, perProfile())));
    List<AccountActivityRow> rows = new ArrayList<>();
    Aggregate byVantage = response.aggregations().get(Fields.VANTAGE);
    for (String vantage : vantages) {
      if (byVantage == null) {
        break;
      }
      for (StringTermsBucket bucket : byVantage.sterms().buckets().array()) {
        if (!bucket.key().stringValue().equals(vantage)) {
          continue;
        }
        List<StringTermsBucket> byProfile =
            bucket.aggregations().get(Fields.PROFILE).sterms().buckets().array();
        List<AccountActivityRow> own = new ArrayList<>();
        for (StringTermsBucket surface : byProfile) {
          Map<String, Aggregate> aggs = surface.aggregations();
          Aggregate onLogin = aggs.get("on-login");
          own.add(
              new AccountActivityRow(
                  vantage,
                  surface.key().stringValue(),
                  last(aggs.get("ranked")),
                  last(aggs.get("login")),
                  last(aggs.get("skipped-for-login")),
                  seen(aggs.get("newest")),
                  onLogin.filter().docCount() == 0
                      ? null
                      : seen(onLogin.filter().aggregations().get("newest"))));
        }
        own.sort((x, y) -> x.profile().compareTo(y.profile()));
        rows.addAll(own);
      }
    }
    return rows;
  }

  /** Per surface of an identity: last ok, last login wall, last skip for login, newest samples. */
  private static Aggregation perProfile() {
    Aggregation onLogin = Aggregation.of(f -> f.filter(onLogin()).aggregations("newest", newest()));
    return Aggregation.of(
        p ->
            p.terms(t -> t.field(Fields.PROFILE).size(MAX_PROFILES))
                .aggregations("ranked", lastSlot(Filters.ranked()))
                .aggregations(
                    "login", lastSlot(Filters.term(Fields.STATUS, SampleStatus.LOGIN_REQUIRED)))
                .aggregations("skipped-for-login", lastSlot(skippedForLogin()))
                .aggregations("newest", newest())
                .aggregations("on-login", onLogin));
  }

  private static Query skippedForLogin() {
    return Filters.bool(
        b ->
            b.filter(Filters.term(Fields.STATUS, SampleStatus.SKIPPED))
                .filter(Filters.term(Fields.MARKER, AccountActivityRow.NEEDS_LOGIN)));
  }

  /** Samples that tell logged in from logged out (see {@link AccountActivityRow#newestOnLogin}). */
  private static Query onLogin() {
    return Filters.bool(
        b ->
            b.should(Filters.ranked())
                .should(
                    Filters.terms(
                        Fields.STATUS, List.of(SampleStatus.EMPTY, SampleStatus.LOGIN_REQUIRED)))
                .should(skippedForLogin())
                .minimumShouldMatch("1"));
  }

  private static Aggregation newest() {
    return Composites.first(
        List.of(Composites.by(Fields.SAMPLED_AT, SortOrder.Desc)),
        Fields.SLOT,
        Fields.STATUS,
        Fields.MARKER,
        Fields.SAMPLED_AT);
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

  /** The one sample of a top-hits aggregation, {@code null} when it has none. */
  private static AccountActivityRow.Seen seen(Aggregate topHits) {
    if (topHits == null || topHits.topHits().hits().hits().isEmpty()) {
      return null;
    }
    JsonData source = topHits.topHits().hits().hits().get(0).source();
    if (source == null) {
      return null;
    }
    JsonObject json = source.toJson().asJsonObject();
    return new AccountActivityRow.Seen(
        instant(json.get(Fields.SLOT)),
        text(json.get(Fields.STATUS)),
        text(json.get(Fields.MARKER)),
        instant(json.get(Fields.SAMPLED_AT)));
  }

  private static String text(JsonValue value) {
    return value instanceof JsonString s ? s.getString() : null;
  }

  private static Instant instant(JsonValue value) {
    if (value instanceof JsonString s) {
      return Instant.parse(s.getString());
    }
    if (value instanceof JsonNumber n) {
      return Instant.ofEpochMilli(n.longValue());
    }
    return null;
  }
}
