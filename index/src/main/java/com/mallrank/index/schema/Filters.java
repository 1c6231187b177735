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

  /** {@code field} at most {@code max} as a number. */
  public static Query atMost(String field, int max) {
    return Query.of(q -> q.range(r -> r.number(n -> n.field(field).lte((double) max))));
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

  /**
   * Adds the filters of a report window: slots in [from, to), on {@code profile} ({@code null}:
   * every profile), of {@code keywords} and {@code vantages} ({@code null} or empty: all).
   */
  public static void window(
      BoolQuery.Builder b,
      Instant from,
      Instant to,
      String profile,
      Collection<String> keywords,
      Collection<String> vantages) {
    b.filter(range(Fields.SLOT, from, to));
    optionalTerms(b, Fields.KEYWORD, keywords);
    profile(b, profile);
    optionalTerms(b, Fields.VANTAGE, vantages);
  }

  /**
   * Adds the filters of one sample's documents (slot × profile × keyword × vantage); a {@code null}
   * profile means the sample on every profile.
   */
  public static void sample(
      BoolQuery.Builder b, Instant slot, String profile, String keyword, String vantage) {
    b.filter(term(Fields.SLOT, slot.toString()))
        .filter(term(Fields.KEYWORD, keyword))
        .filter(term(Fields.VANTAGE, vantage));
    profile(b, profile);
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
