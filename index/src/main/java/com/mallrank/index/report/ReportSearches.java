package com.mallrank.index.report;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import com.mallrank.index.document.ListingDocument;
import com.mallrank.index.document.SampleDocument;
import com.mallrank.index.schema.Fields;
import com.mallrank.index.schema.Filters;
import com.mallrank.index.schema.IndexNames;
import com.mallrank.index.schema.Searches;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The bounded searches the reports are built from: filters and sorts, sizes computed from the
 * question (keywords x slots x positions), chunked below the 10,000-hit window.
 */
final class ReportSearches extends ReportQuery {

  /** Elasticsearch's default max_result_window. */
  static final int WINDOW = 10_000;

  private static final int KEYWORDS_PER_SAMPLE_SEARCH = 1_000;

  /** The vantage of samples taken logged out. */
  static final String ANONYMOUS = "anonymous";

  /** The most vantages one slot may list ({@link #vantages}). */
  static final int MAX_VANTAGES = 200;

  /**
   * How many site profiles (surfaces) one keyword may be sampled on in a slot when every profile is
   * read: each is its own sample, so the exact sizes below are multiplied by it.
   */
  static final int MAX_PROFILES = 4;

  /**
   * @param profile the site profile (surface) to read, or {@code null} for every profile
   */
  ReportSearches(ElasticsearchClient client, IndexNames names, String profile) {
    super(client, names, profile);
  }

  /** The site profile (surface) read, or {@code null} for every profile. */
  String profile() {
    return profile;
  }

  /**
   * The samples of these slots for one vantage; {@code keywords == null} means every keyword
   * sampled in those slots (fails when that is more than the window).
   */
  List<SampleDocument> samples(List<Instant> slots, String vantage, List<String> keywords) {
    if (keywords == null) {
      return searchSamples(slots, vantage, null, WINDOW);
    }
    List<SampleDocument> result = new ArrayList<>();
    for (List<String> chunk : chunks(keywords, KEYWORDS_PER_SAMPLE_SEARCH)) {
      result.addAll(searchSamples(slots, vantage, chunk, chunk.size() * slots.size() * surfaces()));
    }
    return result;
  }

  /**
   * The listings at positions 1..maxPosition of these slots, vantage and keywords, sorted by
   * keyword, slot and position. Each sample has at most one listing per position, so the size is
   * exact.
   */
  List<ListingDocument> listings(
      List<Instant> slots, String vantage, List<String> keywords, int maxPosition) {
    List<ListingDocument> result = new ArrayList<>();
    if (keywords.isEmpty()) {
      return result;
    }
    int perChunk = Math.max(1, WINDOW / (slots.size() * maxPosition * surfaces()));
    for (List<String> chunk : chunks(keywords, perChunk)) {
      int size = chunk.size() * slots.size() * maxPosition * surfaces();
      Query query =
          Query.of(
              q ->
                  q.bool(
                      b ->
                          b.filter(Filters.slots(slots))
                              .filter(Filters.term(Fields.VANTAGE, vantage))
                              .filter(profileFilter())
                              .filter(Filters.terms(Fields.KEYWORD, chunk))
                              .filter(Filters.atMost(Fields.POSITION, maxPosition))));
      result.addAll(
          Searches.sources(
              client,
              names.listingsAlias(),
              ListingDocument.class,
              s ->
                  s.query(query)
                      .size(size)
                      .sort(o -> o.field(f -> f.field(Fields.KEYWORD).order(SortOrder.Asc)))
                      .sort(o -> o.field(f -> f.field(Fields.SLOT).order(SortOrder.Asc)))
                      .sort(o -> o.field(f -> f.field(Fields.POSITION).order(SortOrder.Asc)))));
    }
    return result;
  }

  /**
   * The vantages with a sample in the slot (on the profile read): {@value #ANONYMOUS} first, then
   * the others sorted. Fails when there are more than {@value #MAX_VANTAGES}.
   */
  List<String> vantages(Instant slot) {
    var response =
        Searches.search(
            client,
            names.samplesAlias(),
            Void.class,
            "Listing the vantages of " + slot + " failed",
            s ->
                s.size(0)
                    .query(
                        q ->
                            q.bool(
                                b ->
                                    b.filter(Filters.slots(List.of(slot))).filter(profileFilter())))
                    .aggregations(
                        Fields.VANTAGE,
                        a -> a.terms(t -> t.field(Fields.VANTAGE).size(MAX_VANTAGES + 1))));
    List<String> vantages = new ArrayList<>();
    var terms = response.aggregations().get(Fields.VANTAGE);
    if (terms != null) {
      terms.sterms().buckets().array().forEach(b -> vantages.add(b.key().stringValue()));
    }
    if (vantages.size() > MAX_VANTAGES) {
      throw new IllegalArgumentException(
          "more than "
              + MAX_VANTAGES
              + " vantages sampled in "
              + slot
              + "; name the vantages to report on explicitly");
    }
    vantages.sort(
        Comparator.comparing((String v) -> !v.equals(ANONYMOUS))
            .thenComparing(Comparator.naturalOrder()));
    return vantages;
  }

  private List<SampleDocument> searchSamples(
      List<Instant> slots, String vantage, List<String> keywords, int size) {
    Query query =
        Filters.bool(
            b -> {
              b.filter(Filters.slots(slots))
                  .filter(Filters.term(Fields.VANTAGE, vantage))
                  .filter(profileFilter());
              if (keywords != null) {
                b.filter(Filters.terms(Fields.KEYWORD, keywords));
              }
            });
    SearchResponse<SampleDocument> response =
        Searches.search(
            client,
            names.samplesAlias(),
            SampleDocument.class,
            "Searching " + names.samplesAlias() + " failed",
            s ->
                s.query(query)
                    .size(size)
                    .trackTotalHits(t -> t.enabled(true))
                    .sort(o -> o.field(f -> f.field(Fields.KEYWORD).order(SortOrder.Asc)))
                    .sort(o -> o.field(f -> f.field(Fields.SLOT).order(SortOrder.Asc))));
    long total = response.hits().total() == null ? 0 : response.hits().total().value();
    if (total > size) {
      throw new IllegalArgumentException(
          total
              + " samples match (more than "
              + size
              + "); pass the keywords to report on explicitly");
    }
    return Searches.sources(response);
  }

  /** How many samples of one keyword, slot and vantage a search may find. */
  private int surfaces() {
    return profile == null ? MAX_PROFILES : 1;
  }

  /** The profile filter, or match-all when every profile is read. */
  private Query profileFilter() {
    return profile == null
        ? Query.of(q -> q.matchAll(m -> m))
        : Filters.term(Fields.PROFILE, profile);
  }

  static <T> List<List<T>> chunks(List<T> list, int size) {
    List<List<T>> chunks = new ArrayList<>();
    for (int i = 0; i < list.size(); i += size) {
      chunks.add(list.subList(i, Math.min(list.size(), i + size)));
    }
    return chunks;
  }
}
