package com.mallrank.crawler.parse;

import com.mallrank.crawler.fetch.FetchResponse;
import com.mallrank.crawler.model.Evidence;
import com.mallrank.crawler.model.ResultPage;
import com.mallrank.crawler.model.SampleStatus;
import com.mallrank.crawler.profile.Marker;
import com.mallrank.crawler.profile.Markers;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Decides whether a response is something other than a result page, before any card is read.
 *
 * <p>Order: blocked markers, login-required markers, empty markers (the first match wins and is
 * named in the evidence as e.g. {@code blocked: select #captcha-verify}); then any non-2xx status
 * without a marker is an {@link SampleStatus#ERROR}. Markers are checked whatever the HTTP status,
 * because a 403 captcha page is a block, not a network error.
 *
 * <p>Last, for a page taken as a matrix account, {@link #unproven}: when the profile says how a
 * logged-in page looks ({@code markers.logged-in}), a page that shows none of it is {@link
 * SampleStatus#LOGIN_REQUIRED}, whatever its cards: a site that silently serves an expired session
 * the logged-out page would otherwise store the anonymous ranking as the account's.
 */
public final class PageClassifier {

  private final Markers markers;

  public PageClassifier(Markers markers) {
    this.markers = Objects.requireNonNull(markers, "markers");
  }

  /**
   * Classifies a response.
   *
   * @param response the fetched page
   * @param pageText the page's text for {@code text} markers (computed only when needed)
   * @param structural tests {@code select} / {@code path} markers against the parsed page; answers
   *     {@code false} when the page could not be parsed
   * @return a page without listings when the response is not a result page, else empty
   */
  public Optional<ResultPage> classify(
      FetchResponse response, Supplier<String> pageText, Predicate<Marker> structural) {
    return classify(response, response.body(), pageText, structural);
  }

  /**
   * {@link #classify(FetchResponse, Supplier, Predicate)} where the text a {@code text} marker is
   * first looked for is not the response's body: a streamed body's joined payloads, in which a
   * frame boundary no longer cuts a word in two.
   *
   * @param rawText where a {@code text} marker must appear before {@code pageText} is computed
   */
  public Optional<ResultPage> classify(
      FetchResponse response,
      String rawText,
      Supplier<String> pageText,
      Predicate<Marker> structural) {
    Supplier<String> text = memoize(pageText);
    Optional<ResultPage> matched =
        match(
                response,
                rawText,
                markers.blocked(),
                "blocked",
                SampleStatus.BLOCKED,
                text,
                structural)
            .or(
                () ->
                    match(
                        response,
                        rawText,
                        markers.loginRequired(),
                        "login-required",
                        SampleStatus.LOGIN_REQUIRED,
                        text,
                        structural))
            .or(
                () ->
                    match(
                        response,
                        rawText,
                        markers.empty(),
                        "empty",
                        SampleStatus.EMPTY,
                        text,
                        structural));
    if (matched.isPresent()) {
      return matched;
    }
    int status = response.httpStatus();
    if (status < 200 || status > 299) {
      return Optional.of(
          ResultPage.error(response.url(), status, "HTTP " + status + " without a marker"));
    }
    return Optional.empty();
  }

  /**
   * A page taken as a matrix account that does not prove the login: {@link
   * SampleStatus#LOGIN_REQUIRED} when the profile declares logged-in markers, the page would be ok,
   * partial or empty, and none of the markers holds; else empty. Blocked, login-wall, broken and
   * changed pages keep their own status.
   *
   * @param page what the page was classified as without the proof
   */
  public Optional<ResultPage> unproven(
      ResultPage page,
      FetchResponse response,
      Supplier<String> pageText,
      Predicate<Marker> structural) {
    return unproven(page, response, response.body(), pageText, structural);
  }

  /**
   * {@link #unproven(ResultPage, FetchResponse, Supplier, Predicate)} where a {@code text} proof is
   * first looked for in {@code rawText} (a streamed body's joined payloads) instead of the body.
   */
  public Optional<ResultPage> unproven(
      ResultPage page,
      FetchResponse response,
      String rawText,
      Supplier<String> pageText,
      Predicate<Marker> structural) {
    List<Marker> proofs = markers.loggedIn();
    SampleStatus status = page.status();
    if (proofs.isEmpty() || !(status.producesRanks() || status == SampleStatus.EMPTY)) {
      return Optional.empty();
    }
    Supplier<String> text = memoize(pageText);
    for (Marker proof : proofs) {
      if (holds(proof, response, rawText, text, structural)) {
        return Optional.empty();
      }
    }
    String expected = proofs.get(0).describe() + (proofs.size() > 1 ? " (or another)" : "");
    return Optional.of(
        ResultPage.without(
            SampleStatus.LOGIN_REQUIRED,
            new Evidence(
                response.url(),
                response.httpStatus(),
                "logged-in: not shown (" + expected + ")",
                "the page does not prove the account's login: none of the profile's logged-in"
                    + " markers matched, so it was served as to a logged-out visitor (its "
                    + status.code()
                    + " listings are not the account's)")));
  }

  private static Optional<ResultPage> match(
      FetchResponse response,
      String rawText,
      List<Marker> candidates,
      String group,
      SampleStatus status,
      Supplier<String> text,
      Predicate<Marker> structural) {
    for (Marker marker : candidates) {
      if (holds(marker, response, rawText, text, structural)) {
        return Optional.of(
            ResultPage.without(
                status,
                new Evidence(
                    response.url(),
                    response.httpStatus(),
                    group + ": " + marker.describe(),
                    "the page matched the profile's " + group + " marker")));
      }
    }
    return Optional.empty();
  }

  private static boolean holds(
      Marker marker,
      FetchResponse response,
      String rawText,
      Supplier<String> text,
      Predicate<Marker> structural) {
    return switch (marker.kind()) {
      case HTTP_STATUS -> response.httpStatus() == marker.httpStatus();
      // The raw body is a cheap first test: text absent from the markup is absent from the
      // page (a marker written only as character references is missed; such a page then
      // shows no cards and is LAYOUT_CHANGED, never a ranking).
      case TEXT -> rawText.contains(marker.text()) && text.get().contains(marker.text());
      case SELECT, PATH -> structural.test(marker);
      case COOKIE -> response.cookieNames().contains(marker.text());
      case URL -> withoutQuery(response.url()).contains(marker.text());
    };
  }

  /** The URL up to its query or fragment: a login page's return address is not where it is. */
  private static String withoutQuery(String url) {
    int end = url.length();
    for (char c : new char[] {'?', '#'}) {
      int at = url.indexOf(c);
      if (at >= 0 && at < end) {
        end = at;
      }
    }
    return url.substring(0, end);
  }

  private static Supplier<String> memoize(Supplier<String> supplier) {
    return new Supplier<>() {
      private String value;

      @Override
      public String get() {
        if (value == null) {
          value = supplier.get();
        }
        return value;
      }
    };
  }
}
