package com.mallrank.index.report;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.mallrank.index.document.DailySummary;
import com.mallrank.index.schema.Composites;
import com.mallrank.index.schema.Fields;
import com.mallrank.index.schema.Filters;
import com.mallrank.index.schema.IndexNames;
import com.mallrank.index.schema.Searches;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Positions per slot of products (matrix-account listings by default) for keywords × vantages over
 * a window, from a paged {@code composite} aggregation (keyword, vantage, product, account, slot →
 * min position) plus one over ranked samples (for movement vs the previous ranked sample). Memory
 * follows the size of the answer, not the number of listings.
 *
 * <p>Days whose raw listings retention deleted are read from the daily summaries: for a (keyword,
 * vantage, product) a day without any raw point gets one daily point (the day's best and worst).
 * Movement is computed within the window: the first ranked sample of the window, and daily points,
 * have none.
 */
final class RankHistory extends ReportQuery {

  RankHistory(ElasticsearchClient client, IndexNames names, String profile) {
    super(client, names, profile);
  }

  /**
   * Runs the report over [from, to).
   *
   * @param keywords keywords, {@code null}/empty for all
   * @param vantages vantages, {@code null}/empty for all
   * @param productIds products, {@code null}/empty for every matrix-account listing
   * @return the series sorted by keyword, vantage, product
   */
  List<RankSeries> run(
      Instant from,
      Instant to,
      Collection<String> keywords,
      Collection<String> vantages,
      Collection<String> productIds) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Consumer<BoolQuery.Builder> common =
        b -> {
          Filters.optionalTerms(b, Fields.KEYWORD, keywords);
          Filters.profile(b, profile);
          Filters.optionalTerms(b, Fields.VANTAGE, vantages);
          if (productIds == null || productIds.isEmpty()) {
            b.filter(Filters.exists(Fields.MATRIX_ACCOUNT));
          } else {
            b.filter(Filters.terms(Fields.PRODUCT_ID, productIds));
          }
        };
    Map<List<String>, TreeSet<Long>> rankedSlots = rankedSlots(from, to, keywords, vantages);
    Map<List<String>, Builder> series = new TreeMap<>(RankHistory::compare);
    new Composites(
            client,
            names.listingsAlias(),
            Filters.bool(
                b -> {
                  b.filter(Filters.range(Fields.SLOT, from, to));
                  common.accept(b);
                }))
        .terms(Fields.KEYWORD)
        .terms(Fields.VANTAGE)
        .terms(Fields.PRODUCT_ID)
        .terms(Fields.MATRIX_ACCOUNT, Fields.MATRIX_ACCOUNT, true)
        .terms(Fields.SLOT)
        .forEachBestPosition(
            (b, best) -> {
              String keyword = Composites.string(b, Fields.KEYWORD);
              String vantage = Composites.string(b, Fields.VANTAGE);
              String product = Composites.string(b, Fields.PRODUCT_ID);
              Builder builder =
                  series.computeIfAbsent(
                      List.of(keyword, vantage, product),
                      k -> new Builder(Composites.string(b, Fields.MATRIX_ACCOUNT)));
              builder.raw.put(Composites.number(b, Fields.SLOT), best);
            });
    addDaily(from, to, common, series);
    Map<String, ListingNames.Name> titles =
        new ListingNames(client, names, profile)
            .latest(series.keySet().stream().map(k -> k.get(2)).toList(), to);
    List<RankSeries> result = new ArrayList<>();
    series.forEach(
        (key, builder) ->
            result.add(
                builder.build(
                    key,
                    rankedSlots.getOrDefault(List.of(key.get(0), key.get(1)), new TreeSet<>()),
                    titles.get(key.get(2)))));
    return result;
  }

  private Map<List<String>, TreeSet<Long>> rankedSlots(
      Instant from, Instant to, Collection<String> keywords, Collection<String> vantages) {
    Map<List<String>, TreeSet<Long>> slots = new HashMap<>();
    new Composites(
            client,
            names.samplesAlias(),
            Filters.bool(
                b -> {
                  Filters.window(b, from, to, profile, keywords, vantages);
                  b.filter(Filters.ranked());
                }))
        .terms(Fields.KEYWORD)
        .terms(Fields.VANTAGE)
        .terms(Fields.SLOT)
        .forEach(
            b ->
                slots
                    .computeIfAbsent(
                        List.of(
                            Composites.string(b, Fields.KEYWORD),
                            Composites.string(b, Fields.VANTAGE)),
                        k -> new TreeSet<>())
                    .add(Composites.number(b, Fields.SLOT)));
    return slots;
  }

  private void addDaily(
      Instant from,
      Instant to,
      Consumer<BoolQuery.Builder> common,
      Map<List<String>, Builder> series) {
    LocalDate firstDay = LocalDate.ofInstant(from, ZoneOffset.UTC);
    LocalDate lastDay = LocalDate.ofInstant(to.minusMillis(1), ZoneOffset.UTC);
    Iterable<List<Hit<DailySummary>>> pages =
        Searches.pages(
            client,
            List.of(names.dailyAlias()),
            DailySummary.class,
            "Reading daily summaries failed",
            Composites.PAGE,
            s ->
                s.query(
                        Filters.bool(
                            b -> {
                              b.filter(
                                  f ->
                                      f.range(
                                          r ->
                                              r.date(
                                                  d ->
                                                      d.field(Fields.DAY)
                                                          .gte(firstDay.toString())
                                                          .lte(lastDay.toString()))));
                              common.accept(b);
                            }))
                    .sort(o -> o.field(f -> f.field(Fields.KEYWORD)))
                    .sort(o -> o.field(f -> f.field(Fields.VANTAGE)))
                    .sort(o -> o.field(f -> f.field(Fields.PRODUCT_ID)))
                    .sort(o -> o.field(f -> f.field(Fields.DAY))));
    for (List<Hit<DailySummary>> page : pages) {
      for (Hit<DailySummary> hit : page) {
        DailySummary d = hit.source();
        series
            .computeIfAbsent(
                List.of(d.keyword(), d.vantage(), d.productId()),
                k -> new Builder(d.matrixAccount()))
            .daily
            .add(d);
      }
    }
  }

  private static int compare(List<String> a, List<String> b) {
    for (int i = 0; i < a.size(); i++) {
      int c = a.get(i).compareTo(b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  private static final class Builder {
    private final String account;
    private final TreeMap<Long, Integer> raw = new TreeMap<>();
    private final List<DailySummary> daily = new ArrayList<>();

    Builder(String account) {
      this.account = account;
    }

    RankSeries build(List<String> key, TreeSet<Long> ranked, ListingNames.Name name) {
      TreeMap<Long, RankSeries.Point> points = new TreeMap<>();
      raw.forEach(
          (slot, position) -> {
            Long previous = ranked.lower(slot);
            Integer before = previous == null ? null : raw.get(previous);
            Integer movement = before == null ? null : before - position;
            points.put(
                slot,
                new RankSeries.Point(
                    Instant.ofEpochMilli(slot), position, position, movement, false));
          });
      for (DailySummary d : daily) {
        Instant start = d.day().atStartOfDay(ZoneOffset.UTC).toInstant();
        long s = start.toEpochMilli();
        long e = start.plus(1, ChronoUnit.DAYS).toEpochMilli();
        if (raw.subMap(s, e).isEmpty()) {
          points.put(
              s, new RankSeries.Point(start, d.bestPosition(), d.worstPosition(), null, true));
        }
      }
      return new RankSeries(
          key.get(0),
          key.get(1),
          key.get(2),
          account,
          name == null ? null : name.title(),
          name == null ? null : name.shopName(),
          new ArrayList<>(points.values()));
    }
  }
}
