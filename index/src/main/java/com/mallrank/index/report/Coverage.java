package com.mallrank.index.report;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import com.mallrank.index.schema.Composites;
import com.mallrank.index.schema.Fields;
import com.mallrank.index.schema.Filters;
import com.mallrank.index.schema.IndexNames;
import com.mallrank.index.schema.Searches;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The keyword × matrix-account coverage report (see {@link CoverageReport}), computed with
 * aggregations only: paged {@code composite} aggregations folded bucket by bucket, so memory grows
 * with the number of keywords × accounts, never with the number of listings.
 *
 * <p>Queries: samples by keyword (ranked or not); own Top-20 listings by (keyword, vantage, slot,
 * account) — one bucket per sample an account held, giving the cells and cannibalisation; Top-20
 * positions by account (shares); own listings at 21–50 by (keyword, account) (near misses); own
 * listings of the gap keywords by (keyword, account) (the presence fallback of the suggestion).
 *
 * <p>Suggestion for a gap: the account with the best near-miss position (ties: more near-miss
 * observations, then account id); else the account with the most listings at any position in the
 * keyword's results in the window; else none.
 */
final class Coverage extends ReportQuery {

  /** The deepest near-miss position. */
  static final int NEAR_MISS_MAX = 50;

  Coverage(ElasticsearchClient client, IndexNames names, String profile) {
    super(client, names, profile);
  }

  /**
   * Runs the report over [from, to).
   *
   * @param keywords the keywords, {@code null} or empty for all
   * @param vantages the vantages, {@code null} or empty for all
   */
  CoverageReport run(
      Instant from, Instant to, Collection<String> keywords, Collection<String> vantages) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Consumer<BoolQuery.Builder> window =
        b -> Filters.window(b, from, to, profile, keywords, vantages);

    // keywords sampled, and which of them have a ranked sample
    TreeSet<String> ranked = new TreeSet<>();
    TreeSet<String> unranked = new TreeSet<>();
    new Composites(client, names.samplesAlias(), Filters.bool(window))
        .terms(Fields.KEYWORD)
        .sub("ranked", Aggregation.of(a -> a.filter(Filters.ranked())))
        .forEach(
            b -> {
              String keyword = Composites.string(b, Fields.KEYWORD);
              (b.aggregations().get("ranked").filter().docCount() > 0 ? ranked : unranked)
                  .add(keyword);
            });

    // own Top-20 listings, one bucket per (keyword, vantage, slot, account)
    Map<List<String>, long[]> cells = new TreeMap<>(Coverage::compareKeys);
    Map<String, CannibalisationBuilder> fights = new TreeMap<>();
    SampleFold fold = new SampleFold(fights);
    ownListings(window, Filters.between(Fields.POSITION, 1, Top20Query.TOP))
        .terms(Fields.KEYWORD)
        .terms(Fields.VANTAGE)
        .terms(Fields.SLOT)
        .terms(Fields.MATRIX_ACCOUNT)
        .forEachBestPosition(
            (b, best) -> {
              String keyword = Composites.string(b, Fields.KEYWORD);
              String account = Composites.string(b, Fields.MATRIX_ACCOUNT);
              long[] cell =
                  cells.computeIfAbsent(List.of(keyword, account), k -> new long[] {best, 0});
              cell[0] = Math.min(cell[0], best);
              cell[1]++;
              fold.add(
                  keyword,
                  Composites.string(b, Fields.VANTAGE),
                  Composites.number(b, Fields.SLOT),
                  account);
            });
    fold.flush();

    // shares of the first screen
    Map<String, Long> held = new TreeMap<>();
    var firstScreen =
        Searches.search(
            client,
            names.listingsAlias(),
            Void.class,
            "Counting Top-20 positions failed",
            s ->
                s.size(0)
                    .trackTotalHits(t -> t.enabled(true))
                    .query(
                        Filters.bool(
                            b -> {
                              window.accept(b);
                              b.filter(Filters.between(Fields.POSITION, 1, Top20Query.TOP));
                            }))
                    .aggregations(
                        "accounts",
                        a -> a.terms(t -> t.field(Fields.MATRIX_ACCOUNT).size(10_000))));
    long total = firstScreen.hits().total() == null ? 0 : firstScreen.hits().total().value();
    firstScreen
        .aggregations()
        .get("accounts")
        .sterms()
        .buckets()
        .array()
        .forEach(b -> held.put(b.key().stringValue(), b.docCount()));

    // near misses
    List<CoverageReport.NearMiss> nearMisses = new ArrayList<>();
    ownListings(window, Filters.between(Fields.POSITION, Top20Query.TOP + 1, NEAR_MISS_MAX))
        .terms(Fields.KEYWORD)
        .terms(Fields.MATRIX_ACCOUNT)
        .sub(
            "best",
            Composites.first(
                List.of(Composites.by(Fields.POSITION, SortOrder.Asc)),
                Fields.PRODUCT_ID,
                Fields.POSITION,
                Fields.TITLE,
                Fields.SHOP_NAME))
        .forEach(
            b -> {
              var source = Composites.firstSource(b, "best");
              nearMisses.add(
                  new CoverageReport.NearMiss(
                      Composites.string(b, Fields.KEYWORD),
                      Composites.string(b, Fields.MATRIX_ACCOUNT),
                      source.getString(Fields.PRODUCT_ID),
                      source.getString(Fields.TITLE, null),
                      source.getString(Fields.SHOP_NAME, null),
                      source.getInt(Fields.POSITION),
                      b.docCount()));
            });

