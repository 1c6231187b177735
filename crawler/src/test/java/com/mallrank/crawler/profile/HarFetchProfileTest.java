package com.mallrank.crawler.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mallrank.crawler.model.CaptureKeyword;
import org.junit.jupiter.api.Test;

/** {@code fetch.with: har}: a capture profile read from phone HAR files; browser keys refused. */
class HarFetchProfileTest {

  private static String profile(String fetch) {
    return TestProfiles.jsonFetching("phone", fetch);
  }

  @Test
  void aHarProfileIsACaptureWithoutABrowser() {
    SiteProfile p =
        SiteProfiles.parse(
            "phone.yml", profile("with: har\nmode: capture\ncapture-url: \"**/search/item*\"\n"));

    assertThat(p.fetch().har()).isTrue();
    assertThat(p.fetch().browser()).isFalse();
    assertThat(p.fetch().capture()).isTrue();
    assertThat(p.fetch().captureUrl()).isEqualTo("**/search/item*");
    assertThat(SiteProfiles.builtIn("sandbox-spa").fetch().har()).isFalse();
  }

  @Test
  void browserKeysAndTheDomModeAreRefusedWithTheirLine() {
    String withLoadMore =
        profile(
            "with: har\nmode: capture\ncapture-url: \"**/search/item*\"\nload-more: button.more\n");
    assertThatThrownBy(() -> SiteProfiles.parse("phone.yml", withLoadMore))
        .hasMessageContaining(
            "phone.yml:12: fetch.load-more: with: har takes [with, mode, capture-url,"
                + " capture-keyword, capture-device, items-pointer, has-more-pointer] only");

    String dom = profile("with: har\n");
    assertThatThrownBy(() -> SiteProfiles.parse("phone.yml", dom))
        .hasMessageContaining("phone.yml:9: fetch.mode: with: har needs mode: capture");
  }

  @Test
  void captureKeywordNamesWhereTheKeywordIsOneOrSeveral() {
    SiteProfile one =
        SiteProfiles.parse(
            "phone.yml",
            profile(
                "with: har\nmode: capture\ncapture-url: \"**/search*\"\n"
                    + "capture-keyword: json:/search_text\n"));
    SiteProfile two =
        SiteProfiles.parse(
            "phone.yml",
            profile(
                "with: har\nmode: capture\ncapture-url: \"**/search*\"\n"
                    + "capture-keyword: [form:keyword, query:keyword]\n"));

    assertThat(one.fetch().captureKeyword().locations())
        .containsExactly(new CaptureKeyword.Location(CaptureKeyword.Kind.JSON, "/search_text"));
    assertThat(two.fetch().captureKeyword().toString()).isEqualTo("[form:keyword, query:keyword]");
    assertThat(SiteProfiles.builtIn("sandbox-spa").fetch().captureKeyword().anywhere()).isTrue();
  }

  @Test
  void captureDeviceIsForPhoneCapturesOnly() {
    SiteProfile phone =
        SiteProfiles.parse(
            "phone.yml",
            profile(
                "with: har\nmode: capture\ncapture-url: \"**/search*\"\n"
                    + "capture-device: [query:device_id, query:iid]\n"));
    String browser =
        profile(
            "with: browser\nmode: capture\ncapture-url: \"**/search*\"\n"
                + "capture-device: query:device_id\n");

    assertThat(phone.fetch().captureDevice()).hasToString("[query:device_id, query:iid]");
    assertThat(SiteProfiles.builtIn("sandbox-spa").fetch().captureDevice()).isNull();
    assertThatThrownBy(() -> SiteProfiles.parse("phone.yml", browser))
        .hasMessageContaining(
            "phone.yml:12: fetch.capture-device: capture-device is for phone captures: it needs"
                + " with: har");
  }

  @Test
  void aWrongCaptureKeywordIsRefusedWithItsLine() {
    String wrong =
        profile(
            "with: har\nmode: capture\ncapture-url: \"**/search*\"\n"
                + "capture-keyword: [form:keyword, body:keyword, json:search_text]\n");

    assertThatThrownBy(() -> SiteProfiles.parse("phone.yml", wrong))
        .hasMessageContaining(
            "phone.yml:12: fetch.capture-keyword: unknown place 'body': must be query, form or"
                + " json")
        .hasMessageContaining(
            "phone.yml:12: fetch.capture-keyword: json: takes a JSON pointer starting with '/',"
                + " e.g. json:/search_text");
  }
}
