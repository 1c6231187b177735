package com.mallrank.index.report;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.mallrank.index.document.ChangeEvent;
import com.mallrank.index.schema.IndexNames;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Every question the stored samples, listings, change events and daily summaries answer, in one
 * place: the only public way into the report queries. Built once from a client and the index names
 * (the batch holds one, lazily); the query classes behind it are package-private, so a caller never
 * builds one and every report shares the same client, names and profile scope.
 *
 * <p>Results are records ({@link Top20Report}, {@link ComparisonReport}, {@link CoverageReport},
 * ...); questions with many inputs are parameter records ({@link Top20Query}, {@link
 * ChangeLogQuery}). Cheap to create: holds no connection of its own.
 */
public final class Reports {

  private final Supplier<ElasticsearchClient> clients;
  private final IndexNames names;
  private final String profile;

  public Reports(ElasticsearchClient client, IndexNames names) {
    this(constant(Objects.requireNonNull(client, "client")), names);
  }

  /**
   * Reports whose client is asked for on each question, not now: a command line holds one of these
   * without connecting (or starting a local server) until a report actually runs.
   */
  public Reports(Supplier<ElasticsearchClient> client, IndexNames names) {
    this(client, names, null);
  }

  private Reports(Supplier<ElasticsearchClient> clients, IndexNames names, String profile) {
    this.clients = Objects.requireNonNull(clients, "client");
    this.names = Objects.requireNonNull(names, "names");
    this.profile = profile;
  }

  private static Supplier<ElasticsearchClient> constant(ElasticsearchClient client) {
    return () -> client;
  }

  /**
   * These reports on one site profile (surface) only; {@code null} for every profile. Samples of
   * two profiles are two samples of the same keyword and vantage, never one.
   */
  public Reports onProfile(String surface) {
    return new Reports(clients, names, surface);
  }

  /** The index names read. */
  public IndexNames names() {
    return names;
  }

  /** The Top-20 per keyword of one slot and vantage; see {@link Top20Query}. */
  public Top20Report top20(Top20Query query) {
    return new Top20(searches()).run(Objects.requireNonNull(query, "query"));
  }

  /** {@link #top20(Top20Query)} of {@code new Top20Query(slot, vantage, keywords)}. */
  public Top20Report top20(Instant slot, String vantage, List<String> keywords) {
    return top20(new Top20Query(slot, vantage, keywords));
  }

  /**
   * The Top-20 per keyword of one slot from several vantages, side by side; see {@link
   * Top20VantagesQuery}.
   */
  public Top20VantagesReport top20Vantages(Top20VantagesQuery query) {
    return new Top20(searches()).runVantages(Objects.requireNonNull(query, "query"));
  }

  /**
   * The vantages with a sample in the slot (on this profile, or on any when unscoped): {@code
   * anonymous} first, then the matrix accounts sorted.
   */
  public List<String> vantages(Instant slot) {
    return searches().vantages(Objects.requireNonNull(slot, "slot"));
  }

  /**
   * What changed in the Top-20 between two slots, per keyword, for one vantage.
   *
   * @param keywords the keywords, in this order; {@code null} or empty for every keyword sampled in
   *     either slot (sorted)
   */
  public ComparisonReport compare(
      Instant before, Instant after, String vantage, List<String> keywords) {
    return compare(before, after, vantage, keywords, Top20Query.TOP);
  }

  /** {@link #compare(Instant, Instant, String, List)} of positions 1..topN (1..100). */
  public ComparisonReport compare(
      Instant before, Instant after, String vantage, List<String> keywords, int topN) {
    return new SlotComparison(searches()).compare(before, after, vantage, keywords, topN);
  }

  /**
   * The keyword × matrix-account coverage of [from, to).
   *
   * @param keywords the keywords, {@code null} or empty for all
   * @param vantages the vantages, {@code null} or empty for all
   */
  public CoverageReport coverage(
      Instant from, Instant to, Collection<String> keywords, Collection<String> vantages) {
    return new Coverage(client(), names, profile).run(from, to, keywords, vantages);
  }

  /**
   * Positions per slot of products over [from, to), raw and (where retention deleted the raw
   * listings) daily.
   *
   * @param productIds products, {@code null}/empty for every matrix-account listing
   * @return the series sorted by keyword, vantage, product
   */
  public List<RankSeries> history(
      Instant from,
      Instant to,
      Collection<String> keywords,
      Collection<String> vantages,
      Collection<String> productIds) {
    return new RankHistory(client(), names, profile).run(from, to, keywords, vantages, productIds);
  }

