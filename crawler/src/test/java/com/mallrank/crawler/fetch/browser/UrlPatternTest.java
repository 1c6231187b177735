package com.mallrank.crawler.fetch.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UrlPatternTest {

  private static final String API = "http://127.0.0.1:4100/api/search?keyword=x&cursor=10&count=10";

  @Test
  void globStarsStopAtSlashesDoubleStarsDoNot() {
    assertThat(UrlPattern.parse("**/api/search?*").matches(API)).isTrue();
    assertThat(UrlPattern.parse("glob:**/api/search?*").matches(API)).isTrue();
    assertThat(UrlPattern.parse("http://*/api/search?*").matches(API)).isTrue();
    assertThat(UrlPattern.parse("*/api/search?*").matches(API)).isFalse();
    assertThat(UrlPattern.parse("**/api/v2/search?*").matches(API)).isFalse();
  }

  @Test
  void globQuestionMarkAndDotsAreLiteral() {
    assertThat(UrlPattern.parse("**/api/search?*").matches("http://h/api/searchX*")).isFalse();
    assertThat(UrlPattern.parse("**/a.b").matches("http://h/aXb")).isFalse();
  }

  @Test
  void regexIsFoundAnywhere() {
    assertThat(UrlPattern.parse("regex:/api/(v2/)?search\\?").matches(API)).isTrue();
    assertThat(UrlPattern.parse("regex:/api/(v2/)?search\\?").matches("http://h/api/v2/search?a"))
        .isTrue();
    assertThat(UrlPattern.parse("regex:^https:").matches(API)).isFalse();
    assertThatThrownBy(() -> UrlPattern.parse("regex:("))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
