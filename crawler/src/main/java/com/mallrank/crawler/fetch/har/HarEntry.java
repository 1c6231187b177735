package com.mallrank.crawler.fetch.har;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One HAR entry whose request matched a profile's {@code capture-url}, with its bodies as bytes
 * ({@link HarText}: base64 and surrogate escapes undone).
 *
 * @param index its position in {@code log.entries}, from 0
 * @param started {@code startedDateTime}, or {@code null} when missing or unreadable
 * @param method the request method
 * @param url the request URL as written (holds device ids and signatures: never print it whole)
 * @param requestHeaders the request headers, names in lower case, the first value of each
 * @param postMimeType {@code postData.mimeType}, or {@code null}
 * @param postBody {@code postData.text} as bytes, or {@code null} when the request has none
 * @param postParams {@code postData.params} (browsers and mitmproxy fill them for forms)
 * @param status the response status; 0 for a flow that got none (mitmproxy's failed or cancelled
 *     flows, a browser's blocked request)
 * @param error mitmproxy's {@code response._error} (why there was no response), or {@code null}
 * @param responseBody the response body as bytes; empty when there is none
 * @param bodyProblem why the response body could not be read back (not base64, too large), or
 *     {@code null}
 */
record HarEntry(
    int index,
    Instant started,
    String method,
    String url,
    Map<String, String> requestHeaders,
    String postMimeType,
    byte[] postBody,
    List<Param> postParams,
    int status,
    String error,
    byte[] responseBody,
    String bodyProblem) {

  /** A name and value of a form or query. */
  record Param(String name, String value) {}

  HarEntry {
    requestHeaders = Map.copyOf(requestHeaders);
    postParams = List.copyOf(postParams);
  }

  /** A request header by name (any case), or {@code null}. */
  String header(String name) {
    return requestHeaders.get(name.toLowerCase(Locale.ROOT));
  }

  /** The entry's start for ordering: unknown times sort first. */
  Instant startedOrEpoch() {
    return started == null ? Instant.EPOCH : started;
  }

  /** Whether this is a response at all (not a failed or cancelled flow) with a body. */
  boolean hasResponse() {
    return status != 0 && error == null;
  }
}
