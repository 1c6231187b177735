package com.mallrank.crawler.fetch.har;

import java.io.ByteArrayOutputStream;
import java.util.Base64;

/**
 * Undoes how a HAR file wrote a body, giving back the bytes that crossed the wire (after the
 * proxy's own content decoding). Three ways are seen:
 *
 * <ul>
 *   <li>{@code "encoding": "base64"}: the bytes in base64 (mitmproxy writes a body it judges binary
 *       that way, and Chrome writes many bodies so); line breaks and spaces inside are ignored;
 *   <li>plain text: the body's characters, written back as UTF-8;
 *   <li>text with lone surrogates {@code \udc80}–{@code \udcff}: Python's {@code surrogateescape},
 *       which mitmproxy uses for a body that is not valid UTF-8, one surrogate per byte that could
 *       not be decoded; each becomes that byte again ({@code \udc80 + b} → {@code b}).
 * </ul>
 *
 * So a TTNet frame that ended inside a UTF-8 character, written by mitmproxy as surrogates, comes
 * back whole. Any other lone surrogate (no writer produces one) becomes U+FFFD. Pure.
 */
final class HarText {

  private HarText() {}

  /**
   * The bytes of a HAR {@code content} or {@code postData}.
   *
   * @param text its {@code text}, or {@code null}
   * @param encoding its {@code encoding} ({@code base64} or none)
   * @return the bytes; empty when there is no text
   * @throws IllegalArgumentException when {@code encoding} is base64 but the text is not
   */
  static byte[] bytes(String text, String encoding) {
    if (text == null || text.isEmpty()) {
      return new byte[0];
    }
    if (encoding != null && encoding.equalsIgnoreCase("base64")) {
      return Base64.getMimeDecoder().decode(strict(text));
    }
    return utf8WithEscapes(text);
  }

  /** The MIME decoder skips characters outside the alphabet: refuse them instead. */
  private static String strict(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean ok =
          c >= 'A' && c <= 'Z'
              || c >= 'a' && c <= 'z'
              || c >= '0' && c <= '9'
              || c == '+'
              || c == '/'
              || c == '='
              || c == '-'
              || c == '_'
              || Character.isWhitespace(c);
      if (!ok) {
        throw new IllegalArgumentException(
            "not base64: character " + (int) c + " at offset " + i + " of the body text");
      }
    }
    return text.indexOf('-') >= 0 || text.indexOf('_') >= 0
        ? text.replace('-', '+').replace('_', '/')
        : text;
  }

  private static byte[] utf8WithEscapes(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() + 16);
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c < 0x80) {
        out.write(c);
        i++;
      } else if (c < 0x800) {
        out.write(0xC0 | (c >> 6));
        out.write(0x80 | (c & 0x3F));
        i++;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        int cp = Character.toCodePoint(c, text.charAt(i + 1));
        out.write(0xF0 | (cp >> 18));
        out.write(0x80 | ((cp >> 12) & 0x3F));
        out.write(0x80 | ((cp >> 6) & 0x3F));
        out.write(0x80 | (cp & 0x3F));
        i += 2;
      } else if (c >= 0xDC80 && c <= 0xDCFF) {
        out.write(c - 0xDC00); // surrogateescape: one undecodable byte
        i++;
      } else {
        int cp = Character.isSurrogate(c) ? 0xFFFD : c;
        out.write(0xE0 | (cp >> 12));
        out.write(0x80 | ((cp >> 6) & 0x3F));
        out.write(0x80 | (cp & 0x3F));
        i++;
      }
    }
    return out.toByteArray();
  }
}
