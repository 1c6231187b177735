package com.mallrank.crawler.fetch.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.mallrank.crawler.fetch.FetchException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CapturedResponsesTest {

  private static final String PAGE = "http://127.0.0.1/app";
  private static final String API = "http://127.0.0.1/api/search";

  private static CapturedResponses.Captured capture(String body) throws FetchException {
    return CapturedResponses.captured(PAGE, API, 200, body, body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void jsonBodiesAreEmbeddedAsJson() throws Exception {
    String body =
        "{\"status_code\":0,\"data\":{\"items\":[{\"product_id\":\"3698123456789012345\"}]}}";
    List<JsonNode> entries = capture(body).entries();
    assertThat(entries).hasSize(1);
    assertThat(entries.get(0).at("/data/items/0/product_id").asText())
        .isEqualTo("3698123456789012345");
    assertThat(capture(body).framing()).isNull();
  }

  @Test
  void brokenBodiesAreKeptAsStrings() throws Exception {
    String cut = "{\"status_code\":0,\"data\":{\"items\":[{\"product_id\":\"3698";
    JsonNode node = capture(cut).entries().get(0);
    assertThat(node.isTextual()).isTrue();
    assertThat(node.asText()).isEqualTo(cut);
    assertThat(capture("").entries().get(0).asText()).isEmpty();
    assertThat(capture("<html>429</html>").entries().get(0).asText()).isEqualTo("<html>429</html>");
  }

  @Test
  void aStreamedBodyAddsEachOfItsDocuments() throws Exception {
    String first = "{\"page_data\":{\"n\":\"一\"}}";
    String body =
        Integer.toHexString(first.getBytes(StandardCharsets.UTF_8).length)
            + "\r\n"
            + first
            + "\r\n8\r\n{\"n\":22}\r\n0\r\n\r\n";
    CapturedResponses.Captured captured = capture(body);
    assertThat(captured.framing()).isEqualTo("length-prefixed");
    assertThat(captured.entries())
        .extracting(JsonNode::toString)
        .containsExactly(first, "{\"n\":22}");
  }

  @Test
  void aCutStreamKeepsItsDocumentsAndTheCapturedEntrySaysWhere() throws Exception {
    CapturedResponses.Captured captured = capture("7\r\n{\"a\":1}\r\n40\r\n{\"b\":2}");

    // {"b":2} is whole although its frame is not: kept; the cut is named
    assertThat(captured.entries())
        .extracting(JsonNode::toString)
        .containsExactly("{\"a\":1}", "{\"b\":2}");
    com.fasterxml.jackson.databind.node.ObjectNode meta =
        new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
    captured.split().describe(meta);
    assertThat(meta.toString())
        .isEqualTo(
            "{\"framing\":\"length-prefixed\",\"documents\":2,\"cut\":{\"offset\":12,"
                + "\"reason\":\"the frame at byte offset 12 announces 64 bytes (0x40) but only 7"
                + " remain\"}}");
  }

  @Test
  void aStreamWithAWrongCountFailsTheFetchNamingTheOffset() {
    assertThatThrownBy(() -> capture("7\r\n{\"a\":1}\r\n3\r\n{\"b\":2}\r\n0\r\n\r\n"))
        .isInstanceOf(FetchException.class)
        .hasMessageContaining(
            "captured response "
                + API
                + ": streamed body, byte offset 12: the 3 bytes of the frame at byte offset 12"
                + " (0x3) are not followed by a line break (wrong count?)");
  }

  @Test
  void numbersStayExactAndHugeOnesStayUnexpanded() throws FetchException {
    JsonNode node = parse("{\"price\":29.90,\"odd\":1e999999999}").get(0);

    // Read as doubles, 29.90 lost its zero and 1e999999999 became "Infinity"; the extractor now
    // sees the number as sent and refuses the huge one itself.
    assertThat(node.get("price").decimalValue().toPlainString()).isEqualTo("29.90");
    assertThat(node.get("odd").toString()).isEqualTo("1E+999999999");
    assertThat(parse("{\"n\":" + "9".repeat(101) + "}")).as("not JSON: no documents").isEmpty();
  }

  private static java.util.List<JsonNode> parse(String body) throws FetchException {
    return CapturedResponses.captured(
            "https://mall.test/", API, 200, body, body.getBytes(StandardCharsets.UTF_8))
        .documents();
  }
}
