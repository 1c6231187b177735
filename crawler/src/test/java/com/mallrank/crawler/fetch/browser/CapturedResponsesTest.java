package com.mallrank.crawler.fetch.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class CapturedResponsesTest {

  @Test
  void jsonBodiesAreEmbeddedAsJson() {
    String body =
        "{\"status_code\":0,\"data\":{\"items\":[{\"product_id\":\"3698123456789012345\"}]}}";
    JsonNode node = CapturedResponses.asJson(body, CapturedResponses.parse(body));
    assertThat(node.at("/data/items/0/product_id").asText()).isEqualTo("3698123456789012345");
  }

  @Test
  void brokenBodiesAreKeptAsStrings() {
    String cut = "{\"status_code\":0,\"data\":{\"items\":[{\"product_id\":\"3698";
    assertThat(CapturedResponses.parse(cut)).isNull();
    JsonNode node = CapturedResponses.asJson(cut, CapturedResponses.parse(cut));
    assertThat(node.isTextual()).isTrue();
    assertThat(node.asText()).isEqualTo(cut);
    assertThat(CapturedResponses.parse("")).isNull();
    assertThat(CapturedResponses.parse("<html>429</html>")).isNull();
  }
}
