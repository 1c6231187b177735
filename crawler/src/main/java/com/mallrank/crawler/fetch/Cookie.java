package com.mallrank.crawler.fetch;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * One cookie of an identity, with the scope it was set for (RFC 6265): it is sent only to its
 * domain and path, over https only when {@code secure}, and never after it expired.
 *
 * @param name the cookie name
 * @param value the value; a secret, never logged ({@link #toString()} leaves it out)
 * @param domain the host (lower case, no leading dot) it belongs to
 * @param hostOnly sent to exactly {@code domain} ({@code true}) or also to its sub-domains
 * @param path the path prefix it is sent for ({@code /} for all)
 * @param secure sent over https only
 * @param expires when it stops being sent, or {@code null} for a session cookie
 */
public record Cookie(
    String name,
    String value,
    String domain,
    boolean hostOnly,
    String path,
    boolean secure,
    Instant expires) {

  public Cookie {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(domain, "domain");
    domain = domain.strip().toLowerCase(Locale.ROOT);
    if (domain.startsWith(".")) {
      domain = domain.substring(1);
    }
    if (domain.isEmpty()) {
      throw new IllegalArgumentException("cookie " + name + " has no domain");
    }
    path = path == null || !path.startsWith("/") ? "/" : path;
  }

  /**
   * A cookie as a Playwright storage state writes it: a leading dot on the domain marks a domain
   * cookie, none a host-only one; {@code expires} in epoch seconds, negative for a session cookie.
   */
  public static Cookie ofStorageState(
      String name, String value, String domain, String path, boolean secure, double expires) {
    boolean hostOnly = !domain.strip().startsWith(".");
    Instant until = expires < 0 ? null : Instant.ofEpochMilli((long) (expires * 1000));
    return new Cookie(name, value, domain, hostOnly, path, secure, until);
  }

  /** A session cookie for exactly one host and every path (the sandbox's identity cookie). */
  public static Cookie hostOnly(String name, String value, String host) {
    return new Cookie(name, value, host, true, "/", false, null);
  }

  @Override
  public String toString() {
    // The value is a secret: never print it.
    return "Cookie["
        + name
        + " for "
        + (hostOnly ? "" : ".")
        + domain
        + path
        + (secure ? ", secure" : "")
        + (expires == null ? "" : ", expires " + expires)
        + "]";
  }
}
