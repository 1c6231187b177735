package com.mallrank.crawler.repair;

import com.mallrank.crawler.model.Listing;
import com.mallrank.crawler.parse.CardReading;
import com.mallrank.crawler.profile.FieldName;
import com.mallrank.crawler.profile.FieldRule;
import com.mallrank.crawler.profile.SiteProfile;
import com.mallrank.crawler.profile.SponsoredRule;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.jsoup.select.Selector;

/**
 * Repair of an html profile. Where the known product ids are on the new page (in an attribute, a
 * link, a text) tells where the cards are: each id's card is the largest element around it that
 * holds no other known id (so the list's items, not a link inside them), and the card selector is
 * the simplest one matching those elements, no more (no element nested in another, none holding two
 * known products) and, when it also matches elsewhere, narrowed to the lists the known cards are
 * in. Each field's rule is then induced from where its known values are inside the cards.
 */
final class HtmlInduction extends Induction<Element> {

  /** Card selectors tried, the most covering and simplest first. */
  static final int CARD_SELECTORS_TRIED = 48;

  /** A selector matching more elements than this is no card selector. */
  static final int MAX_CARDS = 5_000;

  /** Elements of one card looked at for values (a card is a few dozen). */
  static final int MAX_CARD_ELEMENTS = 400;

  /** The longest attribute value or text searched for an id. */
  static final int MAX_ID_TEXT = 2_048;

  private final Document document;
  private final List<Listing> known;
  private final Map<Element, List<Element>> elements = new IdentityHashMap<>();
  private final CardReader<Element> reader =
      new CardReader<>() {
        @Override
        public String read(Element card, FieldName field, FieldRule rule) {
          return CardReader.stored(
              field, rule, CardReading.html(card, elementsOf(card), field, rule));
        }

        @Override
        public boolean sponsored(Element card, SponsoredRule rule) {
          return CardReading.sponsored(card, elementsOf(card), rule);
        }
      };

  HtmlInduction(SiteProfile old, Document document, List<Listing> known, double minAgreement) {
    super(old, minAgreement);
    this.document = document;
    this.known = known;
  }

  Proposal run() {
    String oldCards = old.cards().expression();
    Map<String, List<Element>> found = occurrences();
    Set<String> present = new LinkedHashSet<>();
    for (Listing listing : known) {
      if (found.containsKey(listing.productId())) {
        present.add(listing.productId());
      }
    }
    int needed = Math.min(3, distinctIds());
    if (present.size() < needed) {
      return Proposal.failed(
          oldCards,
          "the known product ids are not on the new page ("
              + present.size()
              + " of "
              + distinctIds()
              + " found): nothing to learn the new layout from");
    }
    Map<Element, Set<String>> idsUnder = idsUnder(found);
    List<CardChoice> choices = cards(found, present, idsUnder, oldCards);
    if (choices.isEmpty()) {
      return Proposal.failed(
          oldCards,
          "no card selector matches one element per known product: the known ids ("
              + present.size()
              + " found) are not in repeated cards");
    }
    IdShape ids = IdShape.of(known.stream().map(Listing::productId).toList());
    // the first card selector whose cards all have an id; else the first, perhaps with a skip rule
    CardChoice cards = null;
    IdDecision<Element> id = null;
    for (CardChoice choice : choices) {
      List<Element> kept = new ArrayList<>(choice.elements());
      kept.removeIf(card -> CardReading.skipped(card, old.skipCards()));
      IdDecision<Element> decision = productId(kept, match(kept, idsUnder), ids);
      if (decision.outcome().proposed() != null && decision.skip() == null) {
        cards = choice;
        id = decision;
        break;
      }
      if (cards == null) {
        cards = choice;
        id = decision;
      }
    }
    List<Match<Element>> matches = match(id.cards(), idsUnder);
    Chooser<Element> chooser = chooser(id.cards(), matches, ids);
    List<String> notes = new ArrayList<>();
    if (cards.unmatchedOutside() > 0) {
      notes.add(
          "the card selector also matches "
              + cards.unmatchedOutside()
              + " element(s) outside the lists the known cards are in");
    }
    return new Proposal(
        oldCards,
        cards.selector(),
        fields(chooser, matches, id.outcome()),
        sponsored(chooser, matches),
        Map.of(),
        id.skip(),
        notes,
        null);
  }

