package com.mallrank.index.report;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.mallrank.index.schema.Composites;
import com.mallrank.index.schema.Fields;
import com.mallrank.index.schema.Filters;
import com.mallrank.index.schema.IndexNames;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The status of every sample (slot × profile × keyword × vantage) in a window, from one paged
 * {@code composite} aggregation over the samples (no listings read): what a rank chart needs to
 * tell "not measured" (blocked, empty, layout changed, ...) from "not in the ranked depth". The
 * answer has one row per sample, so its size is keywords × vantages × slots, never listings.
 */
final class SampleStatuses extends ReportQuery {

  SampleStatuses(ElasticsearchClient client, IndexNames names, String profile) {
    super(client, names, profile);
  }

  /**
   * The samples of [from, to).
   *
   * @param keywords keywords, {@code null}/empty for all
   * @param vantages vantages, {@code null}/empty for all
   * @return one row per sample, sorted by keyword, vantage, slot
   */
  List<SampleStatusRow> run(
      Instant from, Instant to, Collection<String> keywords, Collection<String> vantages) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    List<SampleStatusRow> rows = new ArrayList<>();
    new Composites(
            client,
            names.samplesAlias(),
            Filters.bool(b -> Filters.window(b, from, to, profile, keywords, vantages)))
        .terms(Fields.KEYWORD)
        .terms(Fields.VANTAGE)
        .terms(Fields.SLOT)
        .terms(Fields.PROFILE)
        .terms(Fields.STATUS)
        .terms(Fields.MARKER, Fields.MARKER, true)
        .forEach(
            b ->
                rows.add(
                    new SampleStatusRow(
                        Composites.string(b, Fields.KEYWORD),
                        Composites.string(b, Fields.VANTAGE),
                        Instant.ofEpochMilli(Composites.number(b, Fields.SLOT)),
                        Composites.string(b, Fields.STATUS),
                        Composites.string(b, Fields.PROFILE),
                        Composites.string(b, Fields.MARKER))));
    return rows;
  }
}
