package com.mallrank.crawler.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.mallrank.crawler.fetch.FetchResponse;
import com.mallrank.crawler.model.Listing;
import com.mallrank.crawler.model.ResultPage;
import com.mallrank.crawler.model.SampleStatus;
import com.mallrank.crawler.profile.FieldName;
import com.mallrank.crawler.profile.SiteProfile;
import com.mallrank.crawler.profile.SiteProfiles;
import com.mallrank.crawler.testing.SlowProfiles;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Numbers, ids and regexes a hostile or broken page feeds the extractors: each is refused within a
 * bound, with a status and evidence that say which field and why. (The bounds' cost is in
 * docs/benchmarks.md, "Hostile values"; these tests assert on results, not on time.)
 */
class HostileValuesTest {

  private static final SiteProfile API =
      SiteProfiles.parse(
          "api.yml",
          """
          id: api
          mode: json
          search:
            url-template: "https://api.example.test/s?q={keyword}"
          items: data.list
          fields:
            product-id: product_id
            shop-id: shop_id
            price:
              path: price
              unit: fen
          """);

  private static final SiteProfile SANDBOX = SiteProfiles.builtIn("sandbox-static");

  private static ResultPage json(String items) {
    return new JsonExtractor(API, ExtractOptions.depth(3))
        .extract(
            new FetchResponse(
                "https://api.example.test/s",
                200,
                null,
                "{\"data\":{\"list\":[" + items + "]}}",
                null,
                Duration.ZERO));
  }

  private static ResultPage html(SiteProfile profile, String body) {
    return new HtmlExtractor(profile, ExtractOptions.depth(2))
        .extract(new FetchResponse("http://127.0.0.1/s", 200, null, body, null, Duration.ZERO));
  }

  private static String card(String id, String price) {
    return "{\"product_id\":" + id + ",\"shop_id\":\"7\",\"price\":" + price + "}";
  }

  @Test
  void aHugeExponentAsPriceLeavesThePriceEmptyAndNotesTheCard() {
    ResultPage page =
        json(card("\"1\"", "1e999999999") + "," + card("\"2\"", "2990") + "," + card("\"3\"", "1"));

    assertThat(page.status()).isEqualTo(SampleStatus.OK);
    assertThat(page.listings()).extracting(Listing::productId).containsExactly("1", "2", "3");
    assertThat(page.listings().get(0).price()).isNull();
    assertThat(page.listings().get(1).price().toPlainString()).isEqualTo("29.90");
    assertThat(page.evidence().detail())
        .isEqualTo(
            "3 cards on the page, 3 kept; refused values: card 1 price: number with exponent"
                + " 999999999 (max ±30 digits)");
  }

  @Test
  void aHugeExponentAsProductIdDropsThatCardAndTheOthersKeepTheirPagePositions() {
    ResultPage page =
        json(card("\"1\"", "1") + "," + card("1e300", "1") + "," + card("\"3\"", "1"));

    assertThat(page.status()).isEqualTo(SampleStatus.PARTIAL);
    assertThat(page.listings())
        .extracting(Listing::position, Listing::organicRank, Listing::productId)
        .containsExactly(tuple(1, 1, "1"), tuple(3, 3, "3"));
    assertThat(page.evidence().detail())
        .isEqualTo(
            "3 cards on the page, 2 kept; card 2 dropped: refused product-id (field 'product_id':"
                + " number with exponent 300 (max ±30 digits))");
  }

  @Test
  void whenEveryProductIdIsRefusedThePageIsALayoutChangeNamingTheField() {
    ResultPage page = json(card("1e999999999", "1") + "," + card("1e300", "1"));

    assertThat(page.status()).isEqualTo(SampleStatus.LAYOUT_CHANGED);
    assertThat(page.listings()).isEmpty();
    assertThat(page.evidence().detail())
        .isEqualTo(
            "2 of 2 cards have a refused product-id (first: card 1, field 'product_id': number"
                + " with exponent 999999999 (max ±30 digits))");
  }

