package com.mallrank.crawler.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class JsonPathTest {

  private final JsonNode doc =
      read("{\"data\":{\"list\":[{\"id\":\"a\",\"p\":{\"v\":1}},{\"id\":\"b\"},{\"id\":null}]}}");

  @Test
  void walksFieldsIndexesAndWildcards() {
    assertThat(JsonPath.compile("data.list[*].id").all(doc))
        .extracting(JsonNode::asText)
        .containsExactly("a", "b");
    assertThat(JsonPath.compile("$.data.list[1].id").first(doc).asText()).isEqualTo("b");
    assertThat(JsonPath.compile("data.list[0].p.v").first(doc).asInt()).isEqualTo(1);
    assertThat(JsonPath.compile("data.list[7].id").first(doc)).isNull();
    assertThat(JsonPath.compile("data.missing.x").all(doc)).isEmpty();
    assertThat(JsonPath.compile("").first(doc)).isSameAs(doc);
  }

  @Test
  void alternativesAreTriedInOrder() {
    JsonPath path = JsonPath.compile("data.missing | data.list[*].p.v | data.list[1].id");
    assertThat(path.all(doc)).extracting(JsonNode::asText).containsExactly("1", "b");
    assertThat(path.first(doc).asInt()).isEqualTo(1);
    assertThat(path.isSelf()).isFalse();
    assertThat(JsonPath.compile("data.nothing | data.list[1].id").first(doc).asText())
        .isEqualTo("b");
    assertThat(JsonPath.compile("x | y").first(doc)).isNull();
  }

  @Test
  void rejectsMalformedPaths() {
    assertThatThrownBy(() -> JsonPath.compile("a | ")).hasMessageContaining("empty alternative");
    assertThatThrownBy(() -> JsonPath.compile("a | b[")).hasMessageContaining("unclosed");
    assertThatThrownBy(() -> JsonPath.compile("a[")).hasMessageContaining("unclosed");
    assertThatThrownBy(() -> JsonPath.compile("a[x]")).hasMessageContaining("[x]");
    assertThatThrownBy(() -> JsonPath.compile("a..b")).hasMessageContaining("malformed");
    assertThatThrownBy(() -> JsonPath.compile("a.")).hasMessageContaining("ends with");
  }

  private static JsonNode read(String json) {
    try {
      return new ObjectMapper().readTree(json);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
