package com.mallrank.crawler.fetch;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.luben.zstd.ZstdInputStream;
import com.mallrank.crawler.body.BodyJson;
import com.mallrank.crawler.model.CaptureKeyword;
import com.mallrank.crawler.text.ControlCharacters;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * A captured search request, decoded so its parameters can be read exactly: the URL's query, a form
 * body ({@code application/x-www-form-urlencoded}, {@code +} as a space, percent-decoding) and a
 * JSON body. A body sent compressed ({@code x-bd-content-encoding: zstd} as Douyin 38 does, {@code
 * content-encoding: zstd} or {@code gzip}) is decompressed first when it still is (a proxy such as
 * mitmproxy may already have decoded a {@code content-encoding}); one that cannot be read says so
 * ({@link #unreadable()}), so a message can tell "keyword differs" from "keyword not readable".
 *
 * <p>The one reading of "where the keyword is in a request" ({@code fetch.capture-keyword}, {@link
 * CaptureKeyword}) for both captures: a phone's HAR entries and the requests behind a browser
 * page's captured responses. A value is the keyword when it equals it exactly once leading and
 * trailing white space is stripped from both: {@code 羽绒服} is never a search of {@code 羽绒服女}.
 *
 * <p>Bounded: a body over {@value #MAX_BODY} bytes (before or after decompression) is not read;
 * JSON is read as {@link BodyJson} reads a page; values shown in messages are cut to {@value
 * #MAX_SHOWN} characters. Pure.
 */
public final class SearchRequest {

  /** The largest request body read, decompressed. */
  public static final int MAX_BODY = 1024 * 1024;

  /** The most characters of a value a message shows. */
  public static final int MAX_SHOWN = 40;

  private static final byte[] ZSTD_MAGIC = {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd};

  /** A parameter: a name and its decoded value. */
  public record Param(String name, String value) {}

  /**
   * A value found where a keyword may be.
   *
   * @param where the location as written in a profile ({@code form:keyword}), or where it was found
   * @param value the decoded value
   */
  public record Found(String where, String value) {}

  private final List<Param> query;
  private final List<Param> form;
  private final JsonNode json;
  private final String unreadable;
  private final boolean bodyless;

  private SearchRequest(
      List<Param> query, List<Param> form, JsonNode json, String unreadable, boolean bodyless) {
    this.query = List.copyOf(query);
    this.form = List.copyOf(form);
    this.json = json;
    this.unreadable = unreadable;
    this.bodyless = bodyless;
  }

  /**
   * Decodes a request.
   *
   * @param url the request URL
   * @param headers request headers by lower-case name (content-type, content-encoding,
   *     x-bd-content-encoding are read)
   * @param mimeType the body's type as the capture gives it, or {@code null} (the content-type
   *     header then)
   * @param body the body's bytes, or {@code null} for none
   * @param params form fields the capture already parsed (HAR {@code postData.params}), used when
   *     there is no body text
   */
  public static SearchRequest of(
      String url, Map<String, String> headers, String mimeType, byte[] body, List<Param> params) {
    List<Param> query = queryOf(url);
    String type = mimeType != null && !mimeType.isBlank() ? mimeType : headers.get("content-type");
    type = type == null ? "" : type.toLowerCase(Locale.ROOT);
    String unreadable = null;
    byte[] bytes = body;
    if (bytes != null && bytes.length > MAX_BODY) {
      unreadable = "body over " + MAX_BODY + " bytes";
      bytes = null;
    }
    if (bytes != null && bytes.length > 0) {
      String encoding = encoding(headers, bytes);
      if (encoding != null) {
        try {
          bytes = decompress(encoding, bytes);
        } catch (IOException | RuntimeException | LinkageError e) {
          unreadable = "body encoded as " + encoding;
          bytes = null;
        }
      }
    }
    List<Param> form = new ArrayList<>();
    JsonNode json = null;
    boolean bodyless =
        unreadable == null
            && (bytes == null || bytes.length == 0)
            && (params == null || params.isEmpty());
    if (bytes != null && bytes.length > 0) {
      String text = utf8(bytes);
      if (text == null) {
        unreadable = unreadable != null ? unreadable : "body is not UTF-8 text";
      } else if (type.contains("json") || text.stripLeading().startsWith("{")) {
        try {
          json = BodyJson.MAPPER.readTree(text);
        } catch (IOException e) {
          unreadable = "body is not JSON";
        }
      } else if (type.isEmpty() || type.contains("x-www-form-urlencoded") || text.contains("=")) {
        form.addAll(pairs(text));
      }
    } else if (unreadable == null && params != null) {
      for (Param p : params) {
        form.add(new Param(decode(p.name()), decode(p.value())));
      }
    }
    return new SearchRequest(query, form, json, unreadable, bodyless);
  }

  /** Why the body could not be read (e.g. {@code body encoded as zstd}), or {@code null}. */
  public String unreadable() {
    return unreadable;
  }

  /** The decoded query parameters, in URL order. */
  public List<Param> query() {
    return query;
  }

  /** The decoded form fields, in body order. */
  public List<Param> form() {
    return form;
  }

  /** The JSON body, or {@code null}. */
  public JsonNode json() {
    return json;
  }

  /** The value of the first parameter of {@code name} in the query, then the form, or null. */
  public String parameter(String name) {
    for (List<Param> list : List.of(query, form)) {
      for (Param p : list) {
        if (p.name().equals(name)) {
          return p.value();
        }
      }
    }
    JsonNode node = json == null ? null : json.get(name);
    return node != null && node.isValueNode() ? node.asText() : null;
  }

  /**
   * The values at a profile's keyword locations ({@link CaptureKeyword#ANY}: every query parameter,
   * form field and top-level JSON string field).
   */
  public List<Found> values(CaptureKeyword where) {
    List<Found> found = new ArrayList<>();
    if (where.anywhere()) {
      query.forEach(p -> found.add(new Found("query:" + p.name(), p.value())));
      form.forEach(p -> found.add(new Found("form:" + p.name(), p.value())));
      if (json != null && json.isObject()) {
        for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> field = it.next();
          if (field.getValue().isTextual()) {
            found.add(new Found("json:/" + field.getKey(), field.getValue().asText()));
          }
        }
      }
      return found;
    }
    for (CaptureKeyword.Location location : where.locations()) {
      switch (location.kind()) {
        case QUERY -> named(query, location, found);
        case FORM -> named(form, location, found);
        case JSON -> {
          JsonNode node = json == null ? null : json.at(location.name());
          if (node != null && node.isValueNode() && !node.isNull()) {
            found.add(new Found(location.code(), node.asText()));
          }
        }
      }
    }
    return found;
  }

  /**
   * Whether {@code keyword} is the value at one of the locations: exactly, once leading and
   * trailing white space is stripped from both.
   */
  public boolean carries(CaptureKeyword where, String keyword) {
    String wanted = keyword == null ? "" : keyword.strip();
    return values(where).stream().anyMatch(f -> f.value().strip().equals(wanted));
  }

  /**
   * Why the request does not carry {@code keyword}, or {@code null} when it does: each location
   * with what it held ({@code json:/search_text was ""}, {@code form:keyword is absent}), and why
   * the body could not be read or that there was none ({@code json:/search_text is absent (body is
   * not JSON)}). Values are quoted and {@link #clipped}.
   */
  public String mismatch(CaptureKeyword where, String keyword) {
    if (carries(where, keyword)) {
      return null;
    }
    List<String> parts = new ArrayList<>();
    if (where.anywhere()) {
      parts.add("no parameter holds it");
    }
    for (CaptureKeyword.Location location : where.locations()) {
      CaptureKeyword single = new CaptureKeyword(List.of(location));
      List<Found> found = values(single);
      parts.add(
          location.code()
              + (found.isEmpty() ? " is absent" : " was " + shown(found.get(0).value())));
    }
    String reason = String.join("; ", parts);
    boolean bodyPlace =
        where.anywhere()
            || where.locations().stream().anyMatch(l -> l.kind() != CaptureKeyword.Kind.QUERY);
    if (unreadable != null) {
      return reason + " (" + unreadable + ")";
    }
    return bodyless && bodyPlace ? reason + " (the request has no body)" : reason;
  }

  /**
   * A value from a capture as a message may show it (a searched text, an {@code _error}): one line,
   * control characters as spaces, at most {@value #MAX_SHOWN} characters (code points, never half a
   * character), then {@code …} when cut. The one rule for HAR and browser captures' messages.
   */
  public static String clipped(String value) {
    return ControlCharacters.oneLine(value, MAX_SHOWN);
  }

  /** {@link #clipped} in double quotes. */
  static String shown(String value) {
    return '"' + clipped(value) + '"';
  }

  private static void named(List<Param> params, CaptureKeyword.Location at, List<Found> found) {
    for (Param p : params) {
      if (p.name().equals(at.name())) {
        found.add(new Found(at.code(), p.value()));
      }
    }
  }

  /** The compression still on the body: from the headers, or zstd's and gzip's magic bytes. */
  private static String encoding(Map<String, String> headers, byte[] body) {
    for (String header : List.of("x-bd-content-encoding", "content-encoding")) {
      String value = headers.get(header);
      if (value == null || value.isBlank()) {
        continue;
      }
      String name = value.strip().toLowerCase(Locale.ROOT);
      if (name.equals("identity")) {
        continue;
      }
      // a proxy that already decoded the body leaves the header: trust the bytes then
      if (name.equals("zstd") && !startsWith(body, ZSTD_MAGIC)) {
        continue;
      }
      if (name.equals("gzip") && !(body.length > 1 && body[0] == 0x1f && body[1] == (byte) 0x8b)) {
        continue;
      }
      if ((name.equals("br") || name.equals("deflate")) && utf8(body) != null) {
        continue;
      }
      return name;
    }
    if (startsWith(body, ZSTD_MAGIC)) {
      return "zstd";
    }
    return null;
  }

  private static byte[] decompress(String encoding, byte[] body) throws IOException {
    try (InputStream in =
        switch (encoding) {
          case "zstd" -> new ZstdInputStream(new ByteArrayInputStream(body));
          case "gzip" -> new GZIPInputStream(new ByteArrayInputStream(body));
          default -> throw new IOException("no decoder for " + encoding);
        }) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      for (int n; (n = in.read(buffer)) > 0; ) {
        out.write(buffer, 0, n);
        if (out.size() > MAX_BODY) {
          throw new IOException("over " + MAX_BODY + " bytes decompressed");
        }
      }
      return out.toByteArray();
    }
  }

  private static boolean startsWith(byte[] body, byte[] prefix) {
    if (body.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (body[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static String utf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static List<Param> queryOf(String url) {
    if (url == null) {
      return List.of();
    }
    int q = url.indexOf('?');
    if (q < 0) {
      return List.of();
    }
    int hash = url.indexOf('#', q);
    return pairs(hash < 0 ? url.substring(q + 1) : url.substring(q + 1, hash));
  }

  /** {@code a=b&c=d}, each name and value percent-decoded with {@code +} as a space. */
  private static List<Param> pairs(String text) {
    List<Param> pairs = new ArrayList<>();
    for (String pair : text.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      pairs.add(new Param(decode(name), decode(value)));
    }
    return pairs;
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return text; // a stray '%': keep the text as it is
    }
  }
}
