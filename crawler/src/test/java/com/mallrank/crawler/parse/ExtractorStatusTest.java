package com.mallrank.crawler.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.mallrank.crawler.fetch.FetchResponse;
import com.mallrank.crawler.model.Listing;
import com.mallrank.crawler.model.ResultPage;
import com.mallrank.crawler.model.SampleStatus;
import com.mallrank.crawler.profile.SiteProfile;
import com.mallrank.crawler.profile.SiteProfiles;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The status rules of the extractors, on small hand-made pages. */
class ExtractorStatusTest {

  private static final SiteProfile SANDBOX = SiteProfiles.builtIn("sandbox-static");

  private static String grid(int cards, int withoutId) {
    StringBuilder html = new StringBuilder("<div id=search-root><ul class=result-grid>");
    for (int i = 1; i <= cards; i++) {
      String id = i <= withoutId ? "" : " data-product-id=\"" + (3698000000000000000L + i) + "\"";
      html.append("<li class=goods-card")
          .append(id)
          .append("><div class=goods-title>t")
          .append(i)
          .append("</div><div class=goods-price><span class=price-num>")
          .append(i)
          .append(".50</span></div>")
          .append(i % 3 == 0 ? "<span class=ad-tag>广告</span>" : "")
          .append("</li>");
    }
    return html.append("</ul></div>").toString();
  }

  private static ResultPage html(int status, String body, int depth) {
    return new HtmlExtractor(SANDBOX, ExtractOptions.depth(depth))
        .extract(new FetchResponse("http://127.0.0.1/s", status, null, body, null, Duration.ZERO));
  }

  @Test
  void keepsDepthAndCountsOrganicRanksWithoutAds() {
    ResultPage page = html(200, grid(30, 0), 20);

    assertThat(page.status()).isEqualTo(SampleStatus.OK);
    assertThat(page.listings()).hasSize(20);
    assertThat(page.listings()).extracting(Listing::position).startsWith(1, 2, 3, 4).endsWith(20);
    assertThat(page.listings().get(2).sponsored()).isTrue();
    assertThat(page.listings().get(2).organicRank()).isNull();
    assertThat(page.listings().get(3).organicRank()).isEqualTo(3);
    assertThat(page.listings().get(19).organicRank()).isEqualTo(14);
  }

  @Test
  void fewerCardsThanRequestedIsPartial() {
    ResultPage page = html(200, grid(7, 0), 20);

    assertThat(page.status()).isEqualTo(SampleStatus.PARTIAL);
    assertThat(page.listings()).hasSize(7);
  }

  @Test
  void cardsWithoutIdsAreALayoutChangeNeverARankingWithHoles() {
    assertThat(html(200, grid(20, 15), 20).status()).isEqualTo(SampleStatus.LAYOUT_CHANGED);
    ResultPage oneMissing = html(200, grid(20, 1), 20);
    assertThat(oneMissing.status()).isEqualTo(SampleStatus.LAYOUT_CHANGED);
    assertThat(oneMissing.listings()).isEmpty();
    assertThat(oneMissing.evidence().detail()).contains("1 of 20 cards have no product-id");
  }

  @Test
  void httpErrorsWithoutMarkersAreErrors() {
    ResultPage page = html(503, "<html><body>busy</body></html>", 20);

    assertThat(page.status()).isEqualTo(SampleStatus.ERROR);
    assertThat(page.evidence().httpStatus()).isEqualTo(503);
    assertThat(page.evidence().marker()).isNull();
  }

  @Test
  void markersWinOverTheHttpStatus() {
    ResultPage captcha = html(403, "<div id=captcha-verify class=verify-wrap>请完成安全验证</div>", 20);
    assertThat(captcha.status()).isEqualTo(SampleStatus.BLOCKED);
    assertThat(captcha.evidence().marker()).isEqualTo("blocked: select #captcha-verify");
    assertThat(captcha.evidence().httpStatus()).isEqualTo(403);

    ResultPage rateLimited = html(429, "", 20);
    assertThat(rateLimited.status()).isEqualTo(SampleStatus.BLOCKED);
    assertThat(rateLimited.evidence().marker()).isEqualTo("blocked: http-status 429");
  }

