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

  @Test
  void numbersStayExactAndHugeOnesStayUnexpanded() {
    JsonNode node = CapturedResponses.parse("{\"price\":29.90,\"odd\":1e999999999}");

    // Read as doubles, 29.90 lost its zero and 1e999999999 became "Infinity"; the extractor now
    // sees the number as sent and refuses the huge one itself.
    assertThat(node.get("price").decimalValue().toPlainString()).isEqualTo("29.90");
    assertThat(node.get("odd").toString()).isEqualTo("1E+999999999");
    assertThat(CapturedResponses.parse("{\"n\":" + "9".repeat(101) + "}")).isNull();
  }
}
