package com.mallrank.crawler.body;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Where a captured request carries its keyword ({@code fetch.capture-keyword}): the 百应 list's JSON
 * body ({@code search_text}, douyin-notes §8), a form body (Douyin 38's v2 search, {@code keyword},
 * {@code +} as space), a URL query. Exact, never a substring.
 */
class RequestKeywordTest {

  private static final String LIST =
      "https://buyin.jinritemai.com/pc/selection/common/material_list";

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void theSelectionListCarriesItsKeywordAsSearchTextInTheJsonBody() {
    RequestKeyword place = RequestKeyword.parse("json:/search_text");
    String search = "{\"scene\":\"PCSquareFeed\",\"search_text\":\"羽绒服女\",\"cursor\":0}";
    String feed = "{\"scene\":\"PCSquareFeed\",\"search_text\":\"\",\"cursor\":0}";

    assertThat(place.code()).isEqualTo("json:/search_text");
    assertThat(place.mismatch(LIST, utf8(search), "羽绒服女")).isNull();
    assertThat(place.mismatch(LIST, utf8(search), " 羽绒服女 ")).isNull();
    assertThat(place.mismatch(LIST, utf8(feed), "羽绒服女")).isEqualTo("json:/search_text was \"\"");
    assertThat(place.mismatch(LIST, utf8(search), "羽绒服"))
        .as("a longer keyword is another keyword")
        .isEqualTo("json:/search_text was \"羽绒服女\"");
    assertThat(place.mismatch(LIST, utf8("{\"cursor\":0}"), "羽绒服女"))
        .isEqualTo("json:/search_text is absent");
    assertThat(place.mismatch(LIST, utf8("keyword=x"), "x"))
        .isEqualTo("the request body is not JSON");
    assertThat(place.mismatch(LIST, null, "x")).isEqualTo("the request has no body");
  }

  @Test
  void aFormBodyDecodesPlusAsSpaceAndPercentEscapesAsUtf8() {
    RequestKeyword place = RequestKeyword.parse("form:keyword");
    byte[] body = utf8("count=10&keyword=%E7%BE%BD%E7%BB%92%E6%9C%8D+%E5%A5%B3&cursor=0");

    assertThat(place.mismatch(LIST, body, "羽绒服 女")).isNull();
    assertThat(place.mismatch(LIST, body, "羽绒服女")).isEqualTo("form:keyword was \"羽绒服 女\"");
    assertThat(place.mismatch(LIST, utf8("count=10"), "x")).isEqualTo("form:keyword is absent");
  }

  @Test
  void aQueryParameterIsReadFromTheUrlAndShownValuesAreBounded() {
    RequestKeyword place = RequestKeyword.parse("query:keyword");
    String long40 = "长".repeat(45);

    assertThat(place.mismatch("https://x.example/s?keyword=tea%20cup&n=1#top", null, "tea cup"))
        .isNull();
    assertThat(place.mismatch("https://x.example/s?keyword=" + long40, null, "tea"))
        .isEqualTo("query:keyword was \"" + "长".repeat(40) + "…\"");
    assertThat(place.mismatch("https://x.example/s?k=\u0007bell", null, "x"))
        .isEqualTo("query:keyword is absent");
    assertThat(RequestKeyword.shown("a\u0007b")).isEqualTo("\"ab\"");
  }

  @Test
  void aMalformedPlaceIsRefusedSayingWhatIsAccepted() {
    assertThatThrownBy(() -> RequestKeyword.parse("body:search_text"))
        .hasMessage(
            "must be json:<pointer>, form:<field> or query:<parameter> (e.g. json:/search_text),"
                + " was 'body:search_text'");
    assertThatThrownBy(() -> RequestKeyword.parse("json:search_text"))
        .hasMessage(
            "json: takes a JSON pointer starting with '/', e.g. json:/search_text; was"
                + " 'json:search_text'");
    assertThatThrownBy(() -> RequestKeyword.parse("form:key word"))
        .hasMessage(
            "form: takes a field name (no spaces, '&', '=' or '#'), e.g. form:keyword; was"
                + " 'form:key word'");
  }
}