  @Test
  void aCardWithoutAProductIdIsStillALayoutChangeBesideARefusedOne() {
    // a renamed field leaves cards with no id at all: that is the layout, not one hostile value
    ResultPage page =
        json(
            card("\"1\"", "1")
                + ","
                + card("\"" + "7".repeat(600) + "\"", "1")
                + ",{\"productId\":\"3\",\"shop_id\":\"7\",\"price\":1}");

    assertThat(page.status()).isEqualTo(SampleStatus.LAYOUT_CHANGED);
    assertThat(page.listings()).isEmpty();
    assertThat(page.evidence().detail())
        .isEqualTo("1 of 3 cards have no product-id (first: card 3, field 'product_id')");
  }

  @Test
  void severalRefusedIdsAreDroppedAndCountedWithTheFirstCardsNamed() {
    StringBuilder items = new StringBuilder();
    for (int n = 1; n <= 3; n++) {
      items.append(n == 1 ? "" : ",").append(card("1e30" + n, "1"));
    }
    ResultPage page =
        new JsonExtractor(API, ExtractOptions.depth(6))
            .extract(
                new FetchResponse(
                    "https://api.example.test/s",
                    200,
                    null,
                    "{\"data\":{\"list\":["
                        + items
                        + ","
                        + card("\"4\"", "1")
                        + ","
                        + card("1e304", "1")
                        + ","
                        + card("\"6\"", "1")
                        + "]}}",
                    null,
                    Duration.ZERO));

    assertThat(page.status()).isEqualTo(SampleStatus.PARTIAL);
    assertThat(page.listings())
        .extracting(Listing::position, Listing::productId)
        .containsExactly(tuple(4, "4"), tuple(6, "6"));
    assertThat(page.evidence().detail())
        .isEqualTo(
            "6 cards on the page, 2 kept; 4 cards dropped: refused product-id (cards 1, 2, 3 and 1"
                + " more; first: field 'product_id': number with exponent 301 (max ±30 digits))");
  }

  @Test
  void aFourMillionDigitPriceIsRefusedAsJsonStringAndAsHtmlText() {
    String digits = "9".repeat(4_000_000);

    ResultPage api = json(card("\"1\"", "\"" + digits + "\"") + "," + card("\"2\"", "\"5\""));
    assertThat(api.status()).isEqualTo(SampleStatus.PARTIAL);
    assertThat(api.listings().get(0).price()).isNull();
    assertThat(api.listings().get(1).price().toPlainString()).isEqualTo("0.05");
    assertThat(api.evidence().detail())
        .endsWith("; refused values: card 1 price: 4000000 digits (max 30)");

    ResultPage page =
        html(
            SANDBOX,
            "<div id=search-root><ul class=result-grid><li class=goods-card data-product-id=11>"
                + "<div class=goods-price><span class=price-num>"
                + digits
                + "</span></div></li><li class=goods-card data-product-id=12>"
                + "<div class=goods-price><span class=price-num>¥1,299.50</span></div></li></ul>");
    assertThat(page.status()).isEqualTo(SampleStatus.OK);
    assertThat(page.listings()).extracting(Listing::productId).containsExactly("11", "12");
    assertThat(page.listings().get(0).price()).isNull();
    assertThat(page.listings().get(1).price().toPlainString()).isEqualTo("1299.50");
    assertThat(page.evidence().detail())
        .isEqualTo(
            "2 cards on the page, 2 kept; refused values: card 1 price: 4000000 digits (max 30)");
  }

  @Test
  void amountsThatCannotBeStoredInFenOrBasisPointsAreRefusedToo() {
    // 25 digits: within the digit bound, but 10^22 yuan overflows a long of fen downstream.
    ResultPage page =
        json(card("\"1\"", "1" + "0".repeat(24)) + "," + card("\"2\"", "99999999999999"));

    assertThat(page.listings())
        .extracting(Listing::price)
        .containsExactly(null, new BigDecimal("999999999999.99"));
    assertThat(page.evidence().detail())
        .endsWith("; refused values: card 1 price: price of 1000000000000 yuan or more");
    assertThat(
            Numbers.parse("100000000", '.', com.mallrank.crawler.profile.NumberUnit.BASIS_POINTS))
        .isEqualByComparingTo("1000000");
    assertThat(ValueBounds.checkAmount(FieldName.COMMISSION, new BigDecimal("1000000")))
        .isEqualByComparingTo("1000000");
    assertThatThrownBy(
            () -> ValueBounds.checkAmount(FieldName.COMMISSION, new BigDecimal("1000000.01")))
        .hasMessage("commission over 1000000 percent");
  }

