package com.mallrank.crawler.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mallrank.crawler.fetch.FetchResponse;
import com.mallrank.crawler.model.Listing;
import com.mallrank.crawler.model.ResultPage;
import com.mallrank.crawler.model.SampleStatus;
import com.mallrank.crawler.profile.ProfileException;
import com.mallrank.crawler.profile.SiteProfile;
import com.mallrank.crawler.profile.SiteProfiles;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * {@code skip-cards: [{path: product_info, missing: true}]}: a feed mixes product cards with
 * videos, shops and banners that have no product; they are dropped before positions are counted,
 * instead of making the sample {@code layout_changed}.
 */
class SkipCardsByAbsenceTest {

  private static final String JSON_PROFILE =
      """
      id: feed
      mode: json
      search:
        url-template: "https://example.com/s?q={keyword}"
      items: "items[*]"
      skip-cards:
        - path: product_info
          missing: true
      fields:
        product-id: product_info.gid
        title: product_info.name
      """;

  private static FetchResponse response(String body) {
    return new FetchResponse("https://example.com/s?q=x", 200, null, body, null, Duration.ZERO);
  }

  @Test
  void jsonCardsWithoutTheProductAreSkippedBeforeCounting() {
    SiteProfile profile = SiteProfiles.parse("feed.yml", JSON_PROFILE);
    String body =
        """
        {"items": [
          {"type": 1, "product_info": {"gid": "3698000000000000001", "name": "a"}},
          {"type": 2, "video": {"aweme_id": "7000000000000000001"}},
          {"type": 1, "product_info": {"gid": "3698000000000000002", "name": "b"}},
          {"type": 3, "shop_card": {"shop_id": "s1"}},
          {"type": 1, "product_info": {"gid": "3698000000000000003", "name": "c"}}
        ]}
        """;

    ResultPage page =
        Extractors.forProfile(profile, ExtractOptions.depth(3)).extract(response(body));

    assertThat(page.status()).isEqualTo(SampleStatus.OK);
    assertThat(page.listings())
        .extracting(Listing::position, Listing::productId)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, "3698000000000000001"),
            org.assertj.core.groups.Tuple.tuple(2, "3698000000000000002"),
            org.assertj.core.groups.Tuple.tuple(3, "3698000000000000003"));
  }

  @Test
  void withoutTheRuleTheSameFeedIsALayoutChange() {
    SiteProfile profile =
        SiteProfiles.parse(
            "feed.yml",
            JSON_PROFILE.replace(
                "skip-cards:\n  - path: product_info\n    missing: true\n", "skip-cards: []\n"));
    String body =
        "{\"items\": [{\"product_info\": {\"gid\": \"1\"}}, {\"video\": {}},"
            + " {\"product_info\": {\"gid\": \"2\"}}]}";

    ResultPage page =
        Extractors.forProfile(profile, ExtractOptions.depth(3)).extract(response(body));

    assertThat(page.status()).isEqualTo(SampleStatus.LAYOUT_CHANGED);
  }

  @Test
  void htmlTilesWithoutAProductLinkAreSkipped() {
    SiteProfile profile =
        SiteProfiles.parse(
            "grid.yml",
            """
            id: grid
            mode: html
            search:
              url-template: "https://example.com/s?q={keyword}"
            cards:
              select: "ul.grid > li"
            skip-cards:
              - select: a.goods-link
                missing: true
            fields:
              product-id:
                select: a.goods-link
                attr: data-id
              title: a.goods-link
            """);
    String html =
        """
        <ul class="grid">
          <li><a class="goods-link" data-id="p1">one</a></li>
          <li><div class="banner">双11 会场</div></li>
          <li><a class="goods-link" data-id="p2">two</a></li>
          <li><a class="live" href="/live/1">直播中</a></li>
          <li><a class="goods-link" data-id="p3">three</a></li>
        </ul>
        """;

    ResultPage page =
        Extractors.forProfile(profile, ExtractOptions.depth(3)).extract(response(html));

    assertThat(page.status()).isEqualTo(SampleStatus.OK);
    assertThat(page.listings()).extracting(Listing::productId).containsExactly("p1", "p2", "p3");
    assertThat(page.listings()).extracting(Listing::position).containsExactly(1, 2, 3);
  }

  @Test
  void missingMustBeABooleanAndOnlyInSkipCards() {
    assertThatThrownBy(
            () ->
                SiteProfiles.parse(
                    "feed.yml", JSON_PROFILE.replace("missing: true", "missing: sometimes")))
        .isInstanceOf(ProfileException.class)
        .hasMessageContaining("feed.yml:8: skip-cards[0].missing: must be true or false");

    String marker =
        JSON_PROFILE
            + """
            markers:
              blocked:
                - path: data.verify
                  missing: true
            """;
    assertThatThrownBy(() -> SiteProfiles.parse("feed.yml", marker))
        .isInstanceOf(ProfileException.class)
        .hasMessageContaining("feed.yml:15: markers.blocked[0].missing: unknown key");
  }
}
