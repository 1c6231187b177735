package com.mallrank.crawler.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallrank.crawler.model.CaptureKeyword;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Where a captured request carries its keyword ({@code fetch.capture-keyword}), as a browser page's
 * captured request gives it (URL, headers, body bytes): the 百应 list's JSON body ({@code
 * search_text}, douyin-notes §8), a form body (Douyin 38's v2 search, {@code keyword}, {@code +} as
 * space), a URL query. Exact once stripped, never a substring; every mismatch says why. The HAR
 * side of the same reading is HarKeywordTest.
 */
class SearchRequestTest {

  private static final String LIST =
      "https://buyin.jinritemai.com/pc/selection/common/material_list";
  private static final Map<String, String> JSON_TYPE = Map.of("content-type", "application/json");

  private static CaptureKeyword at(String... places) {
    return new CaptureKeyword(List.of(places).stream().map(CaptureKeyword::parse).toList());
  }

  private static String mismatch(CaptureKeyword where, String url, String body, String keyword) {
    byte[] bytes = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
    Map<String, String> headers = body != null && body.startsWith("{") ? JSON_TYPE : Map.of();
    return SearchRequest.of(url, headers, null, bytes, List.of()).mismatch(where, keyword);
  }

  @Test
  void theSelectionListCarriesItsKeywordAsSearchTextInTheJsonBody() {
    CaptureKeyword place = at("json:/search_text");
    String search = "{\"scene\":\"PCSquareFeed\",\"search_text\":\"羽绒服女\",\"cursor\":0}";
    String feed = "{\"scene\":\"PCSquareFeed\",\"search_text\":\"\",\"cursor\":0}";

    assertThat(place.toString()).isEqualTo("[json:/search_text]");
    assertThat(mismatch(place, LIST, search, "羽绒服女")).isNull();
    assertThat(mismatch(place, LIST, search, " 羽绒服女 ")).isNull();
    assertThat(mismatch(place, LIST, feed, "羽绒服女")).isEqualTo("json:/search_text was \"\"");
    assertThat(mismatch(place, LIST, search, "羽绒服"))
        .as("a longer keyword is another keyword")
        .isEqualTo("json:/search_text was \"羽绒服女\"");
    assertThat(mismatch(place, LIST, "{\"cursor\":0}", "羽绒服女"))
        .isEqualTo("json:/search_text is absent");
    assertThat(mismatch(place, LIST, "{\"search_text\":", "x"))
        .isEqualTo("json:/search_text is absent (body is not JSON)");
    assertThat(mismatch(place, LIST, null, "x"))
        .isEqualTo("json:/search_text is absent (the request has no body)");
  }

  @Test
  void aFormBodyDecodesPlusAsSpaceAndPercentEscapesAsUtf8() {
    CaptureKeyword place = at("form:keyword");
    String body = "count=10&keyword=%E7%BE%BD%E7%BB%92%E6%9C%8D+%E5%A5%B3&cursor=0";

    assertThat(mismatch(place, LIST, body, "羽绒服 女")).isNull();
    assertThat(mismatch(place, LIST, body, "羽绒服女")).isEqualTo("form:keyword was \"羽绒服 女\"");
    assertThat(mismatch(place, LIST, "count=10", "x")).isEqualTo("form:keyword is absent");
  }

  @Test
  void aQueryParameterIsReadFromTheUrlAndShownValuesAreBounded() {
    CaptureKeyword place = at("query:keyword");
    String long45 = "长".repeat(45);

    assertThat(mismatch(place, "https://x.example/s?keyword=tea%20cup&n=1#top", null, "tea cup"))
        .isNull();
    assertThat(mismatch(place, "https://x.example/s?keyword=" + long45, null, "tea"))
        .isEqualTo("query:keyword was \"" + "长".repeat(40) + "…\"");
    assertThat(mismatch(place, "https://x.example/s?k=\u0007bell", null, "x"))
        .as("a query place needs no body")
        .isEqualTo("query:keyword is absent");
    assertThat(SearchRequest.shown("a\u0007b\nc")).isEqualTo("\"a b c\"");
    assertThat(SearchRequest.clipped("😀".repeat(41)))
        .as("cut between characters, never inside a surrogate pair")
        .isEqualTo("😀".repeat(40) + "…");
  }

  @Test
  void severalPlacesMatchOnAnyAndAMismatchNamesEach() {
    CaptureKeyword places = at("form:keyword", "query:keyword");

    assertThat(mismatch(places, LIST + "?keyword=%E7%8C%AB%E7%B2%AE", "count=10", "猫粮")).isNull();
    assertThat(mismatch(places, LIST + "?keyword=x", "keyword=y", "猫粮"))
        .isEqualTo("form:keyword was \"y\"; query:keyword was \"x\"");
  }

  @Test
  void aBodyOverTheBoundIsNotReadAndSaysSo() {
    String big = "{\"search_text\":\"x\",\"pad\":\"" + "a".repeat(SearchRequest.MAX_BODY) + "\"}";

    assertThat(mismatch(at("json:/search_text"), LIST, big, "x"))
        .isEqualTo("json:/search_text is absent (body over " + SearchRequest.MAX_BODY + " bytes)");
  }
}
