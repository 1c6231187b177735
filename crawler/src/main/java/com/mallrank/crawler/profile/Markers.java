package com.mallrank.crawler.profile;

import java.util.List;

/**
 * The markers of a profile. Blocked, login required and empty are checked in this order before any
 * card is read; logged-in is checked last, and only on a page taken as a matrix account.
 *
 * @param blocked captcha / 风控 / rate-limit signs
 * @param loginRequired login-wall signs
 * @param empty "no results" signs
 * @param loggedIn signs that the page was served to a logged-in account (a nickname, a user field,
 *     a session cookie, the URL it stayed on): when the profile declares any, a page taken as an
 *     account that would be ok, partial or empty must show one of them, else it is {@code
 *     login_required}; none declared = a login is not checked (a site that silently serves a
 *     logged-out page then goes unnoticed)
 */
public record Markers(
    List<Marker> blocked, List<Marker> loginRequired, List<Marker> empty, List<Marker> loggedIn) {

  public static final Markers NONE = new Markers(List.of(), List.of(), List.of(), List.of());

  public Markers {
    blocked = List.copyOf(blocked);
    loginRequired = List.copyOf(loginRequired);
    empty = List.copyOf(empty);
    loggedIn = List.copyOf(loggedIn);
  }

  /** Markers without a proof of login. */
  public Markers(List<Marker> blocked, List<Marker> loginRequired, List<Marker> empty) {
    this(blocked, loginRequired, empty, List.of());
  }
}
