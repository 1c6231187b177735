package com.mallrank.crawler.fetch;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * What a {@link Fetcher} received. HTTP error statuses are responses too (a 403 captcha page has a
 * body worth classifying); only a failure to receive anything is a {@link FetchException}.
 *
 * @param url the final URL, after redirects
 * @param httpStatus the HTTP status code
 * @param contentType the {@code Content-Type}, or {@code null}
 * @param body the decoded body (HTML or JSON)
 * @param retryAfter the server's {@code Retry-After}, or {@code null}
 * @param elapsed how long the fetch took
 * @param screenshot a picture of the rendered page (JPEG), taken by a browser fetch only for a page
 *     that yields no ranks, kept as evidence; {@code null} otherwise
 * @param bytes the body's bytes as received, when the fetcher kept them (a saved page, a UTF-8
 *     response); {@code null} when {@code body} is all there is. The JSON extractor reads these, so
 *     a streamed body whose frames split a character is read exactly ({@code body}, decoded from
 *     them, is what text markers and evidence use)
 * @param cookieNames the names of the cookies the identity holds for the page's URL after the fetch
 *     (sent and not deleted, or set by the page), for {@code cookie} login proofs; names only,
 *     never values; empty when the fetcher cannot tell (a saved page, a HAR capture)
 */
public record FetchResponse(
    String url,
    int httpStatus,
    String contentType,
    String body,
    Duration retryAfter,
    Duration elapsed,
    byte[] screenshot,
    byte[] bytes,
    Set<String> cookieNames) {

  public FetchResponse {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(elapsed, "elapsed");
    cookieNames = cookieNames == null ? Set.of() : Set.copyOf(cookieNames);
  }

  /**
   * A response without a screenshot ({@link #withScreenshot}), the bytes of its body or cookie
   * names.
   */
  public FetchResponse(
      String url,
      int httpStatus,
      String contentType,
      String body,
      Duration retryAfter,
      Duration elapsed) {
    this(url, httpStatus, contentType, body, retryAfter, elapsed, null, null, Set.of());
  }

  /**
   * A response read from bytes (a saved page, a UTF-8 response): the body is their UTF-8 text, and
   * the bytes are kept for the JSON extractor.
   */
  public static FetchResponse ofBytes(
      String url, int httpStatus, String contentType, byte[] bytes, Duration elapsed) {
    return new FetchResponse(
        url,
        httpStatus,
        contentType,
        new String(bytes, java.nio.charset.StandardCharsets.UTF_8),
        null,
        elapsed,
        null,
        bytes,
        Set.of());
  }

  /** This response with a screenshot of its page. */
  public FetchResponse withScreenshot(byte[] value) {
    return new FetchResponse(
        url, httpStatus, contentType, body, retryAfter, elapsed, value, bytes, cookieNames);
  }

  /** This response with the names of the cookies held for its page. */
  public FetchResponse withCookieNames(Set<String> names) {
    return new FetchResponse(
        url, httpStatus, contentType, body, retryAfter, elapsed, screenshot, bytes, names);
  }
}
