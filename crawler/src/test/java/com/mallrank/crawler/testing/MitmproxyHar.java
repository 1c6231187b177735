package com.mallrank.crawler.testing;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a HAR file the way mitmproxy 12 does ({@code mitmproxy/addons/savehar.py} at tag v12.2.0,
 * read, not copied): Python's {@code json.dumps(har, indent=4)}, so every non-ASCII character is a
 * {@code \\uXXXX} escape; a request with a body has {@code postData} ({@code text} = the body as
 * text, {@code params} = its decoded form fields); a response body that {@code
 * strutils.is_mostly_bin} judges binary (more than 30 % of its first 100 bytes below 9, in 14..31
 * or above 126) is written base64 with {@code content.encoding: "base64"}, any other is text:
 * decoded with the charset of its {@code Content-Type} ({@code utf8} for a JSON type without one,
 * else latin-1), and when that fails, as UTF-8 with {@code surrogateescape} (one lone surrogate
 * U+DC80..U+DCFF per undecodable byte); a flow that failed has status 0, empty content and {@code
 * _error}. Byte counts are those of the bytes given, so framed bodies stay exact.
 */
public final class MitmproxyHar {

  private static final DateTimeFormatter ISO =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'+00:00'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private final List<Object> entries = new ArrayList<>();

  /** A POST with a form body and its answer. */
  public MitmproxyHar post(
      Instant started, String url, String form, String contentType, byte[] answer) {
    Map<String, Object> entry = entry(started, "POST", url, answer, contentType);
    withForm(entry, form);
    entries.add(entry);
    return this;
  }

  private static void withForm(Map<String, Object> entry, String form) {
    @SuppressWarnings("unchecked")
    Map<String, Object> request = (Map<String, Object>) entry.get("request");
    request.put("bodySize", form.getBytes(StandardCharsets.UTF_8).length);
    Map<String, Object> postData = new LinkedHashMap<>();
    postData.put("mimeType", "application/x-www-form-urlencoded");
    postData.put("text", form); // latin-1 of a percent-encoded (ASCII) body: the body itself
    postData.put("params", pairs(form));
    request.put("postData", postData);
  }

  /** A GET and its answer. */
  public MitmproxyHar get(Instant started, String url, String contentType, byte[] answer) {
    entries.add(entry(started, "GET", url, answer, contentType));
    return this;
  }

  /** A GET that failed before any answer: status 0, {@code _error}. */
  public MitmproxyHar failed(Instant started, String url, String error) {
    entries.add(failure(entry(started, "GET", url, null, null), error));
    return this;
  }

  /** A POST with a form body that failed before any answer: status 0, {@code _error}. */
  public MitmproxyHar failedPost(Instant started, String url, String form, String error) {
    Map<String, Object> entry = entry(started, "POST", url, null, null);
    withForm(entry, form);
    entries.add(failure(entry, error));
    return this;
  }

  private static Map<String, Object> failure(Map<String, Object> entry, String error) {
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("status", 0);
    response.put("statusText", "");
    response.put("httpVersion", "");
    response.put("headers", List.of());
    response.put("cookies", List.of());
    response.put("content", new LinkedHashMap<>());
    response.put("redirectURL", "");
    response.put("headersSize", -1);
    response.put("bodySize", -1);
    response.put("_transferSize", 0);
    response.put("_error", error);
    entry.put("response", response);
    return entry;
  }

  /** Whether mitmproxy writes this body base64 ({@code strutils.is_mostly_bin}). */
  public static boolean mostlyBinary(byte[] body) {
    if (body.length == 0) {
      return false;
    }
    int n = Math.min(100, body.length);
    int odd = 0;
    for (int i = 0; i < n; i++) {
      int b = body[i] & 0xff;
      if (b < 9 || (b > 13 && b < 32) || b > 126) {
        odd++;
      }
    }
    return (double) odd / n > 0.3;
  }

  /** The HAR file's text, as {@code json.dumps(har, indent=4)} writes it. */
  public String write() {
    Map<String, Object> creator = new LinkedHashMap<>();
    creator.put("name", "mitmproxy");
    creator.put("version", "12.2.0");
    creator.put("comment", "");
    Map<String, Object> log = new LinkedHashMap<>();
    log.put("version", "1.2");
    log.put("creator", creator);
    log.put("pages", List.of());
    log.put("entries", entries);
    StringBuilder out = new StringBuilder();
    json(Map.of("log", log), 0, out);
    return out.toString();
  }

  private static Map<String, Object> entry(
      Instant started, String method, String url, byte[] answer, String contentType) {
    URI uri = URI.create(url);
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("method", method);
    request.put("url", url);
    request.put("httpVersion", "HTTP/1.1");
    request.put("cookies", List.of());
    List<Object> headers = new ArrayList<>();
    headers.add(header("host", uri.getHost()));
    headers.add(header("user-agent", "com.ss.android.ugc.aweme/380001 (Linux; U; Android 13)"));
    request.put("headers", headers);
    request.put("queryString", pairs(uri.getRawQuery() == null ? "" : uri.getRawQuery()));
    request.put("headersSize", pythonHeadersRepr(headers).length());
    request.put("bodySize", 0);
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("startedDateTime", ISO.format(started));
    entry.put("time", new Raw("187.4420166015625"));
    entry.put("request", request);
    if (answer != null) {
      entry.put("response", response(answer, contentType));
    }
    entry.put("cache", new LinkedHashMap<>());
    Map<String, Object> timings = new LinkedHashMap<>();
    timings.put("connect", new Raw("-1.0"));
    timings.put("ssl", new Raw("-1.0"));
    timings.put("send", new Raw("1.2340545654296875"));
    timings.put("receive", new Raw("36.20195388793945"));
    timings.put("wait", new Raw("150.0058174133301"));
    entry.put("timings", timings);
    entry.put("serverIPAddress", "203.107.1.1");
    return entry;
  }

