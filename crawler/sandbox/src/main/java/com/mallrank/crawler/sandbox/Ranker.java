package com.mallrank.crawler.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Ranks a keyword's pool for one (slot, identity): the hourly race (赛马) adds bounded seeded noise
 * to each product's baseline rank, the identity (千人千面) a smaller one, and ads are inserted at fixed
 * candidate positions. Because the noise is bounded, a listing moves at most {@link
 * #MAX_DISPLACEMENT} places from its baseline rank, which keeps matrix placements in their bands.
 */
final class Ranker {

  /** Cards on a page, ads included. */
  static final int CARDS_PER_PAGE = 66;

  /** Positions where an ad may be inserted; position 1 always carries one. */
  static final int[] AD_POSITIONS = {1, 6, 12, 18, 26, 34, 42, 50, 58};

  /** Half-width of the race noise, in ranks. */
  static final double RACE_NOISE = 3.0;

  /** Half-width of the per-identity noise, in ranks. */
  static final double IDENTITY_NOISE = 0.5;

  /** Two listings can swap only when their baselines are closer than this. */
  static final int MAX_DISPLACEMENT = (int) Math.ceil(2 * (RACE_NOISE + IDENTITY_NOISE)) - 1;

  private static final double AD_FILL_RATE = 0.85;

  private final long seed;

  Ranker(long seed) {
    this.seed = seed;
  }

  /** Organic order for the slot and identity ({@code null} = anonymous). */
  List<Product> organic(KeywordPools.Pool pool, long hour, String identity) {
    List<Product> baseline = pool.baseline();
    record Scored(Product product, double score) {}
    List<Scored> scored = new ArrayList<>(baseline.size());
    for (int i = 0; i < baseline.size(); i++) {
      Product p = baseline.get(i);
      double score = -i + RACE_NOISE * signedUnit(seed, "race", pool.keyword(), hour, p);
      if (identity != null) {
        score += IDENTITY_NOISE * signedUnit(seed, "uid:" + identity, pool.keyword(), hour, p);
      }
      scored.add(new Scored(p, score));
    }
    scored.sort(
        Comparator.comparingDouble(Scored::score)
            .reversed()
            .thenComparing(s -> s.product().productId()));
    return scored.stream().map(Scored::product).toList();
  }

  /** The ads of the slot, one per filled ad position, in position order. */
  List<Product> ads(KeywordPools.Pool pool, long hour) {
    List<Product> advertisers =
        pool.advertisers().stream()
            .sorted(
                Comparator.comparingLong(
                    p -> Seeds.of(seed, "adRotation", pool.keyword(), hour, p.productId())))
            .toList();
    int filled = 0;
    for (int i = 0; i < AD_POSITIONS.length; i++) {
      if (adFilled(pool.keyword(), hour, i)) {
        filled++;
      }
    }
    return advertisers.subList(0, Math.min(filled, advertisers.size()));
  }

  /** Whether the ad position with the given index carries an ad in this slot. */
  boolean adFilled(String keyword, long hour, int adIndex) {
    return adIndex == 0
        || Seeds.unit(Seeds.of(seed, "adFill", keyword, hour, adIndex)) < AD_FILL_RATE;
  }

  /** One card's place on the page: the product and whether it is an ad. */
  record Placed(int position, Integer organicRank, Product product) {
    boolean sponsored() {
      return organicRank == null;
    }
  }

  /** The page layout: organic and sponsored products interleaved, at most a page long. */
  List<Placed> page(KeywordPools.Pool pool, Instant slot, String identity) {
    long hour = SandboxClock.hourIndex(slot);
    List<Product> organic = organic(pool, hour, identity);
    List<Product> ads = ads(pool, hour);
    List<Placed> page = new ArrayList<>();
    int nextOrganic = 0;
    int nextAd = 0;
    int adIndex = 0;
    for (int position = 1; position <= CARDS_PER_PAGE; position++) {
      boolean adPosition = adIndex < AD_POSITIONS.length && AD_POSITIONS[adIndex] == position;
      if (adPosition && adFilled(pool.keyword(), hour, adIndex++) && nextAd < ads.size()) {
        page.add(new Placed(position, null, ads.get(nextAd++)));
      } else if (nextOrganic < organic.size()) {
        page.add(new Placed(position, nextOrganic + 1, organic.get(nextOrganic++)));
      } else {
        break;
      }
    }
    return page;
  }

  private static double signedUnit(long seed, String salt, String keyword, long hour, Product p) {
    return 2 * Seeds.unit(Seeds.of(seed, salt, keyword, hour, p.productId())) - 1;
  }
}