    // gaps and suggestions
    TreeSet<String> covered = new TreeSet<>();
    cells.keySet().forEach(k -> covered.add(k.get(0)));
    List<String> gapKeywords = ranked.stream().filter(k -> !covered.contains(k)).toList();
    Map<String, CoverageReport.NearMiss> bestNearMiss = new LinkedHashMap<>();
    for (CoverageReport.NearMiss m : nearMisses) {
      bestNearMiss.merge(m.keyword(), m, Coverage::better);
    }
    Map<String, String> presence = presence(window, gapKeywords, bestNearMiss);
    List<CoverageReport.Gap> gaps = new ArrayList<>();
    for (String keyword : gapKeywords) {
      CoverageReport.NearMiss m = bestNearMiss.get(keyword);
      if (m != null) {
        gaps.add(
            new CoverageReport.Gap(
                keyword, m.account(), CoverageReport.Basis.NEAR_MISS, m.bestPosition()));
      } else if (presence.containsKey(keyword)) {
        gaps.add(
            new CoverageReport.Gap(
                keyword, presence.get(keyword), CoverageReport.Basis.PRESENCE, null));
      } else {
        gaps.add(new CoverageReport.Gap(keyword, null, CoverageReport.Basis.NONE, null));
      }
    }

    List<CoverageReport.Cell> cellList = new ArrayList<>();
    cells.forEach(
        (k, v) -> cellList.add(new CoverageReport.Cell(k.get(0), k.get(1), (int) v[0], v[1])));
    List<CoverageReport.Share> shares = new ArrayList<>();
    held.forEach(
        (account, n) ->
            shares.add(new CoverageReport.Share(account, n, total == 0 ? 0 : (double) n / total)));
    List<CoverageReport.Cannibalisation> cannibalisation = new ArrayList<>();
    fights.values().forEach(f -> cannibalisation.add(f.build()));
    return new CoverageReport(
        from,
        to,
        cellList,
        shares,
        cannibalisation,
        gaps,
        nearMisses,
        List.copyOf(unranked),
        total);
  }

  /** The matrix-account listings of the window that also match {@code restriction}. */
  private Composites ownListings(Consumer<BoolQuery.Builder> window, Query restriction) {
    return new Composites(
        client,
        names.listingsAlias(),
        Filters.bool(
            b -> {
              window.accept(b);
              b.filter(restriction).filter(Filters.exists(Fields.MATRIX_ACCOUNT));
            }));
  }

  /** For gap keywords without a near miss: the account with the most listings at any position. */
  private Map<String, String> presence(
      Consumer<BoolQuery.Builder> window,
      List<String> gapKeywords,
      Map<String, CoverageReport.NearMiss> nearMiss) {
    List<String> rest = gapKeywords.stream().filter(k -> !nearMiss.containsKey(k)).toList();
    Map<String, String> best = new LinkedHashMap<>();
    if (rest.isEmpty()) {
      return best;
    }
    Map<String, Long> bestCount = new LinkedHashMap<>();
    ownListings(window, Filters.terms(Fields.KEYWORD, rest))
        .terms(Fields.KEYWORD)
        .terms(Fields.MATRIX_ACCOUNT)
        .forEach(
            b -> {
              String keyword = Composites.string(b, Fields.KEYWORD);
              // accounts arrive in id order: a strictly larger count wins, so ties keep the first
              // id
              if (b.docCount() > bestCount.getOrDefault(keyword, 0L)) {
                bestCount.put(keyword, b.docCount());
                best.put(keyword, Composites.string(b, Fields.MATRIX_ACCOUNT));
              }
            });
    return best;
  }

  private static CoverageReport.NearMiss better(
      CoverageReport.NearMiss a, CoverageReport.NearMiss b) {
    if (a.bestPosition() != b.bestPosition()) {
      return a.bestPosition() < b.bestPosition() ? a : b;
    }
    if (a.observations() != b.observations()) {
      return a.observations() > b.observations() ? a : b;
    }
    return a.account().compareTo(b.account()) <= 0 ? a : b;
  }

  private static int compareKeys(List<String> a, List<String> b) {
    int c = a.get(0).compareTo(b.get(0));
    return c != 0 ? c : a.get(1).compareTo(b.get(1));
  }

  /** Folds consecutive buckets of one sample (keyword, vantage, slot) into its set of accounts. */
  private static final class SampleFold {
    private final Map<String, CannibalisationBuilder> fights;
    private String keyword;
    private String vantage;
    private long slot;
    private final TreeSet<String> accounts = new TreeSet<>();

    SampleFold(Map<String, CannibalisationBuilder> fights) {
      this.fights = fights;
    }

    void add(String keyword, String vantage, long slot, String account) {
      if (!keyword.equals(this.keyword) || !vantage.equals(this.vantage) || slot != this.slot) {
        flush();
        this.keyword = keyword;
        this.vantage = vantage;
        this.slot = slot;
      }
      accounts.add(account);
    }

    void flush() {
      if (accounts.size() >= 2) {
        fights.computeIfAbsent(keyword, CannibalisationBuilder::new).add(accounts, slot);
      }
      accounts.clear();
    }
  }

  private static final class CannibalisationBuilder {
    private final String keyword;
    private final TreeSet<String> accounts = new TreeSet<>();
    private long samples;
    private long lastSlot = Long.MIN_VALUE;

    CannibalisationBuilder(String keyword) {
      this.keyword = keyword;
    }

    void add(Collection<String> sampleAccounts, long slot) {
      accounts.addAll(sampleAccounts);
      samples++;
      lastSlot = Math.max(lastSlot, slot);
    }

    CoverageReport.Cannibalisation build() {
      return new CoverageReport.Cannibalisation(
          keyword, List.copyOf(accounts), samples, Instant.ofEpochMilli(lastSlot));
    }
  }
}