  @Test
  void aNumberTokenLongerThanTheParserAllowsIsAnErrorNamingTheLimit() {
    ResultPage page = json(card("\"1\"", "9".repeat(5_000)));

    assertThat(page.status()).isEqualTo(SampleStatus.ERROR);
    assertThat(page.evidence().detail())
        .startsWith(
            "body is not JSON: Number value length (5000) exceeds the maximum allowed (100");
  }

  @Test
  void longOrControlCharacterIdsAreRefused() {
    String longId = "\"" + "7".repeat(600) + "\"";
    ResultPage productIds = json(card("\"1\"", "1") + "," + card(longId, "1"));
    assertThat(productIds.status()).isEqualTo(SampleStatus.PARTIAL);
    assertThat(productIds.listings())
        .extracting(Listing::position, Listing::productId)
        .containsExactly(tuple(1, "1"));
    assertThat(productIds.evidence().detail())
        .isEqualTo(
            "2 cards on the page, fewer than the 3 requested; card 2 dropped: refused product-id"
                + " (field 'product_id': 600 characters (max 128))");

    ResultPage control = json(card("\"1\\u001b[2J\"", "1"));
    assertThat(control.status()).isEqualTo(SampleStatus.LAYOUT_CHANGED);
    assertThat(control.evidence().detail()).contains("control character U+001B at index 1");

    ResultPage shop =
        json(
            "{\"product_id\":\"1\",\"shop_id\":"
                + longId
                + ",\"price\":1},{\"product_id\":\"2\",\"shop_id\":\"8\",\"price\":1}");
    assertThat(shop.status()).isEqualTo(SampleStatus.PARTIAL);
    assertThat(shop.listings()).extracting(Listing::shopId).containsExactly(null, "8");
    assertThat(shop.evidence().detail())
        .endsWith("; refused values: card 1 shop-id: 600 characters (max 128)");
  }

  @Test
  void aBacktrackingTitleRegexIsStoppedByItsStepBudgetAndTheCardNoted() {
    String cards =
        "<ul><li class=card data-id=1><p class=title>"
            + "a".repeat(41)
            + "</p></li><li class=card data-id=2><p class=title>"
            + "b".repeat(41)
            + "</p></li></ul>";

    ResultPage page = html(slowTitle(), cards);

    assertThat(page.status()).isEqualTo(SampleStatus.OK);
    assertThat(page.listings()).extracting(Listing::title).containsExactly(null, null);
    assertThat(page.evidence().detail())
        .isEqualTo(
            "2 cards on the page, 2 kept; refused values: card 1 title: fields.title.regex: regex"
                + " gave up after 1000000 steps (it backtracks too much), card 2 title:"
                + " fields.title.regex: regex gave up after 1000000 steps (it backtracks too"
                + " much)");
  }

  @Test
  void aBacktrackingProductIdRegexIsALayoutChangeNamingTheRegexKey() {
    String cards =
        "<ul><li class=card data-id=" + "a".repeat(41) + "><p class=title>t</p></li></ul>";

    ResultPage page = html(slowProductId(), cards);

    assertThat(page.status()).isEqualTo(SampleStatus.LAYOUT_CHANGED);
    assertThat(page.evidence().detail())
        .isEqualTo(
            "1 of 1 cards have a refused product-id (first: card 1, field '': fields.product-id"
                + ".regex: regex gave up after 1000000 steps (it backtracks too much))");
  }

  private static final String SLOW = "'.*.*.*.*.*.*.*.*(x)y'";

  private static SiteProfile slowTitle() {
    return slowProfile(
        "title:\n    select: .title\n    regex: " + SLOW, "product-id: {attr: data-id}");
  }

  private static SiteProfile slowProductId() {
    return slowProfile(
        "product-id:\n    attr: data-id\n    regex: " + SLOW, "title: {select: .title}");
  }

  private static SiteProfile slowProfile(String slowField, String otherField) {
    return SlowProfiles.withFields(slowField, otherField);
  }
}
