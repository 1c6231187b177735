package com.mallrank.crawler.repair;

import com.mallrank.crawler.model.Listing;
import com.mallrank.crawler.profile.FieldName;
import com.mallrank.crawler.profile.FieldRule;
import com.mallrank.crawler.profile.ProfileMode;
import com.mallrank.crawler.profile.SiteProfile;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the html and json inductions share once the cards of the new page are found and matched to
 * known listings: each field's rule chosen from the candidates seen on the known cards (with the
 * old rule's parts mixed in, so what still holds is kept), and the sponsored rule.
 */
abstract class Induction<C> {

  /** Candidates tried per field, those seen on the most known cards first. */
  static final int TRIED = 40;

  final SiteProfile old;
  final double minAgreement;

  Induction(SiteProfile old, double minAgreement) {
    this.old = old;
    this.minAgreement = minAgreement;
  }

  ProfileMode mode() {
    return old.mode();
  }

  /** The candidates for a field, from where its known values are on the known cards. */
  abstract CandidatePool candidates(FieldName field, List<Match<C>> matches);

  /** The sponsored rules that tell the known ads on the new page from the organic cards. */
  abstract List<Chooser.SponsoredCandidate> sponsoredCandidates(List<Match<C>> matches);

  /** The reader of one card with a candidate rule. */
  abstract CardReader<C> reader();

  /** Whether the card holds no node the locator finds (so a skip-cards rule can name it). */
  abstract boolean lacks(C card, String locator);

  /** The chooser over these cards, judging product ids by the known ones' shape. */
  Chooser<C> chooser(List<C> cards, List<Match<C>> matches, IdShape ids) {
    return new Chooser<>(matches, cards, reader(), mode(), ids);
  }

  /**
   * The product-id decision on these cards and, when its best rule reads an id on every known card
   * but not on a few others that lack its element or path altogether (promo tiles, "best sellers"
   * blocks), the skip-cards rule that drops them ({@code missing: true}) with the cards left.
   *
   * @param skip the locator of the skip rule proposed, or {@code null}
   */
  record IdDecision<C>(FieldOutcome outcome, String skip, List<C> cards) {}

  IdDecision<C> productId(List<C> cards, List<Match<C>> matches, IdShape ids) {
    RuleSpec oldSpec = RuleSpec.of(old.field(FieldName.PRODUCT_ID), mode());
    FieldOutcome id = field(FieldName.PRODUCT_ID, oldSpec, chooser(cards, matches, ids), matches);
    if (id.proposed() != null || id.best() == null || id.agree() < id.total()) {
      return new IdDecision<>(id, null, cards);
    }
    List<C> without = chooser(cards, matches, ids).withoutId(id.best());
    String locator = id.best().locator();
    if (without.isEmpty()
        || without.size() > MAX_SKIPPED_SHARE * cards.size()
        || id.best().locators().size() != 1
        || locator.isEmpty()
        || !without.stream().allMatch(card -> lacks(card, locator))) {
      return new IdDecision<>(id, null, cards);
    }
    List<C> kept = new java.util.ArrayList<>(cards);
    kept.removeIf(card -> without.stream().anyMatch(w -> w == card));
    FieldOutcome again = field(FieldName.PRODUCT_ID, oldSpec, chooser(kept, matches, ids), matches);
    return again.proposed() == null
        ? new IdDecision<>(id, null, cards)
        : new IdDecision<>(again, locator, kept);
  }

  /**
   * Each card holding exactly one known id, paired with that id's next known listing (an advertiser
   * shown twice pairs with its two known listings in page order).
   */
  static <C> List<Match<C>> match(
      List<C> cards, java.util.function.Function<C, Set<String>> idsIn, List<Listing> known) {
    Map<String, java.util.Deque<Listing>> byId = new java.util.HashMap<>();
    for (Listing listing : known) {
      byId.computeIfAbsent(listing.productId(), k -> new java.util.ArrayDeque<>()).add(listing);
    }
    List<Match<C>> matches = new ArrayList<>();
    for (int i = 0; i < cards.size(); i++) {
      Set<String> ids = idsIn.apply(cards.get(i));
      if (ids.size() == 1) {
        java.util.Deque<Listing> next = byId.get(ids.iterator().next());
        if (next != null && !next.isEmpty()) {
          matches.add(new Match<>(i, cards.get(i), next.poll()));
        }
      }
    }
    return matches;
  }

  /** The largest share of a page's cards a proposed skip-cards rule may drop. */
  static final double MAX_SKIPPED_SHARE = 0.2;

  /** Every field's decision; the product id's as already decided. */
  Map<FieldName, FieldOutcome> fields(
      Chooser<C> chooser, List<Match<C>> matches, FieldOutcome productId) {
    Map<FieldName, FieldOutcome> out = new EnumMap<>(FieldName.class);
    for (FieldName field : FieldName.values()) {
      if (field == FieldName.PRODUCT_ID) {
        out.put(field, productId);
        continue;
      }
      FieldRule rule = old.field(field);
      RuleSpec oldSpec = rule == null ? null : RuleSpec.of(rule, mode());
      out.put(field, field(field, oldSpec, chooser, matches));
    }
    return out;
  }

