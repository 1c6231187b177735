package com.mallrank.crawler.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@code fetch.capture-keyword} places as a profile writes them, and the mistakes refused. */
class CaptureKeywordTest {

  @Test
  void eachKindReadsItsName() {
    assertThat(CaptureKeyword.parse(" json:/search_text "))
        .isEqualTo(new CaptureKeyword.Location(CaptureKeyword.Kind.JSON, "/search_text"));
    assertThat(CaptureKeyword.parse("form:keyword").code()).isEqualTo("form:keyword");
    assertThat(CaptureKeyword.parse("query:q").kind()).isEqualTo(CaptureKeyword.Kind.QUERY);
    assertThat(CaptureKeyword.parse("json:/a~1b/0").name()).isEqualTo("/a~1b/0");
  }

  @Test
  void aMalformedPlaceIsRefusedSayingWhatIsAccepted() {
    assertThatThrownBy(() -> CaptureKeyword.parse("body:search_text"))
        .hasMessage("unknown place 'body': must be query, form or json");
    assertThatThrownBy(() -> CaptureKeyword.parse("search_text"))
        .hasMessage("must be query:NAME, form:NAME or json:/POINTER, was 'search_text'");
    assertThatThrownBy(() -> CaptureKeyword.parse("json:search_text"))
        .hasMessage("json: takes a JSON pointer starting with '/', e.g. json:/search_text");
    assertThatThrownBy(() -> CaptureKeyword.parse("json:/a~2"))
        .hasMessage("'json:/a~2' is not a JSON pointer: '~' is written ~0 and '/' in a name ~1");
    assertThatThrownBy(() -> CaptureKeyword.parse("form:key word"))
        .hasMessage(
            "form: takes a field name (no spaces, '&', '=' or '#'), e.g. form:keyword; was"
                + " 'form:key word'");
    assertThatThrownBy(() -> CaptureKeyword.parse("query:a&b"))
        .hasMessageStartingWith("query: takes a field name");
    assertThatThrownBy(() -> CaptureKeyword.parse("query:" + "q".repeat(101)))
        .hasMessage("'query:' takes a name of at most 100 characters");
    assertThatThrownBy(() -> CaptureKeyword.parse("form:"))
        .hasMessage("'form:' names no parameter");
  }
}
