package com.mallrank.crawler.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallrank.crawler.fetch.FetchResponse;
import com.mallrank.crawler.fetch.browser.UrlPattern;
import com.mallrank.crawler.model.Listing;
import com.mallrank.crawler.model.ResultPage;
import com.mallrank.crawler.profile.SiteProfile;
import com.mallrank.crawler.profile.SiteProfiles;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * What the golden cases of douyin-mall do not show one by one (douyin-notes §8): which answers the
 * capture pattern takes, and how the 素材 entries of {@code MaterialContentInfo} are told apart.
 */
class DouyinMallProfileTest {

  private static final SiteProfile MALL = SiteProfiles.builtIn("douyin-mall");

  @Test
  void theCapturePatternTakesTheGoodsSearchAnswersOnly() {
    UrlPattern pattern = UrlPattern.parse(MALL.fetch().captureUrl());
    String host = "https://ecom5-normal-lf.ecombdapi.com";

    assertThat(pattern.matches(host + "/aweme/v2/shop/search/aggregate/shopping/stream/?aid=1128"))
        .isTrue();
    assertThat(pattern.matches(host + "/aweme/v3/shop/search/aggregate/shopping/stream/?aid=1"))
        .isTrue();
    assertThat(pattern.matches("https://aweme.snssdk.com/aweme/v2/shop/search/aggregate/shopping/"))
        .isTrue();
    assertThat(pattern.matches(host + "/aweme/v2/shop/search/vertical/?aid=1128")).isFalse();
    assertThat(pattern.matches(host + "/aweme/v2/shop/search/aggregate/shopping/sug/?aid=1"))
        .isFalse();
    assertThat(pattern.matches(host + "/ecom/product/detail/stream/?aid=1128")).isFalse();
    assertThat(MALL.fetch().hasMorePointer()).isEqualTo("/load_more_config/has_more");
    assertThat(MALL.dedupe()).isTrue();
  }

  @Test
  void shopIs601AndSalesAre541Or546WhereverTheyStand() {
    ResultPage page =
        extract(
            card("1", "素材id:601,素材内容:A店;素材id:541,素材内容:已售87件;"),
            card("2", "素材id:546,素材内容:已售3件;素材id:601,素材内容:B店"),
            card("3", "区域名称:shop 内容:[素材id:601,素材内容:C店;]区域名称:sales 内容:[素材id:541,素材内容:已售500+件;]"),
            card("4", "素材id:541,素材内容:全店已售6000+件;素材id:602,素材内容:包邮"),
            card("5", "素材ID：601，素材内容：D店；素材ID：546，素材内容：已售1万+件；"),
            card("6", "素材id:6011,素材内容:不是店;素材id:5411,素材内容:已售1件;"),
            card("7", "素材id:602,素材内容:包邮;"));

    assertThat(page.listings())
        .extracting(Listing::shopName)
        .containsExactly("A店", "B店", "C店", null, "D店", null, null);
    assertThat(page.listings())
        .extracting(Listing::salesLabel)
        .containsExactly("已售87件", "已售3件", "已售500+件", null, "已售1万+件", null, null);
  }

  private static String card(String n, String material) {
    return "{\"ProductID\":\"37120261200000000"
        + n
        + "0\",\"Title\":\"t"
        + n
        + "\",\"Price\":100,\"MaterialContentInfo\":\""
        + material
        + "\"}";
  }

  private static ResultPage extract(String... cards) {
    String body =
        "{\"page_data\":{\"feed_layer\":{\"sections\":[{\"items\":["
            + String.join(",", cards)
            + "]}]}}}";
    return Extractors.forProfile(MALL)
        .extract(
            FetchResponse.ofBytes(
                "file:///saved.json",
                200,
                null,
                body.getBytes(StandardCharsets.UTF_8),
                Duration.ZERO));
  }
}
