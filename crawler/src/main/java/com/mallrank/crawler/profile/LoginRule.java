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
 * @param loggedIn CSS selector present once the account is logged in; {@code null} with {@code
 *     urlLeaves}
 * @param loggedOut CSS selector present on the login page while nobody is logged in; {@code null}
 *     with {@code urlLeaves}
 * @param urlLeaves instead of the two selectors, for a site whose login page has a URL of its own
 *     (百应: {@code /account/login}): logged out while the page URL contains it, logged in once the
 *     URL no longer does ({@code login.logged-in-when-url-leaves}); else {@code null}
 */
public record LoginRule(
    String urlTemplate, String qr, String loggedIn, String loggedOut, String urlLeaves) {

  public LoginRule {
    Objects.requireNonNull(urlTemplate, "urlTemplate");
    Objects.requireNonNull(qr, "qr");
    if (urlLeaves == null) {
      Objects.requireNonNull(loggedIn, "loggedIn");
      Objects.requireNonNull(loggedOut, "loggedOut");
    } else if (urlLeaves.isBlank() || loggedIn != null || loggedOut != null) {
      throw new IllegalArgumentException(
          "urlLeaves is not blank and replaces both selectors: " + urlLeaves);
    }
  }

  /** A login read from CSS selectors. */
  public LoginRule(String urlTemplate, String qr, String loggedIn, String loggedOut) {
    this(urlTemplate, qr, loggedIn, loggedOut, null);
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