  private static Map<String, Object> response(byte[] body, String contentType) {
    List<Object> headers = new ArrayList<>();
    headers.add(header("content-type", contentType));
    headers.add(header("content-length", String.valueOf(body.length)));
    Map<String, Object> content = new LinkedHashMap<>();
    content.put("size", body.length);
    content.put("compression", 0);
    content.put("mimeType", contentType);
    if (mostlyBinary(body)) {
      content.put("text", Base64.getEncoder().encodeToString(body));
      content.put("encoding", "base64");
    } else {
      content.put("text", text(body, contentType));
    }
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("status", 200);
    response.put("statusText", "");
    response.put("httpVersion", "HTTP/1.1");
    response.put("cookies", List.of());
    response.put("headers", headers);
    response.put("content", content);
    response.put("redirectURL", "");
    response.put("headersSize", pythonHeadersRepr(headers).length());
    response.put("bodySize", body.length);
    return response;
  }

  /** {@code Message.get_text(strict=False)}: the declared or inferred charset, else surrogates. */
  private static String text(byte[] body, String contentType) {
    Charset charset = StandardCharsets.ISO_8859_1;
    String type = contentType.toLowerCase(Locale.ROOT);
    int at = type.indexOf("charset=");
    if (at >= 0) {
      charset = Charset.forName(type.substring(at + "charset=".length()).split("[;\\s]")[0]);
    } else if (type.contains("json")) {
      charset = StandardCharsets.UTF_8;
    }
    try {
      return charset
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body))
          .toString();
    } catch (CharacterCodingException e) {
      return surrogateEscape(body);
    }
  }

  /** Python's {@code body.decode("utf8", "surrogateescape")}. */
  public static String surrogateEscape(byte[] body) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < body.length) {
      int b = body[i] & 0xff;
      int n = b < 0x80 ? 1 : b >= 0xF0 && b <= 0xF4 ? 4 : b >= 0xE0 ? 3 : b >= 0xC2 ? 2 : 0;
      boolean valid = n > 0 && i + n <= body.length;
      for (int k = 1; valid && k < n; k++) {
        valid = (body[i + k] & 0xC0) == 0x80;
      }
      if (valid) {
        out.append(new String(body, i, n, StandardCharsets.UTF_8));
        i += n;
      } else {
        out.append((char) (0xDC00 + b));
        i++;
      }
    }
    return out.toString();
  }

  private static Map<String, Object> header(String name, String value) {
    Map<String, Object> h = new LinkedHashMap<>();
    h.put("name", name);
    h.put("value", value);
    return h;
  }

  /** Form or query pairs, decoded (mitmproxy's {@code urlencoded_form} / {@code query}). */
  private static List<Object> pairs(String encoded) {
    List<Object> out = new ArrayList<>();
    for (String pair : encoded.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      out.add(
          header(
              URLDecoder.decode(name, StandardCharsets.UTF_8),
              URLDecoder.decode(value, StandardCharsets.UTF_8)));
    }
    return out;
  }

  /** {@code len(str(headers))}: {@code Headers[(b'name', b'value'), …]}. */
  @SuppressWarnings("unchecked")
  private static String pythonHeadersRepr(List<Object> headers) {
    StringBuilder out = new StringBuilder("Headers[");
    for (int i = 0; i < headers.size(); i++) {
      Map<String, Object> h = (Map<String, Object>) headers.get(i);
      out.append(i == 0 ? "" : ", ")
          .append("(b'")
          .append(h.get("name"))
          .append("', b'")
          .append(h.get("value"))
          .append("')");
    }
    return out.append(']').toString();
  }

  /** A number written as Python writes it (a float's repr). */
  private record Raw(String text) {}

  @SuppressWarnings("unchecked")
  private static void json(Object value, int depth, StringBuilder out) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof Raw raw) {
      out.append(raw.text());
    } else if (value instanceof String s) {
      string(s, out);
    } else if (value instanceof Number || value instanceof Boolean) {
      out.append(value);
    } else if (value instanceof Map<?, ?> map) {
      if (map.isEmpty()) {
        out.append("{}");
        return;
      }
      out.append("{");
      int i = 0;
      for (Map.Entry<String, Object> e : ((Map<String, Object>) map).entrySet()) {
        out.append(i++ == 0 ? "\n" : ",\n").append(" ".repeat(4 * (depth + 1)));
        string(e.getKey(), out);
        out.append(": ");
        json(e.getValue(), depth + 1, out);
      }
      out.append('\n').append(" ".repeat(4 * depth)).append('}');
    } else if (value instanceof List<?> list) {
      if (list.isEmpty()) {
        out.append("[]");
        return;
      }
      out.append("[");
      for (int i = 0; i < list.size(); i++) {
        out.append(i == 0 ? "\n" : ",\n").append(" ".repeat(4 * (depth + 1)));
        json(list.get(i), depth + 1, out);
      }
      out.append('\n').append(" ".repeat(4 * depth)).append(']');
    } else {
      throw new IllegalArgumentException("not JSON: " + value);
    }
  }

  /** Python's {@code ensure_ascii} string: every character outside space..~ escaped. */
  private static void string(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c >= ' ' && c <= '~') {
            out.append(c);
          } else {
            out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          }
        }
      }
    }
    out.append('"');
  }
}
