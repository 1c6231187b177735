package com.mallrank.crawler.profile;

import com.mallrank.crawler.politeness.AddressGuard;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * How to build a search URL and which hosts a profile may reach.
 *
 * @param urlTemplate e.g. {@code {base}/search?keyword={keyword}}; {@code {base}} is inserted as
 *     given (a trailing {@code /} removed), {@code {keyword}} URL-encoded as UTF-8 with spaces as
 *     {@code %20}
 * @param allowedHosts host names the search URL may point to; {@code *.example.com} matches
 *     sub-domains; empty = any host
 * @param allowPrivateAddresses whether loopback/private/link-local literal addresses and {@code
 *     localhost} are allowed (true only for the sandbox)
 * @param requiresLogin whether the site answers a search without a logged-in account with a login
 *     refusal only ({@code search.requires-login}, e.g. Douyin's 2483): the anonymous vantage is
 *     then never sampled, and {@code plan validate} warns about it
 */
public record SearchSettings(
    String urlTemplate,
    List<String> allowedHosts,
    boolean allowPrivateAddresses,
    boolean requiresLogin) {

  public SearchSettings {
    Objects.requireNonNull(urlTemplate, "urlTemplate");
    allowedHosts = List.copyOf(allowedHosts);
  }

  /** Settings of a site that can be searched without a login. */
  public SearchSettings(
      String urlTemplate, List<String> allowedHosts, boolean allowPrivateAddresses) {
    this(urlTemplate, allowedHosts, allowPrivateAddresses, false);
  }

  /**
   * Whether the search URL is under the configured base URL ({@code {base}} in the template): a
   * profile whose template is an absolute URL of its own site needs none.
   */
  public boolean usesBase() {
    return urlTemplate.contains("{base}");
  }

  /**
   * The search URL for a keyword.
   *
   * <p>Whether the host may be fetched is the {@link #guard()}'s decision, made with DNS just
   * before the fetch.
   *
   * @throws IllegalArgumentException when the result is not an absolute http(s) URI
   */
  public URI url(String base, String keyword) {
    String trimmedBase = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    String encoded = URLEncoder.encode(keyword, StandardCharsets.UTF_8).replace("+", "%20");
    URI uri = URI.create(urlTemplate.replace("{base}", trimmedBase).replace("{keyword}", encoded));
    if (!uri.isAbsolute() || uri.getHost() == null) {
      throw new IllegalArgumentException("not an absolute http(s) URL: " + uri);
    }
    return uri;
  }

  /** The guard that checks a URL against the allow-list and private addresses before a fetch. */
  public AddressGuard guard() {
    return new AddressGuard(allowedHosts, allowPrivateAddresses);
  }
}