  @Override
  CardReader<Element> reader() {
    return reader;
  }

  @Override
  boolean lacks(Element card, String locator) {
    return com.mallrank.crawler.profile.Locator.css(locator).first(card) == null;
  }

  private int distinctIds() {
    Set<String> ids = new HashSet<>();
    known.forEach(l -> ids.add(l.productId()));
    return ids.size();
  }

  private List<Element> elementsOf(Element card) {
    return elements.computeIfAbsent(
        card,
        c -> {
          Elements all = c.getAllElements();
          return all.size() > MAX_CARD_ELEMENTS ? all.subList(0, MAX_CARD_ELEMENTS) : all;
        });
  }

  // --- where the known ids are -------------------------------------------------------------

  /** Known id → the elements holding it in an attribute or their own text, in page order. */
  private Map<String, List<Element>> occurrences() {
    Set<String> ids = new HashSet<>();
    known.forEach(l -> ids.add(l.productId()));
    Map<String, List<Element>> found = new LinkedHashMap<>();
    for (Element e : document.getAllElements()) {
      for (Attribute a : e.attributes()) {
        addTokens(a.getValue(), ids, e, found);
      }
      addTokens(e.ownText(), ids, e, found);
    }
    return found;
  }

  private static void addTokens(
      String text, Set<String> ids, Element e, Map<String, List<Element>> found) {
    if (text.isEmpty() || text.length() > MAX_ID_TEXT) {
      return;
    }
    for (String token : tokens(text)) {
      if (ids.contains(token)) {
        List<Element> at = found.computeIfAbsent(token, k -> new ArrayList<>());
        if (at.isEmpty() || at.get(at.size() - 1) != e) {
          at.add(e);
        }
      }
    }
  }

  /** Runs of letters and digits, and runs of those with {@code -} and {@code _}. */
  static Set<String> tokens(String text) {
    Set<String> out = new LinkedHashSet<>();
    int start = -1;
    int wide = -1;
    for (int i = 0; i <= text.length(); i++) {
      char c = i < text.length() ? text.charAt(i) : ' ';
      boolean alnum = c < 0x80 && Character.isLetterOrDigit(c);
      boolean word = alnum || c == '-' || c == '_';
      if (alnum && start < 0) {
        start = i;
      } else if (!alnum && start >= 0) {
        out.add(text.substring(start, i));
        start = -1;
      }
      if (word && wide < 0) {
        wide = i;
      } else if (!word && wide >= 0) {
        out.add(text.substring(wide, i));
        wide = -1;
      }
    }
    return out;
  }

  /** For every element holding an id occurrence, and its ancestors: the ids beneath it. */
  private static Map<Element, Set<String>> idsUnder(Map<String, List<Element>> found) {
    Map<Element, Set<String>> under = new IdentityHashMap<>();
    found.forEach(
        (id, at) -> {
          for (Element e : at) {
            for (Element a = e; a != null; a = a.parent()) {
              if (!under.computeIfAbsent(a, k -> new HashSet<>()).add(id) && a != e) {
                break; // an ancestor already counted this id (another occurrence below it)
              }
            }
          }
        });
    return under;
  }

  // --- the cards ---------------------------------------------------------------------------

  /**
   * The cards found.
   *
   * @param selector the card selector
   * @param elements the cards, in page order
   * @param unmatchedOutside cards outside the lists holding the known cards
   */
  private record CardChoice(String selector, List<Element> elements, int unmatchedOutside) {}

  /** A card selector and what it is seen on: ids covered, distance below the largest card. */
  private static final class CardCandidate {
    final String css;
    final double cost;
    final Set<String> ids = new HashSet<>();
    int height;
    int seen;

    CardCandidate(String css, double cost) {
      this.css = css;
      this.cost = cost;
    }

