package com.mallrank.crawler.sandbox;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The sandbox mall's ground truth: catalogue, keyword pools, hourly ranking, competitor change
 * schedule and matrix accounts. Everything is a pure function of the seed and (keyword, slot,
 * identity); the HTML of {@link SandboxMall} is rendered from exactly these answers, so a test can
 * compare what was extracted with {@link #results}.
 *
 * <p>Matrix accounts (ids for the starter config): {@code mx-hangzhou} (3 shops: women's down
 * jackets, knitwear, make-up), {@code mx-yiwu} (2 shops: cleaning, home textiles), {@code
 * mx-guangzhou} (3 shops: earphones, shoes, women's down jackets). Their shop ids depend on the
 * seed; get them from {@link #matrixAccountShops()}, or run {@code SandboxMain --print-accounts}.
 * With {@link #DEFAULT_SEED} every world, on every machine, has the same ids.
 *
 * <p>What reports can rely on (by construction, for every slot and identity): {@code 加厚羽绒服女长款} has
 * {@code mx-hangzhou} and {@code mx-guangzhou} both in the Top-20 positions; each placed TOP
 * listing stays within positions 1–20 and each NEAR listing within positions 21–60 (organic ranks
 * 21–50); keywords without placements (e.g. {@code 男士冲锋衣三合一}) contain no matrix product at all;
 * {@code 火星土壤盆栽礼盒} has no results. Ads are never matrix products.
 *
 * <p>Thread-safe and immutable.
 */
public final class SandboxWorld {

  /** The seed of the standard world used by the demo and tests. */
  public static final long DEFAULT_SEED = 20261128L;

  private final long seed;
  private final Catalogue catalogue;
  private final Map<String, KeywordPools.Pool> pools;
  private final ChangeSchedule schedule;
  private final Ranker ranker;

  private SandboxWorld(long seed) {
    this.seed = seed;
    this.catalogue = new CatalogueGenerator(seed).generate();
    this.pools = Collections.unmodifiableMap(new KeywordPools(seed, catalogue).build());
    this.schedule = new ChangeSchedule(seed);
    this.ranker = new Ranker(seed);
  }

  /** The standard world ({@link #DEFAULT_SEED}). */
  public static SandboxWorld create() {
    return new SandboxWorld(DEFAULT_SEED);
  }

  /** A world with another seed: other ids, titles and noise, same structure and invariants. */
  public static SandboxWorld create(long seed) {
    return new SandboxWorld(seed);
  }

  public long seed() {
    return seed;
  }

  /** All tracked keywords, including {@link #noResultsKeyword()}, in a stable order. */
  public List<String> keywords() {
    return List.copyOf(pools.keySet());
  }

  /** A keyword the mall has no results for. */
  public String noResultsKeyword() {
    return KeywordCatalogue.NO_RESULTS_KEYWORD;
  }

  /**
   * The result page for a keyword: one card per position, sponsored ones included. Empty for an
   * unknown keyword or {@link #noResultsKeyword()}.
   *
   * @param slot any instant; it is truncated to its hour
   * @param identity the {@code sandbox_uid} of the searcher; {@code null}, blank or {@code
   *     anonymous} for an anonymous search
   */
  public List<SandboxCard> results(String keyword, Instant slot, String identity) {
    KeywordPools.Pool pool = pools.get(keyword);
    if (pool == null || pool.baseline().isEmpty()) {
      return List.of();
    }
    Instant s = SandboxClock.slotOf(slot);
    return ranker.page(pool, s, normalise(identity)).stream()
        .map(placed -> card(placed, s))
        .toList();
  }

  /** What the product shows during the slot. */
  public ProductState state(String productId, Instant slot) {
    return schedule.state(catalogue.product(productId), SandboxClock.slotOf(slot));
  }

  /**
   * Every scheduled competitor change taking effect in the slots after {@code fromSlot} up to and
   * including {@code toSlot}, in time order. Matrix products never change.
   */
  public List<ScheduledChange> competitorChanges(Instant fromSlot, Instant toSlot) {
    return schedule.changes(
        catalogue.products(), SandboxClock.slotOf(fromSlot), SandboxClock.slotOf(toSlot));
  }

  /** Matrix account id → the ids of the shops it runs (accounts and shops in a stable order). */
  public Map<String, Set<String>> matrixAccountShops() {
    return catalogue.matrixAccountShops();
  }

  /** All shops: shop id → shop name. */
  public Map<String, String> shops() {
    Map<String, String> result = new LinkedHashMap<>();
    catalogue.shops().forEach(s -> result.put(s.shopId(), s.name()));
    return Collections.unmodifiableMap(result);
  }

  /** All product ids, in catalogue order. */
  public List<String> productIds() {
    return catalogue.products().stream().map(Product::productId).toList();
  }

  /** The matrix account owning a product, or {@code null} for a competitor product. */
  public String matrixAccountOf(String productId) {
    return catalogue.product(productId).shop().matrixAccount();
  }

  /** The number of candidate products for a keyword (0 for unknown or no-results keywords). */
  public int poolSize(String keyword) {
    KeywordPools.Pool pool = pools.get(keyword);
    return pool == null ? 0 : pool.baseline().size();
  }

  private SandboxCard card(Ranker.Placed placed, Instant slot) {
    Product p = placed.product();
    ProductState state = schedule.state(p, slot);
    return new SandboxCard(
        placed.position(),
        placed.organicRank(),
        placed.sponsored(),
        p.productId(),
        state.title(),
        p.shop().shopId(),
        p.shop().name(),
        state.price(),
        state.commissionRate(),
        state.imageKey(),
        state.salesLabel(),
        p.shop().matrixAccount());
  }

  static String normalise(String identity) {
    if (identity == null || identity.isBlank() || identity.equals("anonymous")) {
      return null;
    }
    return identity.trim();
  }
}
