package com.mallrank.crawler.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class SearchPageRendererTest {

  private final SearchPageRenderer renderer = new SearchPageRenderer(key -> "https://img/" + key);

  @Test
  void keywordsAreEscaped() {
    String keyword = "<b>\"羽绒服\"&";
    String html = renderer.empty(keyword);
    assertThat(html).doesNotContain("<b>");
    Document doc = Jsoup.parse(html);
    assertThat(doc.expectFirst("#search-root").attr("data-keyword")).isEqualTo(keyword);
    assertThat(doc.expectFirst("div.search-empty").text())
        .isEqualTo("抱歉，没有找到\"" + keyword + "\"相关的商品");
  }

  @Test
  void captchaPageHasNoSearchRoot() {
    Document doc = Jsoup.parse(renderer.captcha("羽绒服女"));
    assertThat(doc.select("#search-root")).isEmpty();
    assertThat(doc.select("#captcha-verify")).hasSize(1);
  }
}