    double meanHeight() {
      return seen == 0 ? 0 : (double) height / seen;
    }
  }

  /** The card selectors that find the cards, best first: the old one when it still does. */
  private List<CardChoice> cards(
      Map<String, List<Element>> found,
      Set<String> present,
      Map<Element, Set<String>> idsUnder,
      String oldCards) {
    CardChoice kept = tryCards(oldCards, present, idsUnder, true);
    if (kept != null) {
      return List.of(kept);
    }
    Map<String, CardCandidate> candidates = new LinkedHashMap<>();
    for (String id : present) {
      Set<Element> seenHere = Collections.newSetFromMap(new IdentityHashMap<>());
      for (Element occurrence : found.get(id)) {
        // the largest element around the occurrence holding no other known id
        Deque<Element> chain = new ArrayDeque<>();
        Element top = occurrence;
        chain.push(top);
        while (top.parent() != null
            && !(top.parent() instanceof Document)
            && !top.parent().normalName().equals("body")
            && idsUnder.getOrDefault(top.parent(), Set.of()).size() <= 1) {
          top = top.parent();
          chain.push(top);
        }
        int height = 0;
        for (Element e : chain) {
          if (height > 3) {
            break;
          }
          if (seenHere.add(e)) {
            for (Selectors.Sel sel : Selectors.simple(e, false)) {
              CardCandidate c =
                  candidates.computeIfAbsent(sel.css(), k -> new CardCandidate(k, sel.cost()));
              if (c.ids.add(id)) {
                c.height += height;
                c.seen++;
              }
            }
          }
          height++;
        }
      }
    }
    List<CardCandidate> ordered = new ArrayList<>(candidates.values());
    ordered.sort(
        Comparator.comparingInt((CardCandidate c) -> -c.ids.size())
            .thenComparingDouble(CardCandidate::meanHeight)
            .thenComparingDouble(c -> c.cost));
    List<CardChoice> valid = new ArrayList<>();
    for (int i = 0; i < Math.min(CARD_SELECTORS_TRIED, ordered.size()) && valid.size() < 8; i++) {
      CardChoice choice = tryCards(ordered.get(i).css, present, idsUnder, false);
      if (choice != null) {
        valid.add(choice.unmatchedOutside() == 0 ? choice : narrowed(choice, present, idsUnder));
      }
    }
    return valid;
  }