  private FieldOutcome field(
      FieldName field, RuleSpec oldSpec, Chooser<C> chooser, List<Match<C>> matches) {
    int total = 0;
    for (Match<C> match : matches) {
      if (KnownValues.of(match.known(), field) != null) {
        total++;
      }
    }
    if (total == 0) {
      return new FieldOutcome(
          field,
          oldSpec,
          null,
          0,
          0,
          oldSpec == null
              ? null
              : "no known listing on the new page has a value of this field to learn from",
          null);
    }
    CandidatePool pool = candidates(field, matches);
    Set<Candidate> tried = new LinkedHashSet<>(pool.top(TRIED));
    for (Candidate c : pool.top(10)) {
      // every transform seen with the most seen locators: a label regex that holds on the ads
      // only was seen on few cards, and may still read all of them
      for (Candidate same : pool.withLocators(c.spec().locators())) {
        if (same.spec().attrs().equals(c.spec().attrs())) {
          tried.add(same);
        }
      }
    }
    if (oldSpec != null) {
      for (Candidate c : pool.top(10)) {
        RuleSpec spec = c.spec();
        tried.add(
            new Candidate(
                spec.withTransform(oldSpec.regex(), oldSpec.unit(), oldSpec.separator()),
                c.cost(),
                c.seen()));
        if (mode() == ProfileMode.HTML) {
          tried.add(new Candidate(spec.withAttrs(oldSpec.attrs()), c.cost(), c.seen()));
        }
        tried.add(new Candidate(oldSpec.withLocators(spec.locators()), c.cost(), c.seen()));
        if (mode() == ProfileMode.JSON && oldSpec.locators().size() > 1) {
          // a list of alternatives keeps serving the shapes it was written for: add the new path
          List<String> appended = new ArrayList<>(oldSpec.locators());
          appended.addAll(spec.locators());
          tried.add(new Candidate(spec.withLocators(appended), c.cost() - 0.5, c.seen()));
        }
      }
    }
    Chooser.Scored best = chooser.best(field, tried, oldSpec);
    if (best != null && best.agree() < best.total() && mode() == ProfileMode.HTML) {
      best = withFallbackAttribute(field, best, pool, chooser, oldSpec);
    }
    if (best == null || best.agree() == 0) {
      return new FieldOutcome(
          field,
          oldSpec,
          null,
          0,
          total,
          "no rule reads the known values on the cards (0 of " + total + ")",
          null);
    }
    if (best.agree() < minAgreement * best.total()) {
      return notFound(
          field,
          oldSpec,
          best,
          "the best rule found, "
              + best.spec().describe()
              + ", reads the known value on "
              + best.agree()
              + " of "
              + best.total()
              + " cards (below "
              + Math.round(minAgreement * 100)
              + " %)");
    }
    if (field == FieldName.PRODUCT_ID && !best.readsAll()) {
      return notFound(
          field,
          oldSpec,
          best,
          "the best rule, "
              + best.spec().describe()
              + ", reads no id on some cards (they would make the sample layout_changed)");
    }
    return new FieldOutcome(
        field, oldSpec, best.spec(), best.agree(), best.total(), null, best.spec());
  }

  /** A field left as it was: the best rule found is shown, not proposed, with why. */
  private static FieldOutcome notFound(
      FieldName field, RuleSpec oldSpec, Chooser.Scored best, String why) {
    return new FieldOutcome(field, oldSpec, null, best.agree(), best.total(), why, best.spec());
  }

  /**
   * Lazy images and the like: the value is in one attribute on some cards and in another on the
   * rest ({@code data-src} until the picture loads, then {@code src}): an ordered list of two.
   */
  private Chooser.Scored withFallbackAttribute(
      FieldName field,
      Chooser.Scored best,
      CandidatePool pool,
      Chooser<C> chooser,
      RuleSpec oldSpec) {
    if (best.spec().attrs().size() != 1) {
      return best;
    }
    String first = best.spec().attrs().get(0);
    Set<String> others = new LinkedHashSet<>();
    for (Candidate c : pool.withLocators(best.spec().locators())) {
      for (String a : c.spec().attrs()) {
        if (!a.equals(first)) {
          others.add(a);
        }
      }
    }
    Chooser.Scored result = best;
    for (String other : others) {
      for (List<String> attrs : List.of(List.of(first, other), List.of(other, first))) {
        Chooser.Scored scored =
            chooser.score(field, best.spec().withAttrs(attrs), best.cost() + 0.5, oldSpec);
        if (scored != null && scored.agree() > result.agree()) {
          result = scored;
        }
      }
    }
    return result;
  }

  /** The sponsored decision, or {@code null} when there is nothing to decide. */
  Proposal.SponsoredOutcome sponsored(Chooser<C> chooser, List<Match<C>> matches) {
    SponsoredSpec oldSpec = SponsoredSpec.of(old.sponsored());
    int ads = 0;
    for (Match<C> match : matches) {
      if (match.known().sponsored()) {
        ads++;
      }
    }
    Chooser.ScoredSponsored kept = oldSpec == null ? null : chooser.score(oldSpec, 0, oldSpec);
    if (ads == 0) {
      if (kept == null) {
        return null;
      }
      boolean fine = kept.counts().accepted(minAgreement);
      return new Proposal.SponsoredOutcome(
          oldSpec,
          fine ? oldSpec : null,
          kept.counts(),
          fine
              ? null
              : "no known ad is on the new page to learn from, and the old rule flags "
                  + kept.counts().fp()
                  + " organic cards");
    }
    Collection<Chooser.SponsoredCandidate> candidates = sponsoredCandidates(matches);
    Chooser.ScoredSponsored best = chooser.bestSponsored(candidates, oldSpec);
    if (best == null || !best.counts().accepted(minAgreement)) {
      return new Proposal.SponsoredOutcome(
          oldSpec,
          null,
          best == null ? AdCounts.of(List.of(), List.of(), List.of()) : best.counts(),
          "no element or field is on most known ads and rarely elsewhere"
              + (best == null
                  ? ""
                  : " (best: " + best.spec().describe() + ": " + best.counts().describe() + ")"));
    }
    return new Proposal.SponsoredOutcome(oldSpec, best.spec(), best.counts(), null);
  }
}
