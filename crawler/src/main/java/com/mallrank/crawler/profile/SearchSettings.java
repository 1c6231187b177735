package com.mallrank.crawler.profile;

import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
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
 */
public record SearchSettings(
    String urlTemplate, List<String> allowedHosts, boolean allowPrivateAddresses) {

  public SearchSettings {
    Objects.requireNonNull(urlTemplate, "urlTemplate");
    allowedHosts = List.copyOf(allowedHosts);
  }

  /**
   * The search URL for a keyword.
   *
   * @throws IllegalArgumentException when the result is not an absolute URI or not {@link #permits
   *     permitted}
   */
  public URI url(String base, String keyword) {
    String trimmedBase = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    String encoded = URLEncoder.encode(keyword, StandardCharsets.UTF_8).replace("+", "%20");
    URI uri = URI.create(urlTemplate.replace("{base}", trimmedBase).replace("{keyword}", encoded));
    if (!uri.isAbsolute() || uri.getHost() == null) {
      throw new IllegalArgumentException("not an absolute http(s) URL: " + uri);
    }
    if (!permits(uri)) {
      throw new IllegalArgumentException("host not allowed by the profile: " + uri.getHost());
    }
    return uri;
  }

  /**
   * Whether a URL's host is allowed. Only literal addresses and {@code localhost} are recognised as
   * private: this check does no DNS lookups.
   */
  public boolean permits(URI uri) {
    String host = uri.getHost();
    if (host == null) {
      return false;
    }
    host = host.toLowerCase(Locale.ROOT);
    if (!allowPrivateAddresses && isPrivateLiteral(host)) {
      return false;
    }
    if (allowedHosts.isEmpty()) {
      return true;
    }
    for (String allowed : allowedHosts) {
      String a = allowed.toLowerCase(Locale.ROOT);
      if (a.startsWith("*.") ? host.endsWith(a.substring(1)) : host.equals(a)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isPrivateLiteral(String host) {
    if (host.equals("localhost") || host.endsWith(".localhost")) {
      return true;
    }
    String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    boolean literal = bare.contains(":") || bare.matches("[0-9.]+");
    if (!literal) {
      return false;
    }
    try {
      // A literal parses without a lookup.
      InetAddress address = InetAddress.getByName(bare);
      return address.isLoopbackAddress()
          || address.isSiteLocalAddress()
          || address.isLinkLocalAddress()
          || address.isAnyLocalAddress()
          || (address.getAddress().length == 16 && (address.getAddress()[0] & 0xfe) == 0xfc);
    } catch (java.net.UnknownHostException e) {
      return true;
    }
  }
}
