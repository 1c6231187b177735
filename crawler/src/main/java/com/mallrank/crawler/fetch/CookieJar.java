package com.mallrank.crawler.fetch;

import java.net.InetAddress;
import java.net.URI;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An identity's cookies, handed out per URL by the rules of RFC 6265 (5.1.3 domain matching, 5.1.4
 * path matching, 5.4 {@code Secure} and expiry): the one place that decides which cookies a request
 * carries. Every hop of a redirect asks again for its own URL, so a cookie never follows a redirect
 * to another site, and a {@code Secure} one never goes over plain http.
 *
 * <p>Immutable. {@link #toString()} names no value.
 */
public final class CookieJar {

  private static final CookieJar EMPTY = new CookieJar(List.of());

  private final List<Cookie> cookies;

  private CookieJar(List<Cookie> cookies) {
    this.cookies = List.copyOf(cookies);
  }

  public static CookieJar of(List<Cookie> cookies) {
    return cookies.isEmpty() ? EMPTY : new CookieJar(cookies);
  }

  public static CookieJar empty() {
    return EMPTY;
  }

  /** Every cookie, whatever its scope (for a browser context, which scopes them itself). */
  public List<Cookie> all() {
    return cookies;
  }

  public boolean isEmpty() {
    return cookies.isEmpty();
  }

  /**
   * The cookies to send to {@code url} at {@code now}: longest path first (RFC 6265 5.4), the rest
   * in jar order.
   */
  public List<Cookie> forUrl(URI url, Instant now) {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    String requestHost = hostOf(url);
    if (requestHost == null || !(scheme.equals("http") || scheme.equals("https"))) {
      return List.of();
    }
    String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
    boolean https = scheme.equals("https");
    return cookies.stream()
        .filter(c -> c.expires() == null || c.expires().isAfter(now))
        .filter(c -> https || !c.secure())
        .filter(c -> domainMatches(requestHost, c))
        .filter(c -> pathMatches(path, c.path()))
        .sorted(Comparator.comparingInt((Cookie c) -> c.path().length()).reversed())
        .toList();
  }

  /** The {@code Cookie} header value for {@code url}, or {@code null} when no cookie applies. */
  public String header(URI url, Instant now) {
    List<Cookie> matching = forUrl(url, now);
    if (matching.isEmpty()) {
      return null;
    }
    return matching.stream().map(c -> c.name() + "=" + c.value()).collect(Collectors.joining("; "));
  }

  /**
   * This jar once a response to {@code url} arrived with these {@code Set-Cookie} headers ({@link
   * SetCookie}): a cookie with the same name, domain and path is replaced in place (or removed by a
   * deletion), a new one is added at the end, one the URL may not set is ignored. What a browser
   * keeps between the hops of a redirect.
   */
  public CookieJar after(URI url, Instant now, List<String> setCookieHeaders) {
    if (setCookieHeaders.isEmpty()) {
      return this;
    }
    List<Cookie> next = new java.util.ArrayList<>(cookies);
    for (String header : setCookieHeaders) {
      SetCookie set = SetCookie.parse(url, header, now).orElse(null);
      if (set == null) {
        continue;
      }
      Cookie c = set.cookie();
      int same = -1;
      for (int i = 0; i < next.size(); i++) {
        Cookie old = next.get(i);
        if (old.name().equals(c.name())
            && old.domain().equals(c.domain())
            && old.path().equals(c.path())) {
          same = i;
          break;
        }
      }
      if (set.deletes(now)) {
        if (same >= 0) {
          next.remove(same);
        }
      } else if (same >= 0) {
        next.set(same, c);
      } else {
        next.add(c);
      }
    }
    return of(next);
  }

  /**
   * The names of the cookies held for {@code url} once a response with these {@code Set-Cookie}
   * headers arrived: those sent to it, without the ones the response deleted ({@code Max-Age} of 0
   * or less, an empty value), with the ones it set. Names only: values are never kept.
   */
  public Set<String> namesAfter(URI url, Instant now, List<String> setCookieHeaders) {
    Set<String> names = new LinkedHashSet<>();
    forUrl(url, now).forEach(c -> names.add(c.name()));
    for (String header : setCookieHeaders) {
      String[] parts = header.split(";");
      int eq = parts[0].indexOf('=');
      if (eq <= 0) {
        continue;
      }
      String name = parts[0].substring(0, eq).strip();
      boolean deleted = parts[0].substring(eq + 1).strip().isEmpty();
      for (int i = 1; i < parts.length; i++) {
        String attribute = parts[i].strip().toLowerCase(Locale.ROOT);
        if (attribute.startsWith("max-age=")) {
          String age = attribute.substring("max-age=".length()).strip();
          deleted |= age.startsWith("-") || age.matches("0+");
        } else if (attribute.startsWith("expires=")) {
          deleted |= expired(parts[i].strip().substring("expires=".length()), now);
        }
      }
      if (deleted) {
        names.remove(name);
      } else {
        names.add(name);
      }
    }
    return names;
  }

  private static boolean expired(String date, Instant now) {
    try {
      return java.time.ZonedDateTime.parse(
              date.strip(), java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME)
          .toInstant()
          .isBefore(now);
    } catch (java.time.format.DateTimeParseException e) {
      return false; // an unreadable date deletes nothing
    }
  }

  /**
   * The host a cookie is matched against: the URL's host in lower case, without a trailing dot or
   * an IPv6 literal's brackets; {@code null} when the URL has none.
   */
  static String hostOf(URI url) {
    String host = url.getHost();
    if (host == null) {
      return null;
    }
    String h = host.toLowerCase(Locale.ROOT);
    if (h.endsWith(".")) {
      h = h.substring(0, h.length() - 1);
    }
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    return h;
  }

  static boolean domainMatches(String host, Cookie cookie) {
    if (host.equals(cookie.domain())) {
      return true;
    }
    // A domain cookie also goes to sub-domains, never to an IP address.
    return !cookie.hostOnly() && host.endsWith("." + cookie.domain()) && !isIpLiteral(host);
  }

  static boolean pathMatches(String requestPath, String cookiePath) {
    if (requestPath.equals(cookiePath)) {
      return true;
    }
    if (!requestPath.startsWith(cookiePath)) {
      return false;
    }
    return cookiePath.endsWith("/") || requestPath.charAt(cookiePath.length()) == '/';
  }

  static boolean isIpLiteral(String host) {
    if (host.contains(":")) {
      return true;
    }
    if (!host.matches("[0-9.]+")) {
      return false;
    }
    try {
      InetAddress.getByName(host); // a dotted literal: no lookup
      return true;
    } catch (java.net.UnknownHostException e) {
      return false;
    }
  }

  @Override
  public String toString() {
    return "CookieJar[" + cookies.size() + " cookies]";
  }
}
