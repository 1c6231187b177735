package com.mallrank.crawler.fetch;

import java.net.URI;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What one {@code Set-Cookie} header of a response stores (RFC 6265 5.2 and 5.3, without the public
 * suffix list): the cookie with the scope it may have, and the two attributes a login state keeps
 * besides. A {@code Domain} the request's host is not in, a single-label one ({@code com}), one on
 * an IP address, or a {@code Secure} cookie set over plain http stores nothing. A deletion ({@code
 * Max-Age} of 0 or less, an {@code Expires} in the past) is a cookie that has expired.
 *
 * @param cookie the cookie, its scope decided
 * @param httpOnly the {@code HttpOnly} attribute
 * @param sameSite {@code Strict}, {@code Lax} or {@code None} ({@code Lax} when not given, as
 *     Chromium treats it)
 */
public record SetCookie(Cookie cookie, boolean httpOnly, String sameSite) {

  private static final List<DateTimeFormatter> DATES =
      List.of(
          DateTimeFormatter.RFC_1123_DATE_TIME,
          DateTimeFormatter.ofPattern("EEE, dd-MMM-yyyy HH:mm:ss zzz", Locale.ROOT),
          DateTimeFormatter.ofPattern("EEE, dd-MMM-yy HH:mm:ss zzz", Locale.ROOT));

  /** Whether this header deletes its cookie (it expired at or before {@code now}). */
  public boolean deletes(Instant now) {
    return cookie.expires() != null && !cookie.expires().isAfter(now);
  }

  /**
   * The cookie a response to {@code url} sets with {@code header}, or empty when it sets none.
   *
   * @param now when the response arrived ({@code Max-Age} counts from it)
   */
  public static Optional<SetCookie> parse(URI url, String header, Instant now) {
    String host = CookieJar.hostOf(url);
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (host == null || header == null || !(scheme.equals("http") || scheme.equals("https"))) {
      return Optional.empty();
    }
    String[] parts = header.split(";");
    int eq = parts[0].indexOf('=');
    if (eq <= 0) {
      return Optional.empty();
    }
    String name = parts[0].substring(0, eq).strip();
    String value = parts[0].substring(eq + 1).strip();
    if (name.isEmpty()) {
      return Optional.empty();
    }
    String domain = null;
    String path = null;
    boolean secure = false;
    boolean httpOnly = false;
    String sameSite = "Lax";
    Instant expires = null;
    Instant maxAge = null;
    for (int i = 1; i < parts.length; i++) {
      String attribute = parts[i].strip();
      int at = attribute.indexOf('=');
      String key =
          (at < 0 ? attribute : attribute.substring(0, at)).strip().toLowerCase(Locale.ROOT);
      String v = at < 0 ? "" : attribute.substring(at + 1).strip();
      switch (key) {
        case "domain" -> {
          String d = v.toLowerCase(Locale.ROOT);
          d = d.startsWith(".") ? d.substring(1) : d;
          domain = d.isEmpty() ? null : d;
        }
        case "path" -> path = v.startsWith("/") ? v : null;
        case "secure" -> secure = true;
        case "httponly" -> httpOnly = true;
        case "samesite" -> sameSite = sameSite(v);
        case "max-age" -> maxAge = maxAge(v, now, maxAge);
        case "expires" -> expires = date(v, expires);
        default -> {
          // other attributes do not change what is stored
        }
      }
    }
    if (secure && !scheme.equals("https")) {
      return Optional.empty();
    }
    boolean hostOnly = domain == null;
    if (!hostOnly && !domain.equals(host)) {
      boolean inside = host.endsWith("." + domain) && !CookieJar.isIpLiteral(host);
      if (!inside || !domain.contains(".")) {
        return Optional.empty();
      }
    }
    Instant until = maxAge != null ? maxAge : expires;
    Cookie cookie =
        new Cookie(
            name,
            value,
            hostOnly ? host : domain,
            hostOnly,
            path == null ? defaultPath(url) : path,
            secure,
            until);
    return Optional.of(new SetCookie(cookie, httpOnly, sameSite));
  }

  private static String sameSite(String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "strict" -> "Strict";
      case "none" -> "None";
      default -> "Lax";
    };
  }

  private static Instant maxAge(String value, Instant now, Instant previous) {
    if (!value.matches("-?[0-9]{1,18}")) {
      return previous;
    }
    long seconds = Long.parseLong(value);
    if (seconds <= 0) {
      return Instant.EPOCH;
    }
    // at most ~400 days (RFC 6265bis): a larger value is clipped, never an overflow
    return now.plusSeconds(Math.min(seconds, 400L * 24 * 3600));
  }

  private static Instant date(String value, Instant previous) {
    for (DateTimeFormatter format : DATES) {
      try {
        return ZonedDateTime.parse(value, format).toInstant();
      } catch (DateTimeParseException e) {
        // the next form
      }
    }
    return previous; // an unreadable date changes nothing
  }

  /** RFC 6265 5.1.4: the request path up to its last {@code /}, or {@code /}. */
  private static String defaultPath(URI url) {
    String path = url.getRawPath();
    if (path == null || !path.startsWith("/")) {
      return "/";
    }
    int last = path.lastIndexOf('/');
    return last <= 0 ? "/" : path.substring(0, last);
  }

  @Override
  public String toString() {
    return "SetCookie[" + cookie + "]";
  }
}
