package com.mallrank.crawler.sandbox;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds each keyword's candidate pool and its baseline order: the keyword's category (ordered by
 * how well titles match the keyword, plus a seeded quality score), then related products from the
 * sibling category, with the placed matrix listings inserted at their target ranks. Matrix products
 * not placed on a keyword are left out of its pool, so "no matrix listing" is exact.
 */
final class KeywordPools {

  /** Related products taken from the sibling category. */
  static final int SIBLING_PRODUCTS = 45;

  /** Baseline organic ranks (1-based) a placed matrix listing may get, per band. */
  private static final int[] TOP_RANKS = {2, 5, 8};

  private static final int[] NEAR_RANKS = {30, 35, 40};

  /** How many products of a pool buy ads on its keyword. */
  static final int ADVERTISERS = 12;

  /**
   * A keyword's candidate pool in baseline order (index 0 = organic rank 1 before noise), and the
   * competitor products that buy ads on it.
   */
  record Pool(String keyword, List<Product> baseline, List<Product> advertisers) {}

  private final long seed;
  private final Catalogue catalogue;

  KeywordPools(long seed, Catalogue catalogue) {
    this.seed = seed;
    this.catalogue = catalogue;
  }

  Map<String, Pool> build() {
    Map<String, Pool> pools = new LinkedHashMap<>();
    for (KeywordCatalogue.Spec spec : KeywordCatalogue.SPECS) {
      List<Product> baseline = baseline(spec);
      pools.put(spec.keyword(), new Pool(spec.keyword(), baseline, advertisers(spec, baseline)));
    }
    return pools;
  }

  private List<Product> baseline(KeywordCatalogue.Spec spec) {
    if (spec.category() == null) {
      return List.of();
    }
    String kw = spec.keyword();
    List<Product> primary =
        catalogue.inCategory(spec.category()).stream().filter(p -> !p.isMatrix()).toList();
    List<Product> related =
        catalogue.inCategory(spec.category().sibling()).stream()
            .filter(p -> !p.isMatrix())
            .sorted(Comparator.comparingLong(p -> Seeds.of(seed, "related", kw, p.productId())))
            .limit(SIBLING_PRODUCTS)
            .toList();
    List<Product> ordered = new ArrayList<>();
    ordered.addAll(sortByScore(kw, primary, 1.0));
    ordered.addAll(sortByScore(kw, related, 0.0));
    insertMatrix(spec, ordered);
    return List.copyOf(ordered);
  }

  private List<Product> advertisers(KeywordCatalogue.Spec spec, List<Product> baseline) {
    return baseline.stream()
        .filter(p -> !p.isMatrix())
        .sorted(
            Comparator.comparingLong(
                p -> Seeds.of(seed, "advertiser", spec.keyword(), p.productId())))
        .limit(ADVERTISERS)
        .toList();
  }

  private List<Product> sortByScore(String kw, List<Product> products, double weight) {
    Comparator<Product> byScore =
        Comparator.comparingDouble(
            p ->
                -(weight * relevance(p.title(), kw)
                    + 0.4 * Seeds.unit(Seeds.of(seed, "quality", kw, p.productId()))));
    return products.stream().sorted(byScore.thenComparing(Product::productId)).toList();
  }

  private void insertMatrix(KeywordCatalogue.Spec spec, List<Product> ordered) {
    Set<Integer> taken = new HashSet<>();
    record Target(int index, Product product) {}
    List<Target> targets = new ArrayList<>();
    for (KeywordCatalogue.Placement placement : spec.placements()) {
      int[] ranks = placement.band() == KeywordCatalogue.Band.TOP ? TOP_RANKS : NEAR_RANKS;
      long h = Seeds.of(seed, "placement", spec.keyword(), placement.account());
      int rank = ranks[Seeds.below(h, ranks.length)];
      while (!taken.add(rank)) {
        rank = ranks[(indexOf(ranks, rank) + 1) % ranks.length];
      }
      targets.add(new Target(rank - 1, matrixProduct(spec, placement.account())));
    }
    targets.sort(Comparator.comparingInt(Target::index));
    targets.forEach(t -> ordered.add(t.index(), t.product()));
  }

  private Product matrixProduct(KeywordCatalogue.Spec spec, String account) {
    List<Product> own =
        catalogue.inCategory(spec.category()).stream()
            .filter(p -> account.equals(p.shop().matrixAccount()))
            .toList();
    if (own.isEmpty()) {
      throw new IllegalStateException(account + " sells nothing in " + spec.category());
    }
    return own.get(Seeds.below(Seeds.of(seed, "matrixPick", spec.keyword(), account), own.size()));
  }

  /** Share of the keyword's character bigrams found in the title. */
  static double relevance(String title, String keyword) {
    int pairs = keyword.length() - 1;
    if (pairs <= 0) {
      return title.contains(keyword) ? 1 : 0;
    }
    int hits = 0;
    for (int i = 0; i < pairs; i++) {
      if (title.contains(keyword.substring(i, i + 2))) {
        hits++;
      }
    }
    return (double) hits / pairs;
  }

  private static int indexOf(int[] values, int value) {
    for (int i = 0; i < values.length; i++) {
      if (values[i] == value) {
        return i;
      }
    }
    return -1;
  }
}
