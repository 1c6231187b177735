package com.mallrank.index.schema;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import com.mallrank.index.document.SampleStatus;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/**
 * The filters every search of the index module builds from (all in filter context: no scoring):
 * reports, change detection, retention, the snapshot writer and migrations. Fields are named with
 * {@link Fields}; the ranked-status filter follows {@link SampleStatus#RANKED}.
 */
public final class Filters {

  private Filters() {}

  /** {@code field} in [from, to). */
  public static Query range(String field, Instant from, Instant to) {
    return Query.of(
        q -> q.range(r -> r.date(d -> d.field(field).gte(from.toString()).lt(to.toString()))));
  }

  /** {@code field} before {@code to} (exclusive). */
  public static Query before(String field, Instant to) {
    return Query.of(q -> q.range(r -> r.date(d -> d.field(field).lt(to.toString()))));
  }

  /** {@code field} in [from, to] as integers. */
  public static Query between(String field, int from, int to) {
    return Query.of(
        q -> q.range(r -> r.number(n -> n.field(field).gte((double) from).lte((double) to))));
  }

  /** {@code field} equals {@code value} (a keyword, or a date/number in its string form). */
  public static Query term(String field, String value) {
    return Query.of(q -> q.term(t -> t.field(field).value(value)));
  }

  /** {@code field} is one of {@code values}. */
  public static Query terms(String field, Collection<String> values) {
    List<FieldValue> v = values.stream().map(FieldValue::of).toList();
    return Query.of(q -> q.terms(t -> t.field(field).terms(x -> x.value(v))));
  }

  /** The slot is one of {@code slots}. */
  public static Query slots(Collection<Instant> slots) {
    return terms(Fields.SLOT, slots.stream().map(Instant::toString).toList());
  }

  /** The sample produced ranks: its status is one of {@link SampleStatus#RANKED}. */
  public static Query ranked() {
    return terms(Fields.STATUS, SampleStatus.RANKED);
  }

  /** {@code field} has a value. */
  public static Query exists(String field) {
    return Query.of(q -> q.exists(e -> e.field(field)));
  }

  /** Adds a terms filter unless {@code values} is {@code null} or empty (= no restriction). */
  public static void optionalTerms(BoolQuery.Builder b, String field, Collection<String> values) {
    if (values != null && !values.isEmpty()) {
      b.filter(terms(field, values));
    }
  }

  /** Adds a term filter on the site profile (surface) unless {@code profile} is null. */
  public static void profile(BoolQuery.Builder b, String profile) {
    if (profile != null) {
      b.filter(term(Fields.PROFILE, profile));
    }
  }

  /** A bool query of the filters {@code filters} adds. */
  public static Query bool(Consumer<BoolQuery.Builder> filters) {
    return Query.of(
        q ->
            q.bool(
                b -> {
                  filters.accept(b);
                  return b;
                }));
  }
}
