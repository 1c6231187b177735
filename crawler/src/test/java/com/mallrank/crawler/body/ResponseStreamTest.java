package com.mallrank.crawler.body;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mallrank.crawler.body.ResponseStream.Framing;
import com.mallrank.crawler.body.ResponseStream.Split;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ResponseStreamTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A document framed as the app frames it: hex length of its UTF-8 bytes, CRLF, data, CRLF. */
  static String frame(String document) {
    return Integer.toHexString(document.getBytes(StandardCharsets.UTF_8).length)
        + "\r\n"
        + document
        + "\r\n";
  }

  @Test
  void oneDocumentIsNotAStream() {
    Split split = ResponseStream.split("  {\"a\": [1, 2]}\n", JSON);

    assertThat(split.framing()).isEqualTo(Framing.SINGLE);
    assertThat(split.isStream()).isFalse();
    assertThat(split.root(JSON).toString()).isEqualTo("{\"a\":[1,2]}");
  }

  @Test
  void splitsHexLengthPrefixedDocumentsCountingUtf8Bytes() {
    String first = "{\"page_data\":{\"title\":\"羽绒服\"}}";
    String second = "{\"load_more_config\":{\"has_more\":false}}";
    String body = frame(first) + frame(second) + "0\r\n\r\n";

    Split split = ResponseStream.split(body, JSON);

    assertThat(split.framing()).isEqualTo(Framing.LENGTH_PREFIXED);
    assertThat(split.documents()).hasSize(2);
    assertThat(split.documents().get(0).at("/page_data/title").asText()).isEqualTo("羽绒服");
    JsonNode root = split.root(JSON);
    assertThat(root.get("framing").asText()).isEqualTo("length-prefixed");
    assertThat(root.at("/responses/1/load_more_config/has_more").asBoolean()).isFalse();
  }

  @Test
  void acceptsPrefixesWithoutLineBreaksAndWithUpperCaseDigits() {
    String doc = "{\"k\":\"" + "x".repeat(20) + "\"}"; // 28 bytes = 0x1C
    Split split = ResponseStream.split("1C" + doc + "1C\n" + doc, JSON);

    assertThat(split.framing()).isEqualTo(Framing.LENGTH_PREFIXED);
    assertThat(split.documents()).hasSize(2);
  }

  @Test
  void aPrefixThatRunsPastTheEndNamesItsOffset() {
    String first = frame("{\"a\":1}");
    String body = first + "1f4\r\n{\"b\":2}\r\n";

    assertThatThrownBy(() -> ResponseStream.split(body, JSON))
        .isInstanceOf(StreamFormatException.class)
        .hasMessage(
            "streamed body, byte offset "
                + first.length()
                + ": length prefix 0x1f4 announces 500 bytes but only 9 remain")
        .extracting(e -> ((StreamFormatException) e).offset())
        .isEqualTo((long) first.length());
  }

  @Test
  void aPrefixTooShortNamesItsOffsetAndTheLength() {
    String body = frame("{\"a\":1}") + "5\r\n{\"b\":22}\r\n";

    assertThatThrownBy(() -> ResponseStream.split(body, JSON))
        .isInstanceOf(StreamFormatException.class)
        .hasMessageStartingWith(
            "streamed body, byte offset 12: the 5 bytes announced by length prefix 0x5 are not one"
                + " JSON document (wrong length?)");
  }

  @Test
  void aPrefixTooLongByALittleIsCaughtToo() {
    // 0xa covers the document, its CRLF and the next prefix.
    String body = "a\r\n{\"a\":1}\r\n7\r\n{\"b\":2}\r\n";

    assertThatThrownBy(() -> ResponseStream.split(body, JSON))
        .isInstanceOf(StreamFormatException.class)
        .hasMessageContaining("byte offset 0: the 10 bytes announced by length prefix 0xa");
  }

  @Test
  void garbageWhereAPrefixShouldBeIsNamed() {
    String body = frame("{\"a\":1}") + "zz{\"b\":2}";

    assertThatThrownBy(() -> ResponseStream.split(body, JSON))
        .hasMessage(
            "streamed body, byte offset 12: expected a hexadecimal length prefix, found 'zz{\"b\":2}'");
  }

  @Test
  void dataAfterTheClosingZeroIsAnError() {
    String body = frame("{\"a\":1}") + "0\r\n\r\n{\"late\":1}";

    assertThatThrownBy(() -> ResponseStream.split(body, JSON))
        .hasMessage(
            "streamed body, byte offset 17: data after the closing 0 length prefix at byte offset"
                + " 12");
  }

  @Test
  void splitsNewlineDelimitedJson() {
    Split split = ResponseStream.split("{\"a\":1}\n{\"a\":2}\n[3]\n", JSON);

    assertThat(split.framing()).isEqualTo(Framing.CONCATENATED);
    assertThat(split.documents())
        .extracting(JsonNode::toString)
        .containsExactly("{\"a\":1}", "{\"a\":2}", "[3]");
  }

  @Test
  void aBrokenLaterNdjsonDocumentNamesItsOffset() {
    assertThatThrownBy(() -> ResponseStream.split("{\"a\":1}\n{\"a\":\n", JSON))
        .isInstanceOf(StreamFormatException.class)
        .hasMessageStartingWith("streamed body, byte offset 8: document 2 is not JSON");
    assertThatThrownBy(() -> ResponseStream.split("{\"a\":1}\n42\n", JSON))
        .hasMessage("streamed body, byte offset 8: document 2 is not a JSON object or array");
  }

  @Test
  void whatIsNotJsonAtAllStaysNotJson() {
    assertThat(ResponseStream.split("", JSON)).isNull();
    assertThat(ResponseStream.split(" \n", JSON)).isNull();
    assertThat(ResponseStream.split("<html><body>502</body></html>", JSON)).isNull();
    assertThat(ResponseStream.split("bad gateway", JSON)).isNull();
    // a single document cut off (a truncated response) is not JSON, not a broken stream
    assertThat(ResponseStream.split("{\"data\":{\"items\":[{\"id\":1},", JSON)).isNull();
  }

  @Test
  void refusesMoreDocumentsThanTheBound() {
    String doc = frame("{}");
    String body = doc.repeat(ResponseStream.MAX_DOCUMENTS + 1);

    assertThatThrownBy(() -> ResponseStream.split(body, JSON))
        .hasMessage(
            "streamed body, byte offset "
                + doc.length() * ResponseStream.MAX_DOCUMENTS
                + ": more than 2000 documents in one body");
    assertThat(ResponseStream.split(doc.repeat(ResponseStream.MAX_DOCUMENTS), JSON).documents())
        .hasSize(ResponseStream.MAX_DOCUMENTS);
  }

  @Test
  void refusesOverlongPrefixes() {
    assertThatThrownBy(() -> ResponseStream.split(frame("{}") + "123456789\r\n{}", JSON))
        .hasMessage("streamed body, byte offset 7: length prefix longer than 8 hexadecimal digits");
  }
}
