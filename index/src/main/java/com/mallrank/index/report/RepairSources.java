package com.mallrank.index.report;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import com.mallrank.index.document.ListingDocument;
import com.mallrank.index.document.SampleDocument;
import com.mallrank.index.document.SampleStatus;
import com.mallrank.index.schema.Fields;
import com.mallrank.index.schema.Filters;
import com.mallrank.index.schema.IndexNames;
import com.mallrank.index.schema.Searches;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The samples {@code profile repair} learns from ({@link RepairEvidence}): three small searches,
 * newest first, each of at most one sample or one sample's listings.
 */
final class RepairSources extends ReportQuery {

  /** The most listings read of one sample (a page holds at most 60). */
  static final int MAX_LISTINGS = 200;

  RepairSources(ElasticsearchClient client, IndexNames names, String profile) {
    super(
        client,
        names,
        Objects.requireNonNull(profile, "a repair needs the profile: onProfile(id)"));
  }

  Optional<RepairEvidence> run(String keyword, String group) {
    Optional<SampleDocument> failed =
        newest(
            Filters.bool(
                b -> {
                  scope(b, keyword, group);
                  b.filter(Filters.term(Fields.STATUS, SampleStatus.LAYOUT_CHANGED))
                      .filter(Filters.exists(Fields.EVIDENCE_PATH));
                }));
    if (failed.isEmpty()) {
      return Optional.empty();
    }
    SampleDocument broken = failed.get();
    Optional<SampleDocument> ranked =
        newest(
                Filters.bool(
                    b -> {
                      scope(b, keyword, group);
                      b.filter(Filters.ranked())
                          .filter(Filters.before(Fields.SLOT, broken.slot()))
                          .filter(Filters.term(Fields.VANTAGE, broken.vantage()));
                    }))
            .or(
                () ->
                    newest(
                        Filters.bool(
                            b -> {
                              scope(b, keyword, group);
                              b.filter(Filters.ranked())
                                  .filter(Filters.before(Fields.SLOT, broken.slot()));
                            })));
    return Optional.of(
        new RepairEvidence(
            broken, ranked.orElse(null), ranked.map(this::listings).orElse(List.of())));
  }

  private void scope(
      co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery.Builder b,
      String keyword,
      String group) {
    b.filter(Filters.term(Fields.KEYWORD, keyword));
    Filters.profile(b, profile);
    if (group != null) {
      b.filter(Filters.term(Fields.GROUP, group));
    }
  }

  private Optional<SampleDocument> newest(Query query) {
    return Searches.sources(
            client,
            names.samplesAlias(),
            SampleDocument.class,
            s ->
                s.query(query)
                    .size(1)
                    .sort(o -> o.field(f -> f.field(Fields.SLOT).order(SortOrder.Desc)))
                    .sort(o -> o.field(f -> f.field(Fields.VANTAGE).order(SortOrder.Asc))))
        .stream()
        .findFirst();
  }

  private List<ListingDocument> listings(SampleDocument sample) {
    return Searches.sources(
        client,
        names.listingsAlias(),
        ListingDocument.class,
        s ->
            s.query(
                    Filters.bool(
                        b ->
                            Filters.sample(
                                b, sample.slot(), profile, sample.keyword(), sample.vantage())))
                .size(MAX_LISTINGS)
                .sort(o -> o.field(f -> f.field(Fields.POSITION).order(SortOrder.Asc))));
  }
}
