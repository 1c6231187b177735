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

/**
 * Turns the cards a profile located into a ranked page: positions, organic ranks, depth, and the OK
 * / PARTIAL / LAYOUT_CHANGED decision. Shared by the HTML and JSON extractors.
 */
final class ResultAssembler {

  private final SiteProfile profile;
  private final ExtractOptions options;

  ResultAssembler(SiteProfile profile, ExtractOptions options) {
    this.profile = profile;
    this.options = options;
  }

  ResultPage assemble(FetchResponse response, List<CardValues> cards) {
    String url = response.url();
    int status = response.httpStatus();
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
    // A card without an id would leave a hole or shift every later position: refuse the ranking.
    int missing = 0;
    int firstMissing = 0;
    for (int i = 0; i < kept; i++) {
      if (cards.get(i).get(FieldName.PRODUCT_ID) == null) {
        missing++;
        if (firstMissing == 0) {
          firstMissing = i + 1;
        }
      }
    }
    if (missing > 0) {
      return ResultPage.without(
          SampleStatus.LAYOUT_CHANGED,
          new Evidence(
              url,
              status,
              null,
              missing
                  + " of "
                  + kept
                  + " cards have no product-id (first: card "
                  + firstMissing
                  + ", field '"
                  + profile.field(FieldName.PRODUCT_ID).locator().expression()
                  + "')"));
    }
    List<Listing> listings = new ArrayList<>(kept);
    int organic = 0;
    for (int i = 0; i < kept; i++) {
      CardValues card = cards.get(i);
      boolean sponsored = card.sponsored();
      Integer organicRank = sponsored ? null : ++organic;
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
    boolean complete = cards.size() >= options.depth();
    String detail =
        complete
            ? cards.size() + " cards on the page, " + kept + " kept"
            : cards.size() + " cards on the page, fewer than the " + options.depth() + " requested";
    return new ResultPage(
        complete ? SampleStatus.OK : SampleStatus.PARTIAL,
        listings,
        new Evidence(url, status, null, detail));
  }

  private BigDecimal number(CardValues card, FieldName name) {
    FieldRule rule = profile.field(name);
    if (rule == null) {
      return null;
    }
    return Numbers.parse(card.get(name), rule.decimalSeparator(), rule.unit());
  }
}
