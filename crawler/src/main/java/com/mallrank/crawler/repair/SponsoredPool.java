package com.mallrank.crawler.repair;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The sponsored rules seen on the known ads, each with on how many ads it was seen and its lowest
 * cost: fill it card by card ({@link #add}, then {@link #nextCard}), read the most seen first.
 */
final class SponsoredPool {

  /** Rules tried, the most seen first. */
  static final int TRIED = 200;

  private final Map<SponsoredSpec, Double> costs = new LinkedHashMap<>();
  private final Map<SponsoredSpec, Integer> seen = new HashMap<>();
  private Set<SponsoredSpec> card = new HashSet<>();

  void add(SponsoredSpec spec, double cost) {
    card.add(spec);
    costs.merge(spec, cost, Math::min);
  }

  /** Ends the current ad card: each rule seen on it counts once. */
  void nextCard() {
    card.forEach(spec -> seen.merge(spec, 1, Integer::sum));
    card = new HashSet<>();
  }

  List<Chooser.SponsoredCandidate> top() {
    nextCard();
    List<Chooser.SponsoredCandidate> out = new ArrayList<>();
    costs.forEach((spec, cost) -> out.add(new Chooser.SponsoredCandidate(spec, cost)));
    out.sort(
        Comparator.comparingInt((Chooser.SponsoredCandidate c) -> -seen.get(c.spec()))
            .thenComparingDouble(Chooser.SponsoredCandidate::cost));
    return out.subList(0, Math.min(TRIED, out.size()));
  }
}
