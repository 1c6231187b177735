package com.mallrank.crawler.repair;

import com.mallrank.crawler.profile.FieldName;
import com.mallrank.crawler.profile.FieldRule;
import com.mallrank.crawler.profile.ProfileMode;
import com.mallrank.crawler.profile.SponsoredRule;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Tries candidate rules on the cards of the new page that hold a known listing and keeps the best:
 * the one reading the known value on the most cards, then (for the product id) the one reading an
 * id on every card, then the one changing the fewest YAML keys of the old rule, then the simplest.
 */
final class Chooser<C> {

  /** A candidate tried on every matched card. */
  record Scored(RuleSpec spec, int agree, int total, boolean readsAll, int changed, double cost) {}

  /** A sponsored rule tried on every matched card. */
  record ScoredSponsored(SponsoredSpec spec, AdCounts counts, int changed, double cost) {}

  /** A sponsored rule repair may propose. */
  record SponsoredCandidate(SponsoredSpec spec, double cost) {}

  private static final Comparator<Scored> BEST =
      Comparator.comparingInt(Scored::agree)
          .thenComparing(Scored::readsAll)
          .thenComparing(Comparator.comparingInt(Scored::changed).reversed())
          .thenComparing(Comparator.comparingDouble(Scored::cost).reversed());

  private static final Comparator<ScoredSponsored> BEST_SPONSORED =
      Comparator.comparingDouble((ScoredSponsored s) -> s.counts().j())
          .thenComparingInt(s -> s.counts().agree())
          .thenComparing(Comparator.comparingInt(ScoredSponsored::changed).reversed())
          .thenComparing(Comparator.comparingDouble(ScoredSponsored::cost).reversed());

  private final List<Match<C>> matches;
  private final List<C> cards;
  private final CardReader<C> reader;
  private final ProfileMode mode;
  private final IdShape ids;

  /**
   * @param cards every card of the page the profile will read (skipped tiles left out): a product
   *     id rule must read an id looking like the known ones ({@code ids}) on each
   */
  Chooser(
      List<Match<C>> matches, List<C> cards, CardReader<C> reader, ProfileMode mode, IdShape ids) {
    this.matches = matches;
    this.cards = cards;
    this.reader = reader;
    this.mode = mode;
    this.ids = ids;
  }

  /** The cards on which the product id rule reads nothing that looks like an id. */
  List<C> withoutId(RuleSpec spec) {
    FieldRule rule = compile(spec);
    List<C> out = new java.util.ArrayList<>();
    for (C card : cards) {
      if (rule == null || !ids.fits(reader.read(card, FieldName.PRODUCT_ID, rule))) {
        out.add(card);
      }
    }
    return out;
  }

  /** The candidate on the matched cards, or {@code null} when it does not compile. */
  Scored score(FieldName field, RuleSpec spec, double cost, RuleSpec old) {
    FieldRule rule = compile(spec);
    if (rule == null) {
      return null;
    }
    int agree = 0;
    int total = 0;
    for (Match<C> match : matches) {
      String known = KnownValues.of(match.known(), field);
      if (known != null) {
        total++;
        if (KnownValues.agree(field, known, reader.read(match.node(), field, rule))) {
          agree++;
        }
      }
    }
    boolean readsAll = true;
    if (field == FieldName.PRODUCT_ID && agree > 0) {
      for (C card : cards) {
        if (!ids.fits(reader.read(card, field, rule))) {
          readsAll = false;
          break;
        }
      }
    }
    return new Scored(spec, agree, total, readsAll, spec.changedKeys(old), cost);
  }

  /** The best of the candidates (the old rule among them when given), or {@code null}. */
  Scored best(FieldName field, Collection<Candidate> candidates, RuleSpec old) {
    Scored best = old == null ? null : score(field, old, 0, old);
    for (Candidate candidate : candidates) {
      Scored scored = score(field, candidate.spec(), candidate.cost(), old);
      if (scored != null && (best == null || BEST.compare(scored, best) > 0)) {
        best = scored;
      }
    }
    return best;
  }

  /** The sponsored rule on the matched cards, compared with the known flags ({@link AdCounts}). */
  ScoredSponsored score(SponsoredSpec spec, double cost, SponsoredSpec old) {
    SponsoredRule rule;
    try {
      rule = spec.compile(mode);
    } catch (IllegalArgumentException e) {
      return null;
    }
    List<String> ids = new java.util.ArrayList<>(matches.size());
    List<Boolean> known = new java.util.ArrayList<>(matches.size());
    List<Boolean> read = new java.util.ArrayList<>(matches.size());
    for (Match<C> match : matches) {
      ids.add(match.known().productId());
      known.add(match.known().sponsored());
      read.add(reader.sponsored(match.node(), rule));
    }
    return new ScoredSponsored(spec, AdCounts.of(ids, known, read), spec.changedKeys(old), cost);
  }

  /** The best sponsored rule of the candidates and the old one, or {@code null}. */
  ScoredSponsored bestSponsored(Collection<SponsoredCandidate> candidates, SponsoredSpec old) {
    ScoredSponsored best = old == null ? null : score(old, 0, old);
    for (SponsoredCandidate candidate : candidates) {
      ScoredSponsored scored = score(candidate.spec(), candidate.cost(), old);
      if (scored != null && (best == null || BEST_SPONSORED.compare(scored, best) > 0)) {
        best = scored;
      }
    }
    return best;
  }

  private FieldRule compile(RuleSpec spec) {
    try {
      return spec.compile(mode);
    } catch (IllegalArgumentException e) { // PatternSyntaxException too
      return null;
    }
  }
}
