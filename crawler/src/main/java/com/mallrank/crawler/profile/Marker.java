package com.mallrank.crawler.profile;

import java.util.Objects;

/**
 * One sign about a page: that it is not a normal result page (blocked, login wall, no results), or
 * that it was served to a logged-in account ({@code markers.logged-in}).
 *
 * @param kind what is tested
 * @param locator for {@link Kind#SELECT} (CSS) and {@link Kind#PATH} (JSON path); else {@code null}
 * @param text for {@link Kind#TEXT}: a substring of the page text; for {@link Kind#PATH}: the
 *     expected value as text (a list or object as compact JSON, e.g. {@code []}), or {@code null}
 *     for "present and not empty/false/0"; for {@link Kind#COOKIE}: the cookie's name; for {@link
 *     Kind#URL}: a substring of the page's final URL without its query
 * @param httpStatus for {@link Kind#HTTP_STATUS}; else 0
 * @param missing the test is inverted: the marker holds when the selector, path or text is ABSENT
 *     (only in {@code skip-cards}: "a card without {@code product_info} is not a product")
 */
public record Marker(Kind kind, Locator locator, String text, int httpStatus, boolean missing) {

  /** The kinds of test a marker can make. */
  public enum Kind {
    /** A CSS selector matches an element of the page (HTML). */
    SELECT,
    /** The page text contains a substring. */
    TEXT,
    /** The response has this HTTP status. */
    HTTP_STATUS,
    /** A JSON path reaches a value (optionally equal to {@code text}). */
    PATH,
    /**
     * After the fetch the identity holds a cookie of this name for the page's URL: sent with the
     * request and not deleted by the response, or set by it (names only; values are never read).
     */
    COOKIE,
    /**
     * The page's final URL (after redirects), without its query and fragment, contains this text: a
     * login wall that redirects elsewhere fails it, and so does a login page whose query names the
     * page to return to.
     */
    URL
  }

  public Marker {
    Objects.requireNonNull(kind, "kind");
  }

  public Marker(Kind kind, Locator locator, String text, int httpStatus) {
    this(kind, locator, text, httpStatus, false);
  }

  /** This marker, holding when what it tests is absent. */
  public Marker whenMissing() {
    return new Marker(kind, locator, text, httpStatus, true);
  }

  /** The result of the test as the marker reads it: inverted for a {@code missing} marker. */
  public boolean holds(boolean found) {
    return found != missing;
  }

  public static Marker select(Locator css) {
    return new Marker(Kind.SELECT, Objects.requireNonNull(css), null, 0);
  }

  public static Marker text(String substring) {
    return new Marker(Kind.TEXT, null, Objects.requireNonNull(substring), 0);
  }

  public static Marker httpStatus(int status) {
    return new Marker(Kind.HTTP_STATUS, null, null, status);
  }

  /**
   * @param equals the expected value as text, or {@code null} for "present and truthy"
   */
  public static Marker path(Locator path, String equals) {
    return new Marker(Kind.PATH, Objects.requireNonNull(path), equals, 0);
  }

  public static Marker cookie(String name) {
    return new Marker(Kind.COOKIE, null, Objects.requireNonNull(name), 0);
  }

  public static Marker url(String substring) {
    return new Marker(Kind.URL, null, Objects.requireNonNull(substring), 0);
  }

  /** A short description for evidence, e.g. {@code select #captcha-verify}. */
  public String describe() {
    String test =
        switch (kind) {
          case SELECT -> "select " + locator.expression();
          case TEXT -> "text \"" + text + "\"";
          case HTTP_STATUS -> "http-status " + httpStatus;
          case PATH -> "path " + locator.expression() + (text == null ? "" : " = " + text);
          case COOKIE -> "cookie " + text;
          case URL -> "url \"" + text + "\"";
        };
    return missing ? test + " (missing)" : test;
  }
}
