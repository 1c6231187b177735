package com.mallrank.crawler.profile;

import java.net.URI;
import java.util.Objects;

/**
 * How to log in to a site by QR code ({@code mallrank accounts login}): data, like the rest of a
 * profile.
 *
 * @param urlTemplate the login page, e.g. {@code {base}/login}; {@code {base}} is the configured
 *     base URL
 * @param qr CSS selector of the login QR code's element (screenshot and decoded)
 * @param loggedIn CSS selector present once the account is logged in
 * @param loggedOut CSS selector present on the login page while nobody is logged in
 */
public record LoginRule(String urlTemplate, String qr, String loggedIn, String loggedOut) {

  public LoginRule {
    Objects.requireNonNull(urlTemplate, "urlTemplate");
    Objects.requireNonNull(qr, "qr");
    Objects.requireNonNull(loggedIn, "loggedIn");
    Objects.requireNonNull(loggedOut, "loggedOut");
  }

  /**
   * The login page for a base URL.
   *
   * @throws IllegalArgumentException when the result is not an absolute http(s) URL
   */
  public URI url(String base) {
    String trimmed = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    URI uri = URI.create(urlTemplate.replace("{base}", trimmed));
    if (!uri.isAbsolute() || uri.getHost() == null) {
      throw new IllegalArgumentException("not an absolute http(s) URL: " + uri);
    }
    return uri;
  }
}
