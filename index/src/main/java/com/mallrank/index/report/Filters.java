package com.mallrank.index.report;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import com.mallrank.index.document.SampleDocument;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * The filters the reports share (all in filter context: no scoring). Public for benchmarks and
 * callers that build their own plain searches over the same windows.
 */
public final class Filters {

  static final List<FieldValue> RANKED =
      List.of(
          FieldValue.of(SampleDocument.STATUS_OK), FieldValue.of(SampleDocument.STATUS_PARTIAL));

  private Filters() {}

  /** {@code field} in [from, to). */
  public static Query range(String field, Instant from, Instant to) {
    return Query.of(
        q -> q.range(r -> r.date(d -> d.field(field).gte(from.toString()).lt(to.toString()))));
  }

  /** {@code field} in [from, to] as integers. */
  static Query between(String field, int from, int to) {
    return Query.of(
        q -> q.range(r -> r.number(n -> n.field(field).gte((double) from).lte((double) to))));
  }

  static Query term(String field, String value) {
    return Query.of(q -> q.term(t -> t.field(field).value(value)));
  }

  static Query terms(String field, Collection<String> values) {
    List<FieldValue> v = values.stream().map(FieldValue::of).toList();
    return Query.of(q -> q.terms(t -> t.field(field).terms(x -> x.value(v))));
  }

  static Query exists(String field) {
    return Query.of(q -> q.exists(e -> e.field(field)));
  }

  /** Adds a terms filter unless {@code values} is {@code null} or empty (= no restriction). */
  static void optionalTerms(BoolQuery.Builder b, String field, Collection<String> values) {
    if (values != null && !values.isEmpty()) {
      b.filter(terms(field, values));
    }
  }

  /** Adds a term filter on the sample's site profile (surface) unless {@code profile} is null. */
  static void profile(BoolQuery.Builder b, String profile) {
    if (profile != null) {
      b.filter(term("profile", profile));
    }
  }

  static Query bool(java.util.function.Consumer<BoolQuery.Builder> filters) {
    return Query.of(
        q ->
            q.bool(
                b -> {
                  filters.accept(b);
                  return b;
                }));
  }
}
