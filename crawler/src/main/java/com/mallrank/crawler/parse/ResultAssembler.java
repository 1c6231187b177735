package com.mallrank.crawler.parse;

import com.mallrank.crawler.fetch.FetchResponse;
import com.mallrank.crawler.model.Evidence;
import com.mallrank.crawler.model.Listing;
import com.mallrank.crawler.model.ResultPage;
import com.mallrank.crawler.model.SampleStatus;
import com.mallrank.crawler.profile.FieldName;
import com.mallrank.crawler.profile.FieldRule;
import com.mallrank.crawler.profile.SiteProfile;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns the cards a profile located into a ranked page: positions, organic ranks, depth, and the OK
 * / PARTIAL / LAYOUT_CHANGED decision. Shared by the HTML and JSON extractors. A card whose product
 * id is refused is dropped (the page {@code partial}, the card named); a card with no product id at
 * all, or no card left, is a layout change.
 *
 * <p>Depth: a page with at least the requested number of cards is {@code ok}, one with fewer is
 * {@code partial}, except a person's capture (a phone's HAR) whose last page says there is no more:
 * it holds the whole list, so it is {@code ok} (the one rule for {@code profile test --har} and a
 * sample read from {@code crawler.har-dir}). A dropped card makes any page {@code partial}.
 */
final class ResultAssembler {

  /** How many refused values the evidence lists one by one. */
  private static final int NOTED_REFUSALS = 3;

  private final SiteProfile profile;
  private final ExtractOptions options;

  ResultAssembler(SiteProfile profile, ExtractOptions options) {
    this.profile = profile;
    this.options = options;
  }

  ResultPage assemble(FetchResponse response, List<CardValues> located) {
    return assemble(response, located, null);
  }

  /**
   * @param rest for a person's capture, what its last page says of further results ({@link
   *     CaptureDocument#rest}): {@code NONE} makes a list shorter than the depth whole ({@code
   *     ok}), since there is nothing more to capture; {@code null} for any other page
   */
  ResultPage assemble(FetchResponse response, List<CardValues> located, CaptureDocument.Rest rest) {
    String url = response.url();
    int status = response.httpStatus();
    Duplicates duplicates = profile.dedupe() ? Duplicates.drop(located) : Duplicates.NONE;
    List<CardValues> cards = profile.dedupe() ? duplicates.kept() : located;
    if (cards.isEmpty()) {
      if (profile.expectCards()) {
        return ResultPage.without(
            SampleStatus.LAYOUT_CHANGED,
            new Evidence(
                url,
                status,
                null,
                "no cards: '" + profile.cards().expression() + "' matched nothing"));
      }
      return ResultPage.without(
          SampleStatus.EMPTY, new Evidence(url, status, null, "no cards (expect-cards: false)"));
    }
    int kept = Math.min(cards.size(), options.depth());
    for (int i = 0; i < kept; i++) {
      checkId(cards.get(i), FieldName.PRODUCT_ID);
      checkId(cards.get(i), FieldName.SHOP_ID);
    }
    // A card without a product id (the field renamed, or gone) is a layout change: the ranking
    // would have a hole where the page has a card nobody can name.
    Optional<ResultPage> missing = withoutIds(url, status, cards, kept, false);
    if (missing.isPresent()) {
      return missing.get();
    }
    // A card whose product id was refused (600 characters, 1e300) is dropped, named in the
    // evidence; the others keep their page positions and organic ranks (a gap is honest: the page
    // had a card there). When no card is left, the page is not readable: a layout change.
    Dropped dropped = Dropped.of(cards, kept);
    if (dropped.count() == kept) {
      return withoutIds(url, status, cards, kept, true).orElseThrow();
    }
    List<Listing> listings = new ArrayList<>(kept - dropped.count());
    int organic = 0;
    for (int i = 0; i < kept; i++) {
      CardValues card = cards.get(i);
      boolean sponsored = card.sponsored();
      Integer organicRank = sponsored ? null : ++organic;
      if (card.refusal(FieldName.PRODUCT_ID) != null) {
        continue;
      }
      listings.add(
          new Listing(
              i + 1,
              organicRank,
              sponsored,
              card.get(FieldName.PRODUCT_ID),
              card.get(FieldName.TITLE),
              card.get(FieldName.SHOP_ID),
              card.get(FieldName.SHOP_NAME),
              number(card, FieldName.PRICE),
              number(card, FieldName.COMMISSION),
              card.get(FieldName.IMAGE),
              card.get(FieldName.SALES)));
    }
    boolean deepEnough = cards.size() >= options.depth();
    boolean whole = rest == CaptureDocument.Rest.NONE;
    String detail =
        deepEnough
            ? cards.size() + " cards on the page, " + listings.size() + " kept"
            : cards.size()
                + " cards on the page, fewer than the "
                + options.depth()
                + " requested"
                + shortNote(rest);
    return new ResultPage(
        (deepEnough || whole) && dropped.count() == 0 ? SampleStatus.OK : SampleStatus.PARTIAL,
        listings,
        new Evidence(
            url,
            status,
            null,
            detail
                + duplicates.note()
                + dropped.note(productIdField())
                + refusedNote(cards, kept)));
  }

