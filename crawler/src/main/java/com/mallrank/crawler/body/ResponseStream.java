package com.mallrank.crawler.body;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits a response body into JSON documents. Douyin's app searches ({@code
 * /aweme/v3/shop/search/aggregate/shopping/stream/}, {@code /aweme/v2/…/shopping/stream/}) answer a
 * TTNet stream: frames {@code <hex byte count>[;extensions]\r\n<bytes>\r\n}, closed by {@code
 * 0\r\n\r\n} (douyin-notes §8). Frames are transport boundaries, not document boundaries: a JSON
 * document may run across several frames and a frame may end inside a multi-byte UTF-8 character.
 * So every frame's payload is joined first, as bytes, and the joined bytes are then split into
 * consecutive JSON documents. Other APIs send newline-delimited JSON. A JSON parser reads only the
 * first document of such a body (or fails on the frame sizes), so the rest would be lost silently:
 * this class recognises the framing and returns every document.
 *
 * <p>Recognised, in this order: one JSON document (nothing else but whitespace after it); a TTNet
 * stream (the body starts with 1–8 hexadecimal digits, optional {@code ;extensions}, then a line
 * break); concatenated or newline-delimited JSON (the body starts with {@code {} or {@code [} and a
 * first document parses). Anything else is "not JSON" ({@code null}), so an HTML body keeps being
 * reported as such by the caller. Counts are bytes, as on the wire; a leading byte-order mark is
 * skipped.
 *
 * <p><b>A truncated stream</b> (a frame running past the end of the body, no closing {@code 0}
 * frame, the last document cut off) keeps the complete documents before the cut and says where it
 * was cut ({@link Split#cut()}, a byte offset in the body): the caller must never treat it as the
 * whole answer. A stream cut before its first complete document, and every framing mistake that
 * is not a cut (a frame not followed by a line break, garbage where a frame size belongs, data after
 * the closing frame, a document that is not JSON), is a {@link StreamFormatException} naming the
 * byte offset; nothing is guessed.
 *
 * <p>Bounded: at most {@link #MAX_DOCUMENTS} documents; a frame size has at most 8 hexadecimal
 * digits, its extensions at most {@value #MAX_EXTENSION_BYTES} bytes. The body itself is bounded
 * by the fetcher that read it. Pure and thread-safe.
 */
public final class ResponseStream {

  /** The most documents one body may hold; a stream with more is refused, not cut. */
  public static final int MAX_DOCUMENTS = 2_000;

  private static final int MAX_PREFIX_DIGITS = 8;

  /** The longest {@code ;extensions} after a frame size. */
  static final int MAX_EXTENSION_BYTES = 256;

  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  /** How the documents were framed. */
  public enum Framing {
    /** One JSON document. */
    SINGLE,
    /** TTNet frames, each preceded by its byte count in hexadecimal. */
    LENGTH_PREFIXED,
    /** Documents one after the other, separated by white space (NDJSON). */
    CONCATENATED;

    /** The name used in captured documents and messages. */
    public String code() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }

  /**
   * Where a truncated stream ends.
   *
   * @param offset the byte offset in the body where the stream stops being whole: the frame that
   *     runs past the end, the start of the document that is cut off, or the end of a body without
   *     its closing frame
   * @param reason what is missing, for a person
   */
  public record Cut(long offset, String reason) {

    /** {@code "stream cut at byte offset 812: …"}. */
    public String describe() {
      return "stream cut at byte offset " + offset + ": " + reason;
    }

    /**
     * Adds {@code "cut": {"offset", "reason"}} to a capture document's entry (or a saved stream's
     * root), which the extractor turns into a {@code partial} sample naming the offset.
     */
    public void putInto(ObjectNode node) {
      ObjectNode c = node.putObject("cut");
      c.put("offset", offset);
      c.put("reason", reason);
    }
  }

  /**
   * The documents of a body.
   *
   * @param framing how they were framed
   * @param documents at least one, in body order
   * @param cut where a truncated stream was cut, or {@code null} when the body is whole
   * @param text for a TTNet stream, the joined payloads as text (the body without its framing, for
   *     text markers); {@code null} otherwise (the body is its own text)
   */
  public record Split(Framing framing, List<JsonNode> documents, Cut cut, String text) {

    public Split {
      documents = List.copyOf(documents);
    }

    /** A whole body. */
    public Split(Framing framing, List<JsonNode> documents) {
      this(framing, documents, null, null);
    }

    /** Whether the body held several documents (or a framed single one). */
    public boolean isStream() {
      return framing != Framing.SINGLE;
    }

    /** Whether the stream was truncated: the documents are those before the cut. */
    public boolean isCut() {
      return cut != null;
    }

    /**
     * The document an extractor reads: the single document itself, or for a stream {@code
     * {"framing": …, "responses": [<document>…]}} (plus {@code "cut": {"offset", "reason"}} when
     * truncated), the shape of a browser capture, so one profile path ({@code responses[*]…}) reads
     * a capture, a saved stream and a phone's HAR alike.
     */
    public JsonNode root(ObjectMapper mapper) {
      if (!isStream()) {
        return documents.get(0);
      }
      ObjectNode root = mapper.createObjectNode();
      root.put("framing", framing.code());
      ArrayNode responses = root.putArray("responses");
      documents.forEach(responses::add);
      if (cut != null) {
        cut.putInto(root);
      }
      return root;
    }

    /**
     * Adds what a capture document records of a streamed body to its {@code captured} entry: {@code
     * "framing"}, {@code "documents"} and, when truncated, {@code "cut": {"offset", "reason"}},
     * which the extractor turns into a {@code partial} sample naming the offset. Nothing for a
     * single document. Every writer of a capture document (browser, HAR) calls this, so a cut is
     * never lost on the way.
     */
    public void describe(ObjectNode captured) {
      if (!isStream()) {
        return;
      }
      captured.put("framing", framing.code());
      captured.put("documents", documents.size());
      if (cut != null) {
        cut.putInto(captured);
      }
    }
  }

  private ResponseStream() {}

  /**
   * Splits the bytes of one response body.
   *
   * @param mapper parses each document (its number and nesting limits apply)
   * @return the documents (with the cut, for a truncated stream), or {@code null} when the body is
   *     empty or not JSON at all
   * @throws StreamFormatException when the body is framed as a stream but the framing is wrong, or
   *     the stream is cut before its first complete document
   */
  public static Split split(byte[] body, ObjectMapper mapper) {
    int start = skipWhitespace(body, startsWith(body, BOM) ? BOM.length : 0);
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
    if (framedAt(body, start)) {
      return Frames.read(body, start).split(mapper);
    }
    if (body[start] == '{' || body[start] == '[') {
      Documents documents = Documents.read(mapper, body, start, body.length, null);
      if (documents == null) {
        return null; // not even a first document: a cut-off or broken single document
      }
      return new Split(Framing.CONCATENATED, documents.list, documents.cut, null);
    }
    return null;
  }

  /** 1–8 hex digits, then {@code ;} or a line break. */
  private static boolean framedAt(byte[] body, int at) {
    int digits = 0;
    while (at + digits < body.length && hex(body[at + digits]) >= 0) {
      digits++;
    }
    if (digits == 0 || digits > MAX_PREFIX_DIGITS || at + digits >= body.length) {
      return false;
    }
    byte next = body[at + digits];
    return next == '\n' || next == '\r' || next == ';';
  }

  /** The joined payloads of a TTNet stream, and where each frame's payload sits in the body. */
  private static final class Frames {

    private final byte[] payload;
    private final int length;
    private final int[] payloadStarts;
    private final int[] bodyStarts;
    private final int frames;
    private final Cut cut;
    private final int start;

    private Frames(
        int start,
        byte[] payload,
        int length,
        int[] payloadStarts,
        int[] bodyStarts,
        int frames,
        Cut cut) {
      this.start = start;
      this.payload = payload;
      this.length = length;
      this.payloadStarts = payloadStarts;
      this.bodyStarts = bodyStarts;
      this.frames = frames;
      this.cut = cut;
    }

    static Frames read(byte[] body, int start) {
      byte[] payload = new byte[body.length - start];
      int length = 0;
      int[] payloadStarts = new int[16];
      int[] bodyStarts = new int[16];
      int frames = 0;
      Cut cut = null;
      int pos = start;
      while (true) {
        pos = skipWhitespace(body, pos);
        if (pos == body.length) {
          cut = new Cut(pos, "the body ends without the closing 0 frame");
          break;
        }
        int sizeAt = pos;
        long size = 0;
        int digits = 0;
        while (pos < body.length && hex(body[pos]) >= 0) {
          if (++digits > MAX_PREFIX_DIGITS) {
            throw new StreamFormatException(
                sizeAt, "frame size longer than " + MAX_PREFIX_DIGITS + " hexadecimal digits");
          }
          size = size * 16 + hex(body[pos++]);
        }
        if (digits == 0) {
          throw new StreamFormatException(
              sizeAt, "expected a hexadecimal frame size, found '" + excerpt(body, sizeAt) + "'");
        }
        String hexSize = new String(body, sizeAt, digits, StandardCharsets.US_ASCII);
        if (pos < body.length && body[pos] == ';') {
          int extensionAt = pos;
          while (pos < body.length && body[pos] != '\r' && body[pos] != '\n') {
            if (pos - extensionAt >= MAX_EXTENSION_BYTES) {
              throw new StreamFormatException(
                  extensionAt, "frame extensions longer than " + MAX_EXTENSION_BYTES + " bytes");
            }
            pos++;
          }
        }
        int afterLine = lineBreak(body, pos);
        if (afterLine == CUT) {
          cut = new Cut(sizeAt, "the body ends inside the size line of a frame");
          break;
        }
        if (afterLine == NONE) {
          throw new StreamFormatException(
              pos,
              "frame size 0x"
                  + hexSize
                  + " at byte offset "
                  + sizeAt
                  + " is not followed by a line break, found '"
                  + excerpt(body, pos)
                  + "'");
        }
        pos = afterLine;
        if (size == 0) {
          int rest = skipWhitespace(body, pos);
          if (rest != body.length) {
            throw new StreamFormatException(
                rest, "data after the closing 0 frame at byte offset " + sizeAt);
          }
          break;
        }
        if (frames == payloadStarts.length) {
          payloadStarts = Arrays.copyOf(payloadStarts, frames * 2);
          bodyStarts = Arrays.copyOf(bodyStarts, frames * 2);
        }
        payloadStarts[frames] = length;
        bodyStarts[frames] = pos;
        frames++;
        long remaining = body.length - pos;
        if (size > remaining) {
          System.arraycopy(body, pos, payload, length, (int) remaining);
          length += (int) remaining;
          cut =
              new Cut(
                  sizeAt,
                  "the frame at byte offset "
                      + sizeAt
                      + " announces "
                      + size
                      + " bytes (0x"
                      + hexSize
                      + ") but only "
                      + remaining
                      + " remain");
          break;
        }
        System.arraycopy(body, pos, payload, length, (int) size);
        length += (int) size;
        pos += (int) size;
        int afterData = lineBreak(body, pos);
        if (afterData == CUT) {
          cut = new Cut(body.length, "the body ends without the closing 0 frame");
          break;
        }
        if (afterData == NONE) {
          throw new StreamFormatException(
              sizeAt,
              "the "
                  + size
                  + " bytes of the frame at byte offset "
                  + sizeAt
                  + " (0x"
                  + hexSize
                  + ") are not followed by a line break (wrong count?), found '"
                  + excerpt(body, pos)
                  + "'");
        }
        pos = afterData;
      }
      return new Frames(start, payload, length, payloadStarts, bodyStarts, frames, cut);
    }

    /** The body offset of a payload offset. */
    long bodyOffset(long payloadOffset) {
      if (frames == 0) {
        return 0;
      }
      int i = Arrays.binarySearch(payloadStarts, 0, frames, (int) payloadOffset);
      int frame = i >= 0 ? lastFrameStartingAt(i) : -i - 2;
      frame = Math.max(frame, 0);
      return bodyStarts[frame] + (payloadOffset - payloadStarts[frame]);
    }

    /** Among frames with the same payload start (empty ones), the last. */
    private int lastFrameStartingAt(int i) {
      while (i + 1 < frames && payloadStarts[i + 1] == payloadStarts[i]) {
        i++;
      }
      return i;
    }

    Split split(ObjectMapper mapper) {
      Documents documents = Documents.read(mapper, payload, 0, length, this);
      Cut documentCut = documents == null ? null : documents.cut;
      List<JsonNode> list = documents == null ? List.of() : documents.list;
      Cut whole = cut;
      if (documentCut != null) {
        whole =
            cut == null
                ? documentCut
                : new Cut(cut.offset(), cut.reason() + "; " + documentCut.reason());
      }
      if (list.isEmpty()) {
        if (whole != null) {
          throw new StreamFormatException(
              whole.offset(), "cut before its first complete document: " + whole.reason());
        }
        throw new StreamFormatException(start, "the stream holds no document");
      }
      String text = new String(payload, 0, length, StandardCharsets.UTF_8);
      return new Split(Framing.LENGTH_PREFIXED, list, whole, text);
    }
  }

  /** The documents of a region of bytes, and where the last one was cut off. */
  private static final class Documents {

    final List<JsonNode> list;
    final Cut cut;

    private Documents(List<JsonNode> list, Cut cut) {
      this.list = list;
      this.cut = cut;
    }

    /**
     * Consecutive documents in {@code bytes[from, to)}, separated by white space.
     *
     * @param frames maps offsets to body offsets for a stream's joined payload; {@code null} when
     *     the region is the body itself
     * @return {@code null} when the region holds not even a first complete document and is not a
     *     stream's payload (then it is simply not JSON)
     */
    static Documents read(ObjectMapper mapper, byte[] bytes, int from, int to, Frames frames) {
      List<JsonNode> documents = new ArrayList<>();
      long at = from;
      // The parser reads from 0: what precedes `from` is white space or a byte-order mark, which it
      // skips, so its offsets are offsets in the array.
      try (JsonParser parser = mapper.getFactory().createParser(bytes, 0, to)) {
        while (true) {
          JsonToken token = parser.nextToken();
          if (token == null) {
            return new Documents(documents, null);
          }
          at = parser.currentTokenLocation().getByteOffset();
          if (token != JsonToken.START_OBJECT && token != JsonToken.START_ARRAY) {
            throw new StreamFormatException(
                offset(frames, at),
                "document " + (documents.size() + 1) + " is not a JSON object or array");
          }
          JsonNode document = mapper.readTree(parser);
          if (documents.size() == MAX_DOCUMENTS) {
            throw new StreamFormatException(
                offset(frames, at), "more than " + MAX_DOCUMENTS + " documents in one body");
          }
          documents.add(document);
        }
      } catch (JsonEOFException e) {
        if (documents.isEmpty() && frames == null) {
          return null;
        }
        long offset = offset(frames, at);
        return new Documents(
            documents,
            new Cut(
                offset,
                "document "
                    + (documents.size() + 1)
                    + " (from byte offset "
                    + offset
                    + ") is cut off"));
      } catch (IOException e) {
        if (documents.isEmpty() && frames == null) {
          return null;
        }
        throw new StreamFormatException(
            offset(frames, at),
            "document " + (documents.size() + 1) + " is not JSON: " + firstLine(e));
      }
    }

    private static long offset(Frames frames, long at) {
      return frames == null ? at : frames.bodyOffset(at);
    }
  }

  private static final int NONE = -1;
  private static final int CUT = -2;

  /** The position after a line break ({@code \r\n} or {@code \n}) at {@code pos}. */
  private static int lineBreak(byte[] body, int pos) {
    if (pos == body.length || (body[pos] == '\r' && pos + 1 == body.length)) {
      return CUT;
    }
    if (body[pos] == '\n') {
      return pos + 1;
    }
    if (body[pos] == '\r' && body[pos + 1] == '\n') {
      return pos + 2;
    }
    return NONE;
  }

  private static JsonNode parseOrNull(ObjectReader strict, byte[] body, int offset, int length) {
    try {
      return strict.readValue(body, offset, length);
    } catch (IOException e) {
      return null;
    }
  }

  private static boolean startsWith(byte[] body, byte[] prefix) {
    return body.length >= prefix.length
        && Arrays.equals(body, 0, prefix.length, prefix, 0, prefix.length);
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