  /**
   * The cards a selector matches when they are cards: none nested in another, none holding two
   * known products, and together at least 90 % of the known products on the page ({@code all}:
   * every one).
   */
  private CardChoice tryCards(
      String css, Set<String> present, Map<Element, Set<String>> idsUnder, boolean all) {
    Elements matched;
    try {
      matched = document.select(Selector.evaluatorOf(css));
    } catch (RuntimeException e) {
      return null;
    }
    if (matched.isEmpty() || matched.size() > MAX_CARDS) {
      return null;
    }
    Set<Element> set = Collections.newSetFromMap(new IdentityHashMap<>());
    set.addAll(matched);
    Set<String> covered = new HashSet<>();
    Set<Element> containers = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Element card : matched) {
      for (Element a = card.parent(); a != null; a = a.parent()) {
        if (set.contains(a)) {
          return null; // nested: a card inside a card
        }
      }
      Set<String> ids = idsUnder.getOrDefault(card, Set.of());
      if (ids.size() > 1) {
        return null; // two known products in one "card": a list, not a card
      }
      if (!ids.isEmpty()) {
        covered.addAll(ids);
        containers.add(card.parent());
      }
    }
    covered.retainAll(present);
    if (all ? covered.size() < present.size() : covered.size() < 0.9 * present.size()) {
      return null;
    }
    int outside = 0;
    for (Element card : matched) {
      if (!containers.contains(card.parent())) {
        outside++;
      }
    }
    return new CardChoice(css, matched, outside);
  }

  /**
   * The selector with the known cards' list in front ({@code .sku-list > div.sku-item}) when the
   * plain one also matches elsewhere (a "you may also like" block); as it was when no list selector
   * removes those.
   */
  private CardChoice narrowed(
      CardChoice choice, Set<String> present, Map<Element, Set<String>> idsUnder) {
    Set<Element> containers = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Element card : choice.elements()) {
      if (!idsUnder.getOrDefault(card, Set.of()).isEmpty()) {
        containers.add(card.parent());
      }
    }
    Map<String, Double> lists = new HashMap<>();
    for (Element container : containers) {
      if (!container.id().isEmpty() && Selectors.safeName(container.id())) {
        lists.merge("#" + container.id(), 0.5, Math::min);
      }
      for (Selectors.Sel sel : Selectors.simple(container, false)) {
        lists.merge(sel.css(), sel.cost(), Math::min);
      }
    }
    List<Map.Entry<String, Double>> ordered = new ArrayList<>(lists.entrySet());
    ordered.sort(Map.Entry.comparingByValue());
    for (Map.Entry<String, Double> list : ordered) {
      CardChoice narrowed =
          tryCards(list.getKey() + " > " + choice.selector(), present, idsUnder, false);
      if (narrowed != null && narrowed.unmatchedOutside() == 0) {
        return narrowed;
      }
    }
    return choice;
  }

  private List<Match<Element>> match(List<Element> cards, Map<Element, Set<String>> idsUnder) {
    return match(cards, card -> idsUnder.getOrDefault(card, Set.of()), known);
  }

  // --- candidates --------------------------------------------------------------------------

  @Override
  CandidatePool candidates(FieldName field, List<Match<Element>> matches) {
    CandidatePool pool = new CandidatePool();
    for (Match<Element> match : matches) {
      String value = KnownValues.of(match.known(), field);
      if (value == null) {
        continue;
      }
      Element card = match.node();
      for (Element x : elementsOf(card)) {
        List<Selectors.Sel> selectors = null;
        if (field != FieldName.IMAGE) {
          String text = x.text();
          if (text.length() <= Transform.MAX_RAW) {
            for (Transform t : Transform.of(field, text, value)) {
              selectors = selectors == null ? Selectors.relative(card, x) : selectors;
              for (Selectors.Sel sel : selectors) {
                pool.add(
                    RuleSpec.of(sel.css(), List.of(), t.regex(), t.unit())
                        .withTransform(t.regex(), t.unit(), t.separator()),
                    sel.cost() + t.cost(),
                    match.card());
              }
            }
          }
        }
        for (Attribute a : x.attributes()) {
          if (!Selectors.safeName(a.getKey()) || a.getKey().equals("class")) {
            continue;
          }
          for (Transform t : Transform.of(field, a.getValue(), value)) {
            selectors = selectors == null ? Selectors.relative(card, x) : selectors;
            for (Selectors.Sel sel : selectors) {
              pool.add(
                  RuleSpec.of(sel.css(), List.of(a.getKey()), t.regex(), t.unit())
                      .withTransform(t.regex(), t.unit(), t.separator()),
                  sel.cost() + t.cost() + 0.3,
                  match.card());
            }
          }
        }
      }
    }
    return pool;
  }

  @Override
  List<Chooser.SponsoredCandidate> sponsoredCandidates(List<Match<Element>> matches) {
    SponsoredPool pool = new SponsoredPool();
    for (Match<Element> match : matches) {
      if (!match.known().sponsored()) {
        continue;
      }
      for (Element x : elementsOf(match.node())) {
        String own = x.ownText().strip();
        String label = own.length() >= 1 && own.length() <= 8 ? own : null;
        for (Selectors.Sel sel : Selectors.simple(x, true)) {
          pool.add(new SponsoredSpec(sel.css(), null, null), sel.cost());
          if (label != null) {
            pool.add(new SponsoredSpec(sel.css(), label, null), sel.cost() + 0.5);
          }
        }
        if (label != null) {
          pool.add(new SponsoredSpec(null, label, null), 3.0);
        }
      }
      pool.nextCard();
    }
    return pool.top();
  }
}