  /** The product id's locator as the profile writes it, for the evidence. */
  private String productIdField() {
    return profile.field(FieldName.PRODUCT_ID).locator().expression();
  }

  /**
   * The kept cards whose product id was refused: how many, the first few card numbers (1-based page
   * positions) and the first reason.
   */
  private record Dropped(int count, List<Integer> first, String reason) {

    static Dropped of(List<CardValues> cards, int kept) {
      int count = 0;
      List<Integer> first = new ArrayList<>();
      String reason = null;
      for (int i = 0; i < kept; i++) {
        String refusal = cards.get(i).refusal(FieldName.PRODUCT_ID);
        if (refusal != null) {
          if (count++ < NOTED_REFUSALS) {
            first.add(i + 1);
          }
          reason = reason == null ? refusal : reason;
        }
      }
      return new Dropped(count, first, reason);
    }

    /**
     * {@code "; card 2 dropped: refused product-id (field 'product_id': 600 characters (max
     * 128))"}, {@code "; 4 cards dropped: refused product-id (cards 2, 5, 9 and 1 more; first:
     * field …)"}, or {@code ""}.
     */
    String note(String field) {
      if (count == 0) {
        return "";
      }
      String cards =
          first.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", "));
      return count == 1
          ? "; card "
              + cards
              + " dropped: refused product-id (field '"
              + field
              + "': "
              + reason
              + ")"
          : "; "
              + count
              + " cards dropped: refused product-id (cards "
              + cards
              + (count > first.size() ? " and " + (count - first.size()) + " more" : "")
              + "; first: field '"
              + field
              + "': "
              + reason
              + ")";
    }
  }

  /** Why a person's capture holds fewer cards than requested, or {@code ""} for other pages. */
  private String shortNote(CaptureDocument.Rest rest) {
    if (rest == null) {
      return "";
    }
    String pointer = profile.fetch().hasMorePointer();
    return switch (rest) {
      case NONE -> ": the capture's last page says there is no more (" + pointer + " false)";
      case MORE ->
          "; the capture's last page says there is more ("
              + pointer
              + " true): the phone stopped scrolling";
      case UNSTATED ->
          pointer == null
              ? "; the capture does not say whether there is more (no has-more-pointer)"
              : "; the capture does not say whether there is more (no " + pointer + ")";
    };
  }

  /**
   * The cards left after dropping those whose product id an earlier card already had (a stream or a
   * scrolled list that sends the first screen again), and a note on what was dropped. Cards without
   * a product id are kept: the id checks decide about them.
   */
  private record Duplicates(List<CardValues> kept, int dropped, int firstCard, int firstOf) {

    static final Duplicates NONE = new Duplicates(List.of(), 0, 0, 0);

    static Duplicates drop(List<CardValues> cards) {
      java.util.Map<String, Integer> seen = new java.util.HashMap<>();
      List<CardValues> kept = new ArrayList<>(cards.size());
      int dropped = 0;
      int firstCard = 0;
      int firstOf = 0;
      for (int i = 0; i < cards.size(); i++) {
        String id = cards.get(i).get(FieldName.PRODUCT_ID);
        Integer earlier = id == null ? null : seen.putIfAbsent(id, i + 1);
        if (earlier == null) {
          kept.add(cards.get(i));
        } else if (dropped++ == 0) {
          firstCard = i + 1;
          firstOf = earlier;
        }
      }
      return new Duplicates(kept, dropped, firstCard, firstOf);
    }

    /** {@code "; 3 repeated product ids dropped (first: card 9 repeats card 2)"}, or {@code ""}. */
    String note() {
      return dropped == 0
          ? ""
          : "; "
              + dropped
              + (dropped == 1 ? " repeated product id" : " repeated product ids")
              + " dropped (first: card "
              + firstCard
              + " repeats card "
              + firstOf
              + ")";
    }
  }

  /**
   * The LAYOUT_CHANGED page when some kept cards have no product id ({@code refused} false), or
   * naming the refused ids when every kept card's was refused ({@code refused} true); else empty.
   */
  private Optional<ResultPage> withoutIds(
      String url, int status, List<CardValues> cards, int kept, boolean refused) {
    int count = 0;
    int first = 0;
    String reason = null;
    for (int i = 0; i < kept; i++) {
      CardValues card = cards.get(i);
      String refusal = card.refusal(FieldName.PRODUCT_ID);
      boolean hit =
          refused ? refusal != null : card.get(FieldName.PRODUCT_ID) == null && refusal == null;
      if (hit) {
        count++;
        if (first == 0) {
          first = i + 1;
          reason = refusal;
        }
      }
    }
    if (count == 0) {
      return Optional.empty();
    }
    return Optional.of(
        ResultPage.without(
            SampleStatus.LAYOUT_CHANGED,
            new Evidence(
                url,
                status,
                null,
                count
                    + " of "
                    + kept
                    + (refused ? " cards have a refused product-id" : " cards have no product-id")
                    + " (first: card "
                    + first
                    + ", field '"
                    + productIdField()
                    + "'"
                    + (refused ? ": " + reason : "")
                    + ")")));
  }

  /** Refuses an id that is not a sane token ({@link ValueBounds#checkId}). */
  private static void checkId(CardValues card, FieldName name) {
    String id = card.get(name);
    if (id != null) {
      try {
        ValueBounds.checkId(id);
      } catch (RefusedValueException e) {
        card.refuse(name, e.reason());
      }
    }
  }

  /** The number, or {@code null} with the card noted when it is out of bounds. */
  private BigDecimal number(CardValues card, FieldName name) {
    FieldRule rule = profile.field(name);
    if (rule == null) {
      return null;
    }
    try {
      BigDecimal value = Numbers.parse(card.get(name), rule.decimalSeparator(), rule.unit());
      return value == null ? null : ValueBounds.checkAmount(name, value);
    } catch (RefusedValueException e) {
      card.refuse(name, e.reason());
      return null;
    }
  }

  /**
   * {@code "; refused values: card 3 price: 4000000 digits (max 30), …"} for the kept cards with a
   * refused field (at most {@value #NOTED_REFUSALS} listed, then a count), or {@code ""}.
   */
  private static String refusedNote(List<CardValues> cards, int kept) {
    StringBuilder note = new StringBuilder();
    int total = 0;
    for (int i = 0; i < kept; i++) {
      if (cards.get(i).refusal(FieldName.PRODUCT_ID) != null) {
        continue; // dropped, and named as such
      }
      for (var refusal : cards.get(i).refusals().entrySet()) {
        if (total++ < NOTED_REFUSALS) {
          note.append(total == 1 ? "; refused values: " : ", ")
              .append("card ")
              .append(i + 1)
              .append(' ')
              .append(refusal.getKey().key())
              .append(": ")
              .append(refusal.getValue());
        }
      }
    }
    if (total > NOTED_REFUSALS) {
      note.append(" (").append(total - NOTED_REFUSALS).append(" more)");
    }
    return note.toString();
  }
}
