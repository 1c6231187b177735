package com.mallrank.index.report;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeBucket;
import com.mallrank.index.document.SampleStatus;
import com.mallrank.index.schema.Composites;
import com.mallrank.index.schema.Fields;
import com.mallrank.index.schema.Filters;
import com.mallrank.index.schema.IndexNames;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The keywords whose samples turned {@code layout_changed} in a window, per profile ({@link
 * LayoutChangeRow}): one composite aggregation over those samples (count, latest slot, evidence
 * kept) and one over the same keywords' ranked samples up to the window's end (latest slot).
 */
final class LayoutChanges extends ReportQuery {

  private static final int KEYWORDS_PER_SEARCH = 1_000;

  LayoutChanges(ElasticsearchClient client, IndexNames names, String profile) {
    super(client, names, profile);
  }

  /** The rows, sorted by profile and keyword. */
  List<LayoutChangeRow> run(Instant from, Instant to) {
    record Changed(long samples, Instant last, long kept) {}
    Map<List<String>, Changed> changed = new LinkedHashMap<>();
    new Composites(
            client,
            names.samplesAlias(),
            Filters.bool(
                b -> {
                  b.filter(Filters.range(Fields.SLOT, from, to))
                      .filter(Filters.term(Fields.STATUS, SampleStatus.LAYOUT_CHANGED));
                  Filters.profile(b, profile);
                }))
        .terms(Fields.PROFILE)
        .terms(Fields.KEYWORD)
        .sub("last", Aggregation.of(a -> a.max(m -> m.field(Fields.SLOT))))
        .sub("kept", Aggregation.of(a -> a.filter(Filters.exists(Fields.EVIDENCE_PATH))))
        .forEach(
            b ->
                changed.put(
                    key(b),
                    new Changed(
                        b.docCount(), slot(b), b.aggregations().get("kept").filter().docCount())));
    Map<List<String>, Instant> ranked = new LinkedHashMap<>();
    List<String> keywords = changed.keySet().stream().map(k -> k.get(1)).distinct().toList();
    for (int i = 0; i < keywords.size(); i += KEYWORDS_PER_SEARCH) {
      List<String> chunk = keywords.subList(i, Math.min(keywords.size(), i + KEYWORDS_PER_SEARCH));
      new Composites(
              client,
              names.samplesAlias(),
              Filters.bool(
                  b -> {
                    b.filter(Filters.before(Fields.SLOT, to))
                        .filter(Filters.ranked())
                        .filter(Filters.terms(Fields.KEYWORD, chunk));
                    Filters.profile(b, profile);
                  }))
          .terms(Fields.PROFILE)
          .terms(Fields.KEYWORD)
          .sub("last", Aggregation.of(a -> a.max(m -> m.field(Fields.SLOT))))
          .forEach(b -> ranked.put(key(b), slot(b)));
    }
    List<LayoutChangeRow> rows = new ArrayList<>();
    changed.forEach(
        (key, c) ->
            rows.add(
                new LayoutChangeRow(
                    key.get(0), key.get(1), c.samples(), c.last(), c.kept(), ranked.get(key))));
    return rows;
  }

  private static List<String> key(CompositeBucket b) {
    return List.of(Composites.string(b, Fields.PROFILE), Composites.string(b, Fields.KEYWORD));
  }

  private static Instant slot(CompositeBucket b) {
    return Instant.ofEpochMilli((long) b.aggregations().get("last").max().value());
  }
}
