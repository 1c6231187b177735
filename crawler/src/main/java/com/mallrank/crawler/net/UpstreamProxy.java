package com.mallrank.crawler.net;

import com.mallrank.crawler.text.ControlCharacters;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * An identity's own way out (issue 10 item 2): the proxy every connection of that identity goes
 * through; {@link HttpClients} builds the identity's OkHttp client on it. Three kinds:
 *
 * <ul>
 *   <li>{@code http://host:port}: OkHttp's own HTTP proxy support ({@code CONNECT} tunnels for
 *       https, the request itself for plain http), credentials by its {@code proxyAuthenticator};
 *   <li>{@code https://host:port}: the same, inside TLS to the proxy itself (its certificate
 *       checked against the proxy's host name), so the credentials never cross the network in
 *       clear;
 *   <li>{@code socks5://host:port}: the JDK's SOCKS5 client (RFC 1928/1929) asked for the
 *       guard-checked address as IPv4/IPv6 bytes, never a name; the credentials are this identity's
 *       own, handed to the JDK for that connection only.
 * </ul>
 *
 * <p>The URL never holds credentials (a plan is not a secret); they come separately and are only
 * ever sent to the proxy, never shown: {@link #toString()} is {@link #shown()}.
 *
 * @param scheme {@code http}, {@code https} or {@code socks5}
 * @param host the proxy's host name or address
 * @param port the proxy's port
 * @param username the user name, or {@code null}
 * @param password the password, or {@code null}
 */
public record UpstreamProxy(
    String scheme, String host, int port, String username, String password) {

  private static final Set<String> SCHEMES = Set.of("http", "https", "socks5");

  public UpstreamProxy {
    Objects.requireNonNull(host, "host");
    if (!SCHEMES.contains(scheme)) {
      throw new IllegalArgumentException("proxy scheme must be http, https or socks5");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("proxy port must be 1..65535, was " + port);
    }
    if ((username == null) != (password == null)) {
      throw new IllegalArgumentException("proxy credentials need both a user name and a password");
    }
  }

  /**
   * Reads {@code http://host:port}, {@code https://host:port} or {@code socks5://host:port}.
   *
   * @throws IllegalArgumentException with a one-line reason (a password in the URL, another scheme,
   *     no port, a path)
   */
  public static UpstreamProxy parse(String url) {
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a proxy URL (use http://host:port)");
    }
    if (uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException(
          "a proxy URL must not hold credentials: put them in a secret file"
              + " (proxy-credentials) or an environment variable (proxy-credentials-env)");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.isEmpty() && !SCHEMES.contains(scheme) && uri.getHost() != null) {
      throw new IllegalArgumentException(
          "'"
              + bounded(scheme)
              + "' proxies are not supported: use http://, https:// or socks5://");
    }
    if (!SCHEMES.contains(scheme) || uri.getHost() == null) {
      throw new IllegalArgumentException("not a proxy URL (use http://host:port)");
    }
    if (uri.getPort() < 0) {
      throw new IllegalArgumentException("a proxy URL needs a port (" + scheme + "://host:port)");
    }
    if ((uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/"))
        || uri.getRawQuery() != null
        || uri.getRawFragment() != null) {
      throw new IllegalArgumentException(
          "a proxy URL is " + scheme + "://host:port, nothing after it");
    }
    String host = uri.getHost();
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    return new UpstreamProxy(scheme, host, uri.getPort(), null, null);
  }

  /** This proxy with credentials ({@code user:password}, from a secret file or the environment). */
  public UpstreamProxy withCredentials(String userColonPassword) {
    String text = userColonPassword.strip();
    int colon = text.indexOf(':');
    if (colon <= 0 || colon == text.length() - 1 || text.contains("\n")) {
      throw new IllegalArgumentException("proxy credentials must be one line 'user:password'");
    }
    return new UpstreamProxy(
        scheme, host, port, text.substring(0, colon), text.substring(colon + 1));
  }

  /** {@code scheme://host:port}: how the proxy may be shown (no credentials). */
  public String shown() {
    return scheme + "://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }

  @Override
  public String toString() {
    return shown();
  }

  /** Whether credentials were given. */
  public boolean hasCredentials() {
    return username != null;
  }

  static String bounded(String text) {
    return ControlCharacters.oneLine(text, 120);
  }
}
