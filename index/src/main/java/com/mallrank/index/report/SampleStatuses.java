package com.mallrank.index.report;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
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
public final class SampleStatuses {

  private final ElasticsearchClient client;
  private final IndexNames names;
  private final String profile;

  public SampleStatuses(ElasticsearchClient client, IndexNames names) {
    this(client, names, null);
  }

  private SampleStatuses(ElasticsearchClient client, IndexNames names, String profile) {
    this.client = Objects.requireNonNull(client, "client");
    this.names = Objects.requireNonNull(names, "names");
    this.profile = profile;
  }

  /**
   * This report on one site profile (surface) only; {@code null} for every profile. Samples of two
   * profiles are two samples of the same keyword and vantage, never one.
   */
  public SampleStatuses onProfile(String profile) {
    return new SampleStatuses(client, names, profile);
  }

  /**
   * The samples of [from, to).
   *
   * @param keywords keywords, {@code null}/empty for all
   * @param vantages vantages, {@code null}/empty for all
   * @return one row per sample, sorted by keyword, vantage, slot
   */
  public List<Row> run(
      Instant from, Instant to, Collection<String> keywords, Collection<String> vantages) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    List<Row> rows = new ArrayList<>();
    new Composites(
            client,
            names.samplesAlias(),
            Filters.bool(
                b -> {
                  b.filter(Filters.range("slot", from, to));
                  Filters.optionalTerms(b, "keyword", keywords);
                  Filters.profile(b, profile);
                  Filters.optionalTerms(b, "vantage", vantages);
                }))
        .terms("keyword")
        .terms("vantage")
        .terms("slot")
        .terms("profile")
        .terms("status")
        .forEach(
            b ->
                rows.add(
                    new Row(
                        Composites.string(b, "keyword"),
                        Composites.string(b, "vantage"),
                        Instant.ofEpochMilli(Composites.number(b, "slot")),
                        Composites.string(b, "status"),
                        Composites.string(b, "profile"))));
    return rows;
  }

  /**
   * One sample.
   *
   * @param keyword the keyword
   * @param vantage the vantage
   * @param slot the slot
   * @param status its status code ({@code ok}, {@code blocked}, ...)
   * @param profile the site profile (surface) sampled
   */
  public record Row(String keyword, String vantage, Instant slot, String status, String profile) {

    /** A row whose profile is not known (fixtures). */
    public Row(String keyword, String vantage, Instant slot, String status) {
      this(keyword, vantage, slot, status, null);
    }

    /** Whether the sample produced ranks (ok or partial; the one rule in SampleDocument). */
    public boolean ranked() {
      return com.mallrank.index.document.SampleDocument.producesRanks(status);
    }
  }
}
