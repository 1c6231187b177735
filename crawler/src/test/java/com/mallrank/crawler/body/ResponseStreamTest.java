package com.mallrank.crawler.body;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mallrank.crawler.body.ResponseStream.Cut;
import com.mallrank.crawler.body.ResponseStream.Framing;
import com.mallrank.crawler.body.ResponseStream.Split;
import com.mallrank.crawler.testing.TtnetFrames;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ResponseStreamTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void oneDocumentIsNotAStream() {
    Split split = ResponseStream.split(utf8("  {\"a\": [1, 2]}\n"), JSON);

    assertThat(split.framing()).isEqualTo(Framing.SINGLE);
    assertThat(split.isStream()).isFalse();
    assertThat(split.isCut()).isFalse();
    assertThat(split.root(JSON).toString()).isEqualTo("{\"a\":[1,2]}");
  }

  @Test
  void splitsFramedDocumentsCountingUtf8Bytes() {
    String first = "{\"page_data\":{\"title\":\"羽绒服\"}}";
    String second = "{\"load_more_config\":{\"has_more\":false}}";
    String body = TtnetFrames.frame(first) + TtnetFrames.frame(second) + "0\r\n\r\n";

    Split split = ResponseStream.split(utf8(body), JSON);

    assertThat(split.framing()).isEqualTo(Framing.LENGTH_PREFIXED);
    assertThat(split.documents()).hasSize(2);
    assertThat(split.isCut()).isFalse();
    assertThat(split.documents().get(0).at("/page_data/title").asText()).isEqualTo("羽绒服");
    assertThat(split.text()).isEqualTo(first + second);
    JsonNode root = split.root(JSON);
    assertThat(root.get("framing").asText()).isEqualTo("length-prefixed");
    assertThat(root.has("cut")).isFalse();
    assertThat(root.at("/responses/1/load_more_config/has_more").asBoolean()).isFalse();
  }

  @Test
  void documentsSpanFramesAndFramesEndInsideACharacter() {
    String first = "{\"Title\":\"加厚羽绒服\",\"Price\":29900}";
    String second = "{\"Title\":\"白鸭绒\"}";
    byte[] payload = utf8(first + "\n" + second);
    int inside加 = first.indexOf('加') + 1; // 1 byte into the 3 bytes of 加 (ASCII before it)
    int inside鸭 = utf8(first + "\n" + "{\"Title\":\"白").length + 2; // 2 bytes into 鸭
    // frame 1 ends inside 加, frame 2 runs from there across the end of document 1 into
    // document 2 and ends inside 鸭, frame 3 holds the rest
    byte[] body = TtnetFrames.concat(TtnetFrames.frames(payload, inside加, inside鸭), "0\r\n\r\n");

    Split split = ResponseStream.split(body, JSON);

    assertThat(split.framing()).isEqualTo(Framing.LENGTH_PREFIXED);
    assertThat(split.isCut()).isFalse();
    assertThat(split.documents())
        .extracting(d -> d.get("Title").asText())
        .containsExactly("加厚羽绒服", "白鸭绒");
    assertThat(split.documents().get(0).get("Price").asInt()).isEqualTo(29900);
    // the same body, decoded to text up front, would have lost both characters
    assertThat(new String(body, StandardCharsets.UTF_8)).doesNotContain("加厚", "鸭");
  }

  @Test
  void acceptsChunkExtensionsUpperCaseDigitsAndBareLineFeeds() {
    String doc = "{\"k\":\"" + "x".repeat(20) + "\"}"; // 28 bytes = 0x1C
    String body = "1C;name=value\r\n" + doc + "\r\n1c\n" + doc + "\n0;end\r\n\r\n";

    Split split = ResponseStream.split(utf8(body), JSON);

    assertThat(split.framing()).isEqualTo(Framing.LENGTH_PREFIXED);
    assertThat(split.documents()).hasSize(2);
    assertThat(split.isCut()).isFalse();
  }

  @Test
  void aFrameRunningPastTheEndKeepsTheCompleteDocumentsAndSaysWhere() {
    String whole = TtnetFrames.frame("{\"a\":1}") + TtnetFrames.frame("{\"b\":2}");
    String body = whole + "1f4\r\n{\"c\":3}{\"d\":";

    Split split = ResponseStream.split(utf8(body), JSON);

    assertThat(split.documents())
        .extracting(JsonNode::toString)
        .containsExactly("{\"a\":1}", "{\"b\":2}", "{\"c\":3}");
    assertThat(split.cut())
        .isEqualTo(
            new Cut(
                whole.length(),
                "the frame at byte offset "
                    + whole.length()
                    + " announces 500 bytes (0x1f4) but only 12 remain; document 4 (from byte"
                    + " offset "
                    + (whole.length() + 12)
                    + ") is cut off"));
    JsonNode root = split.root(JSON);
    assertThat(root.at("/cut/offset").asLong()).isEqualTo(whole.length());
    ObjectNode captured = JSON.createObjectNode();
    split.describe(captured);
    assertThat(captured.get("documents").asInt()).isEqualTo(3);
    assertThat(captured.at("/cut/reason").asText()).startsWith("the frame at byte offset 24 ");
  }

  @Test
  void aMissingClosingFrameIsACutAtTheEndOfTheBody() {
    String body = TtnetFrames.frame("{\"a\":1}") + TtnetFrames.frame("{\"b\":2}");

    Split split = ResponseStream.split(utf8(body), JSON);

    assertThat(split.documents()).hasSize(2);
    assertThat(split.cut())
        .isEqualTo(new Cut(body.length(), "the body ends without the closing 0 frame"));
    assertThat(split.cut().describe())
        .isEqualTo("stream cut at byte offset 24: the body ends without the closing 0 frame");
  }

  @Test
  void aDocumentCutOffInsideACharacterIsACutAtItsStart() {
    String first = "{\"a\":1}";
    byte[] second = utf8("{\"t\":\"羽绒服\"}");
    byte[] payload = Arrays.copyOf(utf8(first), first.length() + 8);
    System.arraycopy(second, 0, payload, first.length(), 8); // {"t":" and 2 of the 3 bytes of 羽
    byte[] body = TtnetFrames.concat(TtnetFrames.frames(payload, 5), "0\r\n\r\n");

    Split split = ResponseStream.split(body, JSON);

    assertThat(split.documents()).extracting(JsonNode::toString).containsExactly("{\"a\":1}");
    // frame 1 is 5\r\n{"a":\r\n (10 bytes); document 2 starts 2 bytes into frame 2's data (13)
    assertThat(split.cut()).isEqualTo(new Cut(15, "document 2 (from byte offset 15) is cut off"));
  }

  @Test
  void aStreamCutBeforeItsFirstDocumentIsAnError() {
    byte[] body = utf8("4e\r\n{\"page_data\":{\"feed_layer\"");

    assertThatThrownBy(() -> ResponseStream.split(body, JSON))
        .isInstanceOf(StreamFormatException.class)
        .hasMessage(
            "streamed body, byte offset 0: cut before its first complete document: the frame at"
                + " byte offset 0 announces 78 bytes (0x4e) but only 26 remain; document 1 (from"
                + " byte offset 4) is cut off")
        .extracting(e -> ((StreamFormatException) e).offset())
        .isEqualTo(0L);
    // frames of white space only (a bare "0\r\n\r\n" is the JSON number 0, not a stream)
    assertThatThrownBy(() -> ResponseStream.split(utf8("2\r\n  \r\n0\r\n\r\n"), JSON))
        .hasMessage("streamed body, byte offset 0: the stream holds no document");
  }

  @Test
  void aFrameNotFollowedByALineBreakIsAWrongCount() {
    String body = TtnetFrames.frame("{\"a\":1}") + "5\r\n{\"b\":22}\r\n0\r\n\r\n";

    assertThatThrownBy(() -> ResponseStream.split(utf8(body), JSON))
        .isInstanceOf(StreamFormatException.class)
        .hasMessage(
            "streamed body, byte offset 12: the 5 bytes of the frame at byte offset 12 (0x5) are"
                + " not followed by a line break (wrong count?), found '22}??0????'");
  }

  @Test
  void garbageWhereAFrameSizeShouldBeIsNamed() {
    String body = TtnetFrames.frame("{\"a\":1}") + "zz{\"b\":2}";

    assertThatThrownBy(() -> ResponseStream.split(utf8(body), JSON))
        .hasMessage(
            "streamed body, byte offset 12: expected a hexadecimal frame size, found"
                + " 'zz{\"b\":2}'");
    assertThatThrownBy(
            () -> ResponseStream.split(utf8(TtnetFrames.frame("{}") + "12x\r\n{}"), JSON))
        .hasMessage(
            "streamed body, byte offset 9: frame size 0x12 at byte offset 7 is not followed by a"
                + " line break, found 'x??{}'");
  }

  @Test
  void dataAfterTheClosingZeroIsAnError() {
    String body = TtnetFrames.frame("{\"a\":1}") + "0\r\n\r\n{\"late\":1}";

    assertThatThrownBy(() -> ResponseStream.split(utf8(body), JSON))
        .hasMessage(
            "streamed body, byte offset 17: data after the closing 0 frame at byte offset 12");
  }

  @Test
  void aJoinedPayloadThatIsNotJsonNamesTheDocumentInTheBody() {
    String body = TtnetFrames.frame("{\"a\":1}") + TtnetFrames.frame("{\"b\":2,}") + "0\r\n\r\n";

    assertThatThrownBy(() -> ResponseStream.split(utf8(body), JSON))
        .hasMessageStartingWith("streamed body, byte offset 15: document 2 is not JSON:");
  }

  @Test
  void splitsNewlineDelimitedJson() {
    Split split = ResponseStream.split(utf8("{\"a\":1}\n{\"a\":2}\n[3]\n"), JSON);

    assertThat(split.framing()).isEqualTo(Framing.CONCATENATED);
    assertThat(split.documents())
        .extracting(JsonNode::toString)
        .containsExactly("{\"a\":1}", "{\"a\":2}", "[3]");
    assertThat(split.isCut()).isFalse();
  }

  @Test
  void aCutOffLastNdjsonDocumentIsACutABrokenOneAnError() {
    Split split = ResponseStream.split(utf8("{\"a\":1}\n{\"a\":"), JSON);
    assertThat(split.documents()).hasSize(1);
    assertThat(split.cut()).isEqualTo(new Cut(8, "document 2 (from byte offset 8) is cut off"));

    assertThatThrownBy(() -> ResponseStream.split(utf8("{\"a\":1}\n{\"a\":]\n"), JSON))
        .isInstanceOf(StreamFormatException.class)
        .hasMessageStartingWith("streamed body, byte offset 8: document 2 is not JSON");
    assertThatThrownBy(() -> ResponseStream.split(utf8("{\"a\":1}\n42\n"), JSON))
        .hasMessage("streamed body, byte offset 8: document 2 is not a JSON object or array");
  }

  @Test
  void aByteOrderMarkIsSkipped() {
    byte[] body =
        TtnetFrames.concat(
            new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, TtnetFrames.frame("{}") + "0\r\n");

    assertThat(ResponseStream.split(body, JSON).documents()).hasSize(1);
  }

  @Test
  void whatIsNotJsonAtAllStaysNotJson() {
    assertThat(ResponseStream.split(utf8(""), JSON)).isNull();
    assertThat(ResponseStream.split(utf8(" \n"), JSON)).isNull();
    assertThat(ResponseStream.split(utf8("<html><body>502</body></html>"), JSON)).isNull();
    assertThat(ResponseStream.split(utf8("bad gateway"), JSON)).isNull();
    // a single document cut off (a truncated response) is not JSON, not a broken stream
    assertThat(ResponseStream.split(utf8("{\"data\":{\"items\":[{\"id\":1},"), JSON)).isNull();
  }

  @Test
  void refusesMoreDocumentsThanTheBound() {
    String doc = TtnetFrames.frame("{}");
    String body = doc.repeat(ResponseStream.MAX_DOCUMENTS + 1) + "0\r\n\r\n";

    assertThatThrownBy(() -> ResponseStream.split(utf8(body), JSON))
        .hasMessage(
            "streamed body, byte offset "
                + (doc.length() * ResponseStream.MAX_DOCUMENTS + 3)
                + ": more than 2000 documents in one body");
    assertThat(
            ResponseStream.split(utf8(doc.repeat(ResponseStream.MAX_DOCUMENTS) + "0\r\n"), JSON)
                .documents())
        .hasSize(ResponseStream.MAX_DOCUMENTS);
  }

  @Test
  void refusesOverlongSizesAndExtensions() {
    assertThatThrownBy(
            () -> ResponseStream.split(utf8(TtnetFrames.frame("{}") + "123456789\r\n{}"), JSON))
        .hasMessage("streamed body, byte offset 7: frame size longer than 8 hexadecimal digits");
    String longExtension = "2;" + "x".repeat(ResponseStream.MAX_EXTENSION_BYTES) + "\r\n{}\r\n";
    assertThatThrownBy(() -> ResponseStream.split(utf8(longExtension), JSON))
        .hasMessage("streamed body, byte offset 1: frame extensions longer than 256 bytes");
  }
}