  @Test
  void jsonExtractorHandlesPathsMarkersAndBadBodies() {
    SiteProfile api =
        SiteProfiles.parse(
            "api.yml",
            """
            id: api
            mode: json
            search:
              url-template: "https://api.example.test/s?q={keyword}"
            items: data.summary_promotions
            fields:
              product-id: product_id
              price:
                path: price
                unit: fen
              commission:
                path: cos_ratio
                unit: basis-points
            sponsored:
              path: is_ad
            markers:
              blocked:
                - path: status_code
                  equals: "2154"
            """);
    JsonExtractor extractor = new JsonExtractor(api, ExtractOptions.depth(2));

    ResultPage ok =
        extractor.extract(
            json(
                """
                {"data":{"summary_promotions":[
                  {"product_id":3698123456789012345,"price":29990,"cos_ratio":1250,"is_ad":true},
                  {"product_id":"3698123456789012346","price":"5990","cos_ratio":800},
                  {"product_id":"3698123456789012347"}]}}
                """));
    assertThat(ok.status()).isEqualTo(SampleStatus.OK);
    assertThat(ok.listings()).hasSize(2);
    Listing first = ok.listings().get(0);
    assertThat(first.productId()).isEqualTo("3698123456789012345"); // 19 digits, exact
    assertThat(first.price().toPlainString()).isEqualTo("299.90");
    assertThat(first.commissionRate().toPlainString()).isEqualTo("12.50");
    assertThat(first.sponsored()).isTrue();
    assertThat(ok.listings().get(1).organicRank()).isEqualTo(1);

    assertThat(extractor.extract(json("{\"status_code\":2154}")).status())
        .isEqualTo(SampleStatus.BLOCKED);
    assertThat(extractor.extract(json("{\"data\":{}}")).status())
        .isEqualTo(SampleStatus.LAYOUT_CHANGED);
    assertThat(extractor.extract(json("<html>not json")).status()).isEqualTo(SampleStatus.ERROR);
  }

  @Test
  void jsonPathListsAreAlternativesAndEqualsCanTestForAnEmptyList() {
    SiteProfile capture =
        SiteProfiles.parse(
            "capture.yml",
            """
            id: capture
            mode: json
            search:
              url-template: "https://shop.example.test/s?q={keyword}"
            items: ["responses[*].items", items]
            fields:
              product-id: product_info.gid
              image:
                path: ["product_info.img.url_list[0]", product_info.img]
            sponsored:
              path: [is_ad, raw_ad_data]
            markers:
              empty:
                - path:
                    - "responses[0].items"
                    - items
                  equals: "[]"
            """);
    JsonExtractor extractor = new JsonExtractor(capture, ExtractOptions.depth(3));

    ResultPage page =
        extractor.extract(
            json(
                """
                {"url":"https://shop.example.test/s?q=x","responses":[
                  {"settings":{}},
                  {"items":[
                    {"product_info":{"gid":"1","img":{"url_list":["https://i.test/1.jpg"]}}},
                    {"product_info":{"gid":"2","img":"https://i.test/2.jpg"},"raw_ad_data":"{}"},
                    {"product_info":{"gid":"3","img":{"uri":"x"}},"is_ad":false}]}]}
                """));
    assertThat(page.status()).isEqualTo(SampleStatus.OK);
    assertThat(page.listings())
        .extracting(Listing::imageUrl)
        .containsExactly("https://i.test/1.jpg", "https://i.test/2.jpg", null);
    assertThat(page.listings()).extracting(Listing::sponsored).containsExactly(false, true, false);

    // Two captured pages (scrolling) continue each other's positions.
    assertThat(
            extractor
                .extract(
                    json(
                        """
                        {"responses":[{"items":[{"product_info":{"gid":"1"}}]},
                          {"items":[{"product_info":{"gid":"2"}},{"product_info":{"gid":"3"}}]}]}
                        """))
                .listings())
        .extracting(Listing::productId, Listing::position)
        .containsExactly(tuple("1", 1), tuple("2", 2), tuple("3", 3));

    // The same card model saved bare (not wrapped in a capture document).
    assertThat(extractor.extract(json("{\"items\":[{\"product_info\":{\"gid\":7}}]}")).listings())
        .extracting(Listing::productId)
        .containsExactly("7");

    ResultPage empty = extractor.extract(json("{\"responses\":[{\"items\":[]}]}"));
    assertThat(empty.status()).isEqualTo(SampleStatus.EMPTY);
    assertThat(empty.evidence().marker()).isEqualTo("empty: path responses[0].items | items = []");
    // A missing list is not "no results": it is a layout change.
    assertThat(extractor.extract(json("{\"responses\":[{\"item_list\":[]}]}")).status())
        .isEqualTo(SampleStatus.LAYOUT_CHANGED);
  }

  private static FetchResponse json(String body) {
    return new FetchResponse("https://api.example.test/s", 200, null, body, null, Duration.ZERO);
  }
}
