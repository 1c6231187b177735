package com.mallrank.crawler.fetch.browser;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import com.mallrank.crawler.body.BodyJson;
import com.mallrank.crawler.body.CaptureDocumentBuilder;
import com.mallrank.crawler.body.HasMore;
import com.mallrank.crawler.body.ResponseStream;
import com.mallrank.crawler.body.StreamFormatException;
import com.mallrank.crawler.fetch.FetchException;
import com.mallrank.crawler.fetch.SearchRequest;
import com.mallrank.crawler.model.CaptureKeyword;
import com.mallrank.crawler.politeness.AddressGuard;
import com.mallrank.crawler.politeness.BodyTooLargeException;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.Response;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The responses a page fetched whose URL matches the capture pattern, in arrival order, and the
 * {@link RenderMode#CAPTURE} document built from them. Only counts listings and reads a "more"
 * flag, so that loading knows when to stop; extraction is the extractor's job.
 *
 * <p>Only the search's own answers are kept: a response whose host is off the page's allow-list
 * (the page's own requests may reach wider, {@link AddressGuard#subrequests()}), or whose request
 * does not carry the keyword where the profile says ({@code fetch.capture-keyword}, read by {@link
 * SearchRequest} as for a HAR capture: the "为你推荐" feed is the same call with an empty search text),
 * is skipped; the document counts what was skipped and says why the first one was, so a capture
 * with nothing kept is reported as such.
 *
 * <p>Used on the page's thread only: {@link #offer} runs inside Playwright's event dispatch.
 */
final class CapturedResponses {

  /** Exact, bounded numbers, as the extractor reads them ({@link BodyJson}). */
  private static final ObjectMapper JSON = BodyJson.MAPPER;

  private static final int MAX_ADMITTED = 10_000;

  /**
   * @param size the body's length in bytes
   * @param split the body's JSON documents (several for a streamed body, with where a truncated one
   *     was cut); {@code null} when the body is not JSON
   */
  record Captured(String url, int status, String text, int size, ResponseStream.Split split) {

    /** The body's documents; empty when it is not JSON. */
    List<JsonNode> documents() {
      return split == null ? List.of() : split.documents();
    }

    /** What the body adds to {@code responses}: its documents, or its text as a JSON string. */
    List<JsonNode> entries() {
      return split == null ? List.of(TextNode.valueOf(text)) : split.documents();
    }

    /** {@code null} for one document or none, else how a streamed body was framed. */
    String framing() {
      return split != null && split.isStream() ? split.framing().code() : null;
    }
  }

  private final UrlPattern pattern;
  private final String pageUrl;
  private final long maxBytes;
  private final AddressGuard navigation;
  private final CaptureKeyword keywordPlace;
  private final String keyword;
  private int skipped;
  private String firstSkipped;
  private final List<Response> seen = new ArrayList<>();
  private final List<Captured> read = new ArrayList<>();
  private long bytes;
  private boolean documentSeen;
  private boolean closed;
  private Set<Request> admitted;

  /**
   * @param maxBytes the largest sum of body sizes accepted, shared with the main document
   * @param documentBytes what the main document already used of it
   */
  CapturedResponses(UrlPattern pattern, String pageUrl, long maxBytes, long documentBytes) {
    this(pattern, pageUrl, maxBytes, documentBytes, null, null, null);
  }

  /**
   * @param navigation the page's guard: a response from a host off its allow-list is skipped;
   *     {@code null}: any host
   * @param keywordPlace where a kept response's request carries {@code keyword}; {@code null} or
   *     {@link CaptureKeyword#ANY} (no {@code capture-keyword}): not checked
   */
  CapturedResponses(
      UrlPattern pattern,
      String pageUrl,
      long maxBytes,
      long documentBytes,
      AddressGuard navigation,
      CaptureKeyword keywordPlace,
      String keyword) {
    this.pattern = pattern;
    this.pageUrl = pageUrl;
    this.maxBytes = maxBytes;
    this.bytes = Math.max(0, documentBytes);
    this.navigation = navigation;
    this.keywordPlace = keywordPlace;
    this.keyword = keyword;
  }

  /**
   * The page's response listener. Responses before the main document's are ignored: they belong to
   * the page the tab showed before.
   */
  void offer(Response response) {
    if (closed) {
      return;
    }
    if (!documentSeen) {
      documentSeen = response.request().isNavigationRequest();
      return;
    }
    if (admitted != null && !admitted.contains(response.request())) {
      return; // sent before the search action: the feed shown before a search, still in flight
    }
    if (pattern.matches(response.url())) {
      String why = whyNotTheSearch(response);
      if (why == null) {
        seen.add(response);
      } else if (skipped++ == 0) {
        firstSkipped = why;
      }
    }
  }

  /** Why a matching response is not the search's answer, or {@code null} when it is. */
  private String whyNotTheSearch(Response response) {
    String host;
    try {
      host = URI.create(response.url()).getHost();
    } catch (IllegalArgumentException e) {
      host = null;
    }
    if (navigation != null && !navigation.allowsHost(host)) {
      return "its host " + host + " is not on the search allow-list";
    }
    if (keywordPlace == null || keywordPlace.anywhere()) {
      return null;
    }
    Request request = response.request();
    byte[] body;
    Map<String, String> headers;
    try {
      body = request.postDataBuffer();
      headers = request.headers();
    } catch (PlaywrightException e) {
      body = null;
      headers = Map.of();
    }
    String mismatch =
        SearchRequest.of(request.url(), headers, null, body, List.of())
            .mismatch(keywordPlace, keyword);
    return mismatch == null ? null : "its request does not carry the keyword: " + mismatch;
  }

  /**
   * Drops every response so far: the page's search action starts now, and what the page showed
   * before it (a "为你推荐" feed) is not the result of the keyword.
   */
  void startOver() {
    seen.clear();
    read.clear();
    skipped = 0;
    firstSkipped = null;
    admitted = Collections.newSetFromMap(new IdentityHashMap<>());
  }

  /**
   * The page's request listener: after {@link #startOver}, only responses to requests sent from
   * then on are captured (at most {@value #MAX_ADMITTED}).
   */
  void requested(Request request) {
    if (admitted != null && admitted.size() < MAX_ADMITTED) {
      admitted.add(request);
    }
  }

  /**
   * Drops every response so far and ignores later ones: the search action was never taken, so
   * nothing the page fetches is the keyword's result.
   */
  void close() {
    startOver();
    closed = true;
  }

  /** Whether {@link #close()} was called: no response will ever be taken. */
  boolean isClosed() {
    return closed;
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
      read.add(captured(pageUrl, response.url(), response.status(), text, body));
    }
  }

  /** The listings in the bodies read so far: the sizes of the arrays at {@code pointer}. */
  int itemCount(JsonPointer pointer) {
    return itemCount(pointer, null);
  }

  /**
   * The listings in the bodies read so far: the items of the arrays at {@code pointer}, or, with an
   * {@code id} pointer (relative to an item), the distinct ids among them (an item without one is
   * not a listing).
   */
  int itemCount(JsonPointer pointer, JsonPointer id) {
    int count = 0;
    Set<String> ids = new HashSet<>();
    for (Captured c : read) {
      for (JsonNode json : c.documents()) {
        JsonNode items = json.at(pointer);
        if (!items.isArray()) {
          continue;
        }
        if (id == null) {
          count += items.size();
          continue;
        }
        for (JsonNode item : items) {
          JsonNode value = item.at(id);
          if (value.isValueNode() && !value.isNull()) {
            ids.add(value.asText());
          }
        }
      }
    }
    return id == null ? count : ids.size();
  }

  /**
   * Whether the last body stating it says there are more results: {@code true}/non-zero → more,
   * {@code false}/0 → the end; {@code null} when no body states it.
   */
  Boolean hasMore(JsonPointer pointer) {
    List<JsonNode> documents = new ArrayList<>();
    read.forEach(c -> documents.addAll(c.documents()));
    return HasMore.of(documents, pointer);
  }

  /**
   * {@code {"url": <page url>, "responses": [<body>…], "captured": [{"url", "status", "bytes"}…]}};
   * a body that is not JSON (cut off, HTML error page) is kept as a JSON string. A streamed body
   * adds each of its documents to {@code responses}, and {@code "framing"}, {@code "documents"}
   * and, when truncated, {@code "cut"} to its {@code captured} entry. An empty {@code captured}
   * list means no response was kept; {@code "skipped": {"count", "first"}} (present when any was)
   * counts the responses that matched the pattern but were not the search's, and says why the first
   * was not.
   */
  String document(String finalUrl) throws FetchException {
    return document(finalUrl, null);
  }

  /**
   * {@link #document(String)} with the rendered page's markup as {@code "dom"} (see {@link
   * DomSnapshot}), when it fits the size bound.
   */
  String document(String finalUrl, String dom) throws FetchException {
    drain();
    // The markup is left out when it would not fit the size bound: the responses matter more.
    CaptureDocumentBuilder document =
        new CaptureDocumentBuilder(
            JSON, finalUrl, null, dom != null && bytes + dom.length() <= maxBytes ? dom : null);
    if (skipped > 0) {
      document.root().putObject("skipped").put("count", skipped).put("first", firstSkipped);
    }
    for (Captured c : read) {
      document.answer(c.url(), c.status(), c.size(), c.entries(), c.split());
    }
    try {
      return JSON.writeValueAsString(document.root());
    } catch (IOException e) {
      throw new FetchException(pageUrl, "cannot write the captured responses", e);
    }
  }

  /**
   * A body as documents: one, several for a streamed body (TTNet frames or NDJSON), none when it is
   * not JSON. The split runs on the body's bytes: frames may end inside a character. A truncated
   * stream keeps the documents before the cut and records where it was cut (the sample is then at
   * most {@code partial}); a stream whose framing is wrong, or cut before its first document, is a
   * failed fetch naming the offset: reading part of it would store a partial list as if whole.
   */
  static Captured captured(String pageUrl, String url, int status, String text, byte[] body)
      throws FetchException {
    try {
      return new Captured(url, status, text, body.length, ResponseStream.split(body, JSON));
    } catch (StreamFormatException e) {
      throw new FetchException(pageUrl, "captured response " + url + ": " + e.getMessage());
    }
  }

  private FetchException tooBig(long size) {
    String message = "captured responses exceed " + maxBytes + " bytes (" + size + " so far)";
    return new FetchException(pageUrl, message, new BodyTooLargeException(message, maxBytes));
  }
}
