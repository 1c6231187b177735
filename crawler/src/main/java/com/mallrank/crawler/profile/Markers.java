package com.mallrank.crawler.profile;

import java.util.List;

/**
 * The markers of a profile, checked in this order: blocked, login required, empty.
 *
 * @param blocked captcha / 风控 / rate-limit signs
 * @param loginRequired login-wall signs
 * @param empty "no results" signs
 */
public record Markers(List<Marker> blocked, List<Marker> loginRequired, List<Marker> empty) {

  public static final Markers NONE = new Markers(List.of(), List.of(), List.of());

  public Markers {
    blocked = List.copyOf(blocked);
    loginRequired = List.copyOf(loginRequired);
    empty = List.copyOf(empty);
  }
}
