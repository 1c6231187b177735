package com.mallrank.crawler.fetch.har;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mallrank.crawler.body.ResponseStream;
import com.mallrank.crawler.testing.MitmproxyHar;
import com.mallrank.crawler.testing.TtnetFrames;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** A HAR body back to the bytes that crossed the wire: the one home of surrogate escapes. */
class HarTextTest {

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void surrogateEscapedTextIsTheBytesItEscapes() {
    // mitmproxy writes a body that is not valid UTF-8 with one lone surrogate per bad byte
    byte[] payload = utf8("{\"Title\":\"羽绒服\"}");
    byte[] body = TtnetFrames.concat(TtnetFrames.frames(payload, 11), "0\r\n\r\n"); // 1 byte into 羽
    String escaped = MitmproxyHar.surrogateEscape(body);
    assertThat(escaped).contains("\udce7", "\udcbe", "\udcbd");

    assertThat(HarText.bytes(escaped, null)).isEqualTo(body);
    assertThat(
            ResponseStream.split(HarText.bytes(escaped, null), new ObjectMapper())
                .documents()
                .get(0)
                .get("Title")
                .asText())
        .isEqualTo("羽绒服");
  }

  @Test
  void aRealPairStaysACharacterAndOtherLoneSurrogatesAreReplacementCharacters() {
    assertThat(HarText.bytes("\ud83d\udce6\ud800x\udc7f", null)).isEqualTo(utf8("📦\ufffdx\ufffd"));
  }

  @Test
  void base64IsDecodedToTheBytesAndAnythingElseInItIsRefused() {
    byte[] bytes = {(byte) 0xE7, (byte) 0xBE, 0x0D, 0x0A};
    String wrapped = Base64.getMimeEncoder().encodeToString(bytes) + "\n";

    assertThat(HarText.bytes(wrapped, "base64")).isEqualTo(bytes);
    assertThatThrownBy(() -> HarText.bytes("5b2p*", "base64"))
        .hasMessage("not base64: character 42 at offset 4 of the body text");
  }
}
