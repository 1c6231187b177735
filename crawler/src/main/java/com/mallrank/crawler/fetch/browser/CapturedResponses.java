package com.mallrank.crawler.fetch.browser;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.mallrank.crawler.fetch.FetchException;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The responses a page fetched whose URL matches the capture pattern, in arrival order, and the
 * {@link RenderMode#CAPTURE} document built from them. Only counts listings and reads a "more"
 * flag, so that loading knows when to stop; extraction is the extractor's job.
 *
 * <p>Used on the page's thread only: {@link #offer} runs inside Playwright's event dispatch.
 */
final class CapturedResponses {

  /**
   * Numbers are kept exact (never doubles: {@code 1e999999999} would become "Infinity" and a
   * price's trailing zero would vanish) and bounded as in the JSON extractor, which reads the
   * document this class builds and refuses out-of-bounds values itself.
   */
  private static final ObjectMapper JSON =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder()
                          .maxNumberLength(100)
                          .maxNestingDepth(200)
                          .maxStringLength(20_000_000)
                          .build())
                  .build())
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
          .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
          .build();

  private record Captured(String url, int status, String text, JsonNode json) {}

  private final UrlPattern pattern;
  private final String pageUrl;
  private final long maxBytes;
  private final List<Response> seen = new ArrayList<>();
  private final List<Captured> read = new ArrayList<>();
  private long bytes;
  private boolean documentSeen;

  /**
   * @param maxBytes the largest sum of body sizes accepted, shared with the main document
   * @param documentBytes what the main document already used of it
   */
  CapturedResponses(UrlPattern pattern, String pageUrl, long maxBytes, long documentBytes) {
    this.pattern = pattern;
    this.pageUrl = pageUrl;
    this.maxBytes = maxBytes;
    this.bytes = Math.max(0, documentBytes);
  }

  /**
   * The page's response listener. Responses before the main document's are ignored: they belong to
   * the page the tab showed before.
   */
  void offer(Response response) {
    if (!documentSeen) {
      documentSeen = response.request().isNavigationRequest();
      return;
    }
    if (pattern.matches(response.url())) {
      seen.add(response);
    }
  }

  /** Whether any matching response arrived. */
  boolean any() {
    return !seen.isEmpty();
  }

  /** Reads the bodies that arrived since the last call. */
  void drain() throws FetchException {
    // Index loop: reading a body dispatches events, which may append to `seen`.
    while (read.size() < seen.size()) {
      Response response = seen.get(read.size());
      long declared = PageBytes.declaredLength(response);
      if (declared > 0 && bytes + declared > maxBytes) {
        throw tooBig(bytes + declared);
      }
      byte[] body;
      try {
        body = response.body();
      } catch (PlaywrightException e) {
        body = new byte[0]; // a redirect or an aborted request has no body
      }
      bytes += body.length;
      if (bytes > maxBytes) {
        throw tooBig(bytes);
      }
      String text = new String(body, StandardCharsets.UTF_8);
      read.add(new Captured(response.url(), response.status(), text, parse(text)));
    }
  }

  /** The listings in the bodies read so far: the sizes of the arrays at {@code pointer}. */
  int itemCount(JsonPointer pointer) {
    int count = 0;
    for (Captured c : read) {
      if (c.json() != null && c.json().at(pointer).isArray()) {
        count += c.json().at(pointer).size();
      }
    }
    return count;
  }

  /**
   * Whether the last body stating it says there are more results: {@code true}/non-zero → more,
   * {@code false}/0 → the end; {@code null} when no body states it.
   */
  Boolean hasMore(JsonPointer pointer) {
    for (int i = read.size() - 1; i >= 0; i--) {
      JsonNode json = read.get(i).json();
      JsonNode flag = json == null ? null : json.at(pointer);
      if (flag != null && flag.isBoolean()) {
        return flag.booleanValue();
      }
      if (flag != null && flag.isNumber()) {
        return flag.decimalValue().signum() != 0; // never intValue(): 1e999999999 would be expanded
      }
    }
    return null;
  }

  /**
   * {@code {"url": <page url>, "responses": [<body>…], "captured": [{"url", "status", "bytes"}…]}};
   * a body that is not JSON (cut off, HTML error page) is kept as a JSON string.
   */
  String document(String finalUrl) throws FetchException {
    drain();
    ObjectNode root = JSON.createObjectNode();
    root.put("url", finalUrl);
    ArrayNode responses = root.putArray("responses");
    ArrayNode captured = root.putArray("captured");
    for (Captured c : read) {
      responses.add(asJson(c));
      ObjectNode meta = captured.addObject();
      meta.put("url", c.url());
      meta.put("status", c.status());
      meta.put("bytes", c.text().getBytes(StandardCharsets.UTF_8).length);
    }
    try {
      return JSON.writeValueAsString(root);
    } catch (IOException e) {
      throw new FetchException(pageUrl, "cannot write the captured responses", e);
    }
  }

  /** A captured body as it goes into the document: its JSON, or the raw text as a JSON string. */
  static JsonNode asJson(String text, JsonNode parsed) {
    return parsed != null ? parsed : TextNode.valueOf(text);
  }

  private static JsonNode asJson(Captured c) {
    return asJson(c.text(), c.json());
  }

  private FetchException tooBig(long size) {
    return new FetchException(
        pageUrl, "captured responses exceed " + maxBytes + " bytes (" + size + " so far)");
  }

  /** Parses a body; {@code null} when it is empty or not JSON. */
  static JsonNode parse(String text) {
    if (text.isBlank()) {
      return null;
    }
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      return null;
    }
  }
}
