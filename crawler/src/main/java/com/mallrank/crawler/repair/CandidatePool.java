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
 * The candidate rules seen on the known cards, each with the cards it held the known value on and
 * its lowest cost; bounded ({@value #MAX_CANDIDATES} distinct rules) so a page with thousands of
 * elements per card cannot make repair try them all.
 */
final class CandidatePool {

  /** The most distinct rules kept per field. */
  static final int MAX_CANDIDATES = 5_000;

  private final Map<RuleSpec, Double> costs = new LinkedHashMap<>();
  private final Map<RuleSpec, Set<Integer>> cards = new HashMap<>();

  void add(RuleSpec spec, double cost, int card) {
    if (!costs.containsKey(spec) && costs.size() >= MAX_CANDIDATES) {
      return;
    }
    costs.merge(spec, cost, Math::min);
    cards.computeIfAbsent(spec, s -> new HashSet<>()).add(card);
  }

  boolean isEmpty() {
    return costs.isEmpty();
  }

  /** The {@code n} rules seen on the most cards, the simplest first among equals. */
  List<Candidate> top(int n) {
    List<Candidate> all = new ArrayList<>(costs.size());
    costs.forEach((spec, cost) -> all.add(new Candidate(spec, cost, cards.get(spec).size())));
    all.sort(
        Comparator.comparingInt(Candidate::seen).reversed().thenComparingDouble(Candidate::cost));
    return all.subList(0, Math.min(n, all.size()));
  }

  /** Every rule seen with these locators. */
  List<Candidate> withLocators(List<String> locators) {
    List<Candidate> out = new ArrayList<>();
    costs.forEach(
        (spec, cost) -> {
          if (spec.locators().equals(locators)) {
            out.add(new Candidate(spec, cost, cards.get(spec).size()));
          }
        });
    return out;
  }
}