  /** How differently the vantages see each own listing in one slot; sorted by keyword, product. */
  public List<SpreadRow> spread(Instant slot, Collection<String> keywords) {
    return new VantageSpread(client(), names, profile).run(slot, keywords);
  }

  /**
   * Samples by status per slot, vantage and keyword over [from, to), and the expected slots that
   * have no sample at all.
   */
  public SamplingHealthReport health(Instant from, Instant to, Collection<Instant> expectedSlots) {
    return new SamplingHealth(client(), names, profile).run(from, to, expectedSlots);
  }

  /** The status of every sample of [from, to), sorted by keyword, vantage, slot. */
  public List<SampleStatusRow> statuses(
      Instant from, Instant to, Collection<String> keywords, Collection<String> vantages) {
    return new SampleStatuses(client(), names, profile).run(from, to, keywords, vantages);
  }

  /**
   * What {@code profile repair} learns from for a keyword on this profile ({@link #onProfile} is
   * required): the newest layout_changed sample with kept evidence and the last ok/partial sample
   * before it with its listings; empty when no such failed sample exists.
   *
   * @param group only samples that served this plan group; {@code null} for any
   */
  public Optional<RepairEvidence> repairEvidence(String keyword, String group) {
    return new RepairSources(client(), names, profile).run(keyword, group);
  }

  /**
   * The keywords whose samples turned layout_changed in [from, to), per profile, with what a repair
   * needs (evidence kept, an earlier sample with ranks); sorted by profile and keyword.
   */
  public List<LayoutChangeRow> layoutChanges(Instant from, Instant to) {
    return new LayoutChanges(client(), names, profile).run(from, to);
  }

  /** One page of the change log. */
  public ChangeLogPage changeLog(ChangeLogQuery query) {
    return changeLogQuery().page(query);
  }

  /** Every event of the change log query, page by page, handed to {@code action} in order. */
  public void changeLog(ChangeLogQuery query, Consumer<ChangeEvent> action) {
    changeLogQuery().forEach(query, action);
  }

  /** Why one {@code own_moved} event dropped: the competitor changes between its two slots. */
  public RankDropExplanation explain(ChangeEvent drop) {
    return explainer().explain(drop);
  }

  /** Explains the change of one product between two slots. */
  public RankDropExplanation explain(
      String keyword, String vantage, String productId, Instant before, Instant after) {
    return explainer().explain(keyword, vantage, productId, before, after);
  }

  /**
   * Every drop of own listings in [from, to) (optionally of one keyword, vantage, product), each
   * explained; newest first.
   */
  public List<RankDropExplanation> drops(
      Instant from, Instant to, String keyword, String vantage, String productId) {
    return explainer().drops(from, to, keyword, vantage, productId);
  }

  /** What one slot holds (every profile): samples, listings, samples by status. */
  public SlotCounts counts(Instant slot) {
    SampleCounts counts = new SampleCounts(client(), names);
    return new SlotCounts(
        slot, counts.samples(slot), counts.listings(slot), counts.samplesByStatus(slot));
  }

  /** Listing documents of one sample (of this profile, or of every profile when unscoped). */
  public long listingCount(Instant slot, String keyword, String vantage) {
    return new SampleCounts(client(), names).listings(slot, profile, keyword, vantage);
  }

  /** The latest slot that has any sample (any profile), if any. */
  public Optional<Instant> latestSlot() {
    return new SampleCounts(client(), names).latestSlot();
  }

  /**
   * What each identity's samples say about its login, per surface (site profile, every slot): one
   * row per identity asked for and surface it was sampled on, identities in the order asked.
   */
  public List<AccountActivityRow> accountActivity(Collection<String> vantages) {
    return new AccountActivity(client(), names).run(vantages);
  }

  private ElasticsearchClient client() {
    return Objects.requireNonNull(clients.get(), "client");
  }

  private ReportSearches searches() {
    return new ReportSearches(client(), names, profile);
  }

  private ChangeLog changeLogQuery() {
    return new ChangeLog(client(), names, profile);
  }

  private RankDropExplainer explainer() {
    return new RankDropExplainer(client(), names, profile);
  }
}
