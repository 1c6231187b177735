package com.mallrank.crawler.fetch.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallrank.crawler.profile.PageAction;
import com.mallrank.crawler.profile.SiteProfile;
import com.mallrank.crawler.profile.SiteProfiles;
import org.junit.jupiter.api.Test;

/** The built-in Douyin profiles' capture settings, as corrected by douyin-notes §7. */
class DouyinCapturePatternTest {

  @Test
  void theMallPatternCatchesTheShopSearchesButNotTheVideoSearch() {
    UrlPattern mall = UrlPattern.parse(SiteProfiles.builtIn("douyin-mall").fetch().captureUrl());

    assertThat(
            mall.matches(
                "https://ecom.ecombdapi.com/aweme/v3/shop/search/aggregate/shopping/stream/?aid=1"))
        .isTrue();
    assertThat(mall.matches("https://aweme.snssdk.com/aweme/v2/shop/search/aggregate/shopping/"))
        .isTrue();
    assertThat(mall.matches("https://www.douyin.com/aweme/v1/web/search/item/?keyword=x"))
        .isFalse();
    assertThat(mall.matches("https://www.douyin.com/aweme/v1/web/general/search/single/?k=x"))
        .isFalse();
  }

  @Test
  void buyinTypesTheKeywordAndCapturesOnlyTheSelectionList() {
    SiteProfile buyin = SiteProfiles.builtIn("douyin-buyin");
    UrlPattern list = UrlPattern.parse(buyin.fetch().captureUrl());

    assertThat(buyin.search().urlTemplate()).doesNotContain("{keyword}");
    assertThat(buyin.fetch().actions())
        .extracting(PageAction::kind)
        .containsExactly(
            PageAction.Kind.WAIT_FOR,
            PageAction.Kind.FILL,
            PageAction.Kind.CLICK,
            PageAction.Kind.WAIT_FOR);
    assertThat(buyin.fetch().actions().get(1).textFor("羽绒服")).isEqualTo("羽绒服");
    // §8: the one crawler that drives the box clicks the button; nothing shows Enter working
    assertThat(buyin.fetch().actions().get(2).selector()).isEqualTo("#SearchBarWrapper button");
    assertThat(buyin.fetch().actions().get(2).search()).isTrue();
    // §8: only list calls whose JSON body has the keyword as search_text; the first screen
    // sent again on scroll is dropped; the SDK's hosts are reachable (any public host)
    assertThat(buyin.fetch().captureKeyword()).hasToString("[json:/search_text]");
    assertThat(buyin.dedupe()).isTrue();
    assertThat(buyin.fetch().subrequestHosts()).containsExactly("*");
    assertThat(
            list.matches(
                "https://buyin.jinritemai.com/pc/selection/common/material_list?verifyFp=v&a_bogus=x"))
        .isTrue();
    assertThat(list.matches("https://buyin.jinritemai.com/pc/selection/decision/pack_detail"))
        .isFalse();
  }
}
