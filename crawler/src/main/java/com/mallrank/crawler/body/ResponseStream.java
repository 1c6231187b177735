package com.mallrank.crawler.body;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a response body into JSON documents. Douyin's app search ({@code
 * /aweme/v3/shop/search/aggregate/shopping/stream/}) and the web's {@code general/search/stream/}
 * answer several JSON documents in one body, each preceded by its length in hexadecimal (HTTP
 * chunk style, {@code 1f4\r\n{…}\r\n}); other APIs send newline-delimited JSON. A JSON parser reads
 * only the first document of such a body (or fails on the prefix), so the rest of the results would
 * be lost silently: this class recognises the framing and returns every document.
 *
 * <p>Recognised, in this order: one JSON document (nothing else but whitespace after it); a
 * length-prefixed stream (the body starts with 1–8 hexadecimal digits followed by a line break or
 * by {@code {}/{@code [}; a {@code 0} prefix ends it); concatenated or newline-delimited JSON (the
 * body starts with {@code {} or {@code [} and a first document parses). Anything else is "not
 * JSON" ({@code null}), so a cut-off or HTML body keeps being reported as such by the caller. Once
 * a stream is recognised, every framing mistake is a {@link StreamFormatException} naming the byte
 * offset; nothing is guessed. Lengths count bytes of UTF-8, as on the wire.
 *
 * <p>Bounded: at most {@link #MAX_DOCUMENTS} documents; a prefix has at most 8 hexadecimal digits
 * and cannot announce more than the bytes that remain. The body itself is bounded by the fetcher
 * that read it. Pure and thread-safe.
 */
public final class ResponseStream {

  /** The most documents one body may hold; a stream with more is refused, not cut. */
  public static final int MAX_DOCUMENTS = 2_000;

  private static final int MAX_PREFIX_DIGITS = 8;

  /** How the documents were framed. */
  public enum Framing {
    /** One JSON document. */
    SINGLE,
    /** Each document preceded by its length in hexadecimal. */
    LENGTH_PREFIXED,
    /** Documents one after the other, separated by white space (NDJSON). */
    CONCATENATED;

    /** The name used in captured documents and messages. */
    public String code() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }

  /**
   * The documents of a body.
   *
   * @param framing how they were framed
   * @param documents at least one, in body order
   */
  public record Split(Framing framing, List<JsonNode> documents) {

    public Split {
      documents = List.copyOf(documents);
    }

    /** Whether the body held several documents (or a framed single one). */
    public boolean isStream() {
      return framing != Framing.SINGLE;
    }

    /**
     * The document an extractor reads: the single document itself, or for a stream {@code
     * {"framing": …, "responses": [<document>…]}}, the shape of a browser capture, so one profile
     * path ({@code responses[*]…}) reads a capture, a saved stream and a phone's HAR alike.
     */
    public JsonNode root(ObjectMapper mapper) {
      if (!isStream()) {
        return documents.get(0);
      }
      ObjectNode root = mapper.createObjectNode();
      root.put("framing", framing.code());
      ArrayNode responses = root.putArray("responses");
      documents.forEach(responses::add);
      return root;
    }
  }

  private ResponseStream() {}

  /**
   * Splits a body read as text.
   *
   * @param mapper parses each document (its number settings apply)
   * @return the documents, or {@code null} when the body is empty or not JSON at all
   * @throws StreamFormatException when the body is framed as a stream but the framing is wrong
   */
  public static Split split(String body, ObjectMapper mapper) {
    return body == null ? null : split(body.getBytes(StandardCharsets.UTF_8), mapper);
  }

  /** {@link #split(String, ObjectMapper)} on the bytes of a body. */
  public static Split split(byte[] body, ObjectMapper mapper) {
    int start = skipWhitespace(body, 0);
    if (start == body.length) {
      return null;
    }
    ObjectReader strict =
        mapper
            .reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .forType(JsonNode.class);
    JsonNode single = parseOrNull(strict, body, start, body.length - start);
    if (single != null && !single.isMissingNode()) {
      return new Split(Framing.SINGLE, List.of(single));
    }
    if (prefixedAt(body, start)) {
      return new Split(Framing.LENGTH_PREFIXED, lengthPrefixed(body, start, strict));
    }
    if (body[start] == '{' || body[start] == '[') {
      List<JsonNode> documents = concatenated(body, start, mapper);
      return documents == null ? null : new Split(Framing.CONCATENATED, documents);
    }
    return null;
  }

  /** 1–8 hex digits, then a line break or the start of a document. */
  private static boolean prefixedAt(byte[] body, int at) {
    int digits = 0;
    while (at + digits < body.length && hex(body[at + digits]) >= 0) {
      digits++;
    }
    if (digits == 0 || digits > MAX_PREFIX_DIGITS || at + digits >= body.length) {
      return false;
    }
    byte next = body[at + digits];
    return next == '\n' || next == '\r' || next == '{' || next == '[';
  }

  private static List<JsonNode> lengthPrefixed(byte[] body, int start, ObjectReader strict) {
    List<JsonNode> documents = new ArrayList<>();
    int pos = start;
    while (true) {
      pos = skipWhitespace(body, pos);
      if (pos == body.length) {
        break;
      }
      int prefixAt = pos;
      long length = 0;
      int digits = 0;
      while (pos < body.length && hex(body[pos]) >= 0) {
        if (++digits > MAX_PREFIX_DIGITS) {
          throw new StreamFormatException(
              prefixAt, "length prefix longer than " + MAX_PREFIX_DIGITS + " hexadecimal digits");
        }
        length = length * 16 + hex(body[pos++]);
      }
      if (digits == 0) {
        throw new StreamFormatException(
            prefixAt,
            "expected a hexadecimal length prefix, found '" + excerpt(body, prefixAt) + "'");
      }
      String prefix = new String(body, prefixAt, digits, StandardCharsets.US_ASCII);
      if (pos < body.length && body[pos] == '\r') {
        pos++;
      }
      if (pos < body.length && body[pos] == '\n') {
        pos++;
      }
      if (length == 0) {
        int rest = skipWhitespace(body, pos);
        if (rest != body.length) {
          throw new StreamFormatException(
              rest, "data after the closing 0 length prefix at byte offset " + prefixAt);
        }
        break;
      }
      long remaining = body.length - pos;
      if (length > remaining) {
        throw new StreamFormatException(
            prefixAt,
            "length prefix 0x"
                + prefix
                + " announces "
                + length
                + " bytes but only "
                + remaining
                + " remain");
      }
      JsonNode document;
      try {
        document = strict.readValue(body, pos, (int) length);
      } catch (IOException e) {
        throw new StreamFormatException(
            prefixAt,
            "the "
                + length
                + " bytes announced by length prefix 0x"
                + prefix
                + " are not one JSON document (wrong length?): "
                + firstLine(e));
      }
      if (document == null || document.isMissingNode()) {
        throw new StreamFormatException(
            prefixAt, "length prefix 0x" + prefix + " announces no JSON document");
      }
      add(documents, document, prefixAt);
      pos += (int) length;
    }
    if (documents.isEmpty()) {
      throw new StreamFormatException(start, "the stream holds no document");
    }
    return documents;
  }

  /** Documents separated by white space; {@code null} when not even the first one parses. */
  private static List<JsonNode> concatenated(byte[] body, int start, ObjectMapper mapper) {
    List<JsonNode> documents = new ArrayList<>();
    long at = start;
    // The parser reads the whole array (white space before `start` is skipped), so its offsets are
    // offsets in the body.
    try (JsonParser parser = mapper.getFactory().createParser(body)) {
      while (true) {
        at = parser.currentLocation().getByteOffset();
        JsonToken token = parser.nextToken();
        if (token == null) {
          break;
        }
        at = parser.currentTokenLocation().getByteOffset();
        if (token != JsonToken.START_OBJECT && token != JsonToken.START_ARRAY) {
          throw new StreamFormatException(
              at, "document " + (documents.size() + 1) + " is not a JSON object or array");
        }
        JsonNode document = mapper.readTree(parser);
        add(documents, document, at);
      }
    } catch (IOException e) {
      if (documents.isEmpty()) {
        return null;
      }
      throw new StreamFormatException(
          at, "document " + (documents.size() + 1) + " is not JSON: " + firstLine(e));
    }
    return documents.isEmpty() ? null : documents;
  }

  private static void add(List<JsonNode> documents, JsonNode document, long at) {
    if (documents.size() == MAX_DOCUMENTS) {
      throw new StreamFormatException(at, "more than " + MAX_DOCUMENTS + " documents in one body");
    }
    documents.add(document);
  }

  private static JsonNode parseOrNull(ObjectReader strict, byte[] body, int offset, int length) {
    try {
      return strict.readValue(body, offset, length);
    } catch (IOException e) {
      return null;
    }
  }

  private static int skipWhitespace(byte[] body, int pos) {
    while (pos < body.length
        && (body[pos] == ' ' || body[pos] == '\t' || body[pos] == '\r' || body[pos] == '\n')) {
      pos++;
    }
    return pos;
  }

  private static int hex(byte b) {
    if (b >= '0' && b <= '9') {
      return b - '0';
    }
    if (b >= 'a' && b <= 'f') {
      return b - 'a' + 10;
    }
    if (b >= 'A' && b <= 'F') {
      return b - 'A' + 10;
    }
    return -1;
  }

  /** Up to 16 bytes at a position, control characters shown as '?', for a message. */
  private static String excerpt(byte[] body, int at) {
    StringBuilder out = new StringBuilder();
    for (int i = at; i < Math.min(body.length, at + 16); i++) {
      char c = (char) (body[i] & 0xff);
      out.append(c >= 0x20 && c < 0x7f ? c : '?');
    }
    return out.toString();
  }

  /** A parser message without Jackson's source excerpt and location lines. */
  private static String firstLine(IOException e) {
    String message =
        e instanceof com.fasterxml.jackson.core.JacksonException j
            ? j.getOriginalMessage()
            : e.getMessage();
    if (message == null) {
      return e.getClass().getSimpleName();
    }
    int newline = message.indexOf('\n');
    String line = newline < 0 ? message : message.substring(0, newline);
    return line.length() > 200 ? line.substring(0, 200) + "…" : line;
  }
}
