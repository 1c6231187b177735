package com.mallrank.index.report;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import com.mallrank.index.schema.Composites;
import com.mallrank.index.schema.Fields;
import com.mallrank.index.schema.Filters;
import com.mallrank.index.schema.IndexNames;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How differently the vantages (anonymous, each matrix account: 千人千面) see each own listing in one
 * slot: per keyword and product, the best position per vantage, then min, max and median over the
 * vantages where it was found. One paged {@code composite} aggregation (keyword, product, account)
 * with a {@code terms} sub-aggregation per vantage → {@code min(position)}; a vantage whose sample
 * was not ranked has no listings and so does not count.
 */
final class VantageSpread extends ReportQuery {

  /** The most vantages per slot the terms sub-aggregation returns. */
  static final int MAX_VANTAGES = 100;

  VantageSpread(ElasticsearchClient client, IndexNames names, String profile) {
    super(client, names, profile);
  }

  /**
   * Runs the report.
   *
   * @param keywords keywords, {@code null}/empty for all
   * @return rows sorted by keyword, product
   */
  List<SpreadRow> run(Instant slot, Collection<String> keywords) {
    Objects.requireNonNull(slot, "slot");
    List<SpreadRow> rows = new ArrayList<>();
    List<String> products = new ArrayList<>();
    new Composites(
            client,
            names.listingsAlias(),
            Filters.bool(
                b -> {
                  b.filter(Filters.term(Fields.SLOT, slot.toString()))
                      .filter(Filters.exists(Fields.MATRIX_ACCOUNT));
                  Filters.optionalTerms(b, Fields.KEYWORD, keywords);
                  Filters.profile(b, profile);
                }))
        .terms(Fields.KEYWORD)
        .terms(Fields.PRODUCT_ID)
        .terms(Fields.MATRIX_ACCOUNT)
        .sub(
            "vantages",
            Aggregation.of(
                a ->
                    a.terms(t -> t.field(Fields.VANTAGE).size(MAX_VANTAGES))
                        .aggregations("best", m -> m.min(x -> x.field(Fields.POSITION)))))
        .forEach(
            b -> {
              Map<String, Integer> positions = new TreeMap<>();
              b.aggregations()
                  .get("vantages")
                  .sterms()
                  .buckets()
                  .array()
                  .forEach(
                      v ->
                          positions.put(
                              v.key().stringValue(),
                              (int) v.aggregations().get("best").min().value()));
              List<Integer> sorted = positions.values().stream().sorted().toList();
              int n = sorted.size();
              double median =
                  n % 2 == 1
                      ? sorted.get(n / 2)
                      : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
              products.add(Composites.string(b, Fields.PRODUCT_ID));
              rows.add(
                  new SpreadRow(
                      Composites.string(b, Fields.KEYWORD),
                      Composites.string(b, Fields.PRODUCT_ID),
                      Composites.string(b, Fields.MATRIX_ACCOUNT),
                      null,
                      null,
                      positions,
                      sorted.get(0),
                      sorted.get(n - 1),
                      median));
            });
    Map<String, ListingNames.Name> titles =
        new ListingNames(client, names, profile).latest(products, slot.plusMillis(1));
    return rows.stream()
        .map(
            r -> {
              ListingNames.Name name = titles.get(r.productId());
              return name == null
                  ? r
                  : new SpreadRow(
                      r.keyword(),
                      r.productId(),
                      r.matrixAccount(),
                      name.title(),
                      name.shopName(),
                      r.positions(),
                      r.min(),
                      r.max(),
                      r.median());
            })
        .toList();
  }
}
