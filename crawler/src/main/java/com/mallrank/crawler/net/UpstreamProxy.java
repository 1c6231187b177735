package com.mallrank.crawler.net;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;

/**
 * An identity's own way out (issue 10 item 2): an HTTP proxy that every connection of that identity
 * is tunnelled through with {@code CONNECT}, to the address the guard has already checked (an IP
 * literal, so the proxy resolves nothing and DNS stays pinned). Only {@code http://host:port} is
 * supported for now; {@code socks5} and {@code https} proxies are refused with a clear message.
 *
 * <p>The URL never holds credentials (a plan is not a secret); they come separately and are only
 * ever sent in {@code Proxy-Authorization}, never shown: {@link #toString()} is {@link #shown()}.
 *
 * @param host the proxy's host name or address
 * @param port the proxy's port
 * @param username the user name, or {@code null}
 * @param password the password, or {@code null}
 */
public record UpstreamProxy(String host, int port, String username, String password) {

  private static final int MAX_HEAD_BYTES = 16 * 1024;

  public UpstreamProxy {
    Objects.requireNonNull(host, "host");
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("proxy port must be 1..65535, was " + port);
    }
    if ((username == null) != (password == null)) {
      throw new IllegalArgumentException("proxy credentials need both a user name and a password");
    }
  }

  /**
   * Reads {@code http://host:port}.
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
    if (scheme.equals("socks5") || scheme.equals("socks") || scheme.equals("https")) {
      throw new IllegalArgumentException(
          "'" + scheme + "' proxies are not supported yet: use an http:// proxy");
    }
    if (!scheme.equals("http") || uri.getHost() == null) {
      throw new IllegalArgumentException("not a proxy URL (use http://host:port)");
    }
    if (uri.getPort() < 0) {
      throw new IllegalArgumentException("a proxy URL needs a port (http://host:port)");
    }
    if ((uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/"))
        || uri.getRawQuery() != null
        || uri.getRawFragment() != null) {
      throw new IllegalArgumentException("a proxy URL is http://host:port, nothing after it");
    }
    String host = uri.getHost();
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    return new UpstreamProxy(host, uri.getPort(), null, null);
  }

  /** This proxy with credentials ({@code user:password}, from a secret file or the environment). */
  public UpstreamProxy withCredentials(String userColonPassword) {
    String text = userColonPassword.strip();
    int colon = text.indexOf(':');
    if (colon <= 0 || colon == text.length() - 1 || text.contains("\n")) {
      throw new IllegalArgumentException("proxy credentials must be one line 'user:password'");
    }
    return new UpstreamProxy(host, port, text.substring(0, colon), text.substring(colon + 1));
  }

  /** {@code http://host:port}: how the proxy may be shown (no credentials). */
  public String shown() {
    return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }

  @Override
  public String toString() {
    return shown();
  }

  /**
   * Opens each connection as a tunnel through this proxy to exactly the checked address. A proxy
   * that is unreachable or refuses is an {@link UpstreamProxyException}; there is no other route.
   */
  public Connector connector() {
    return this::tunnel;
  }

  private Socket tunnel(InetAddress address, int targetPort, int timeoutMillis) throws IOException {
    Socket socket = new Socket();
    try {
      try {
        socket.connect(new InetSocketAddress(host, port), timeoutMillis);
      } catch (IOException e) {
        throw new UpstreamProxyException(
            "proxy " + shown() + " unreachable: " + String.valueOf(e.getMessage()));
      }
      socket.setSoTimeout(timeoutMillis);
      String literal =
          address instanceof Inet6Address
              ? "[" + address.getHostAddress().replaceAll("%.*$", "") + "]"
              : address.getHostAddress();
      String authority = literal + ":" + targetPort;
      StringBuilder head =
          new StringBuilder("CONNECT ")
              .append(authority)
              .append(" HTTP/1.1\r\nHost: ")
              .append(authority)
              .append("\r\n");
      if (username != null) {
        String token =
            Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        head.append("Proxy-Authorization: Basic ").append(token).append("\r\n");
      }
      head.append("\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      String status = statusLine(socket.getInputStream());
      String[] parts = status.split(" ", 3);
      if (parts.length < 2 || !parts[0].startsWith("HTTP/") || !parts[1].startsWith("2")) {
        throw new UpstreamProxyException(
            "proxy " + shown() + " refused the tunnel: " + bounded(status));
      }
      return socket;
    } catch (IOException e) {
      socket.close();
      if (e instanceof UpstreamProxyException) {
        throw e;
      }
      throw new UpstreamProxyException(
          "proxy " + shown() + " failed: " + String.valueOf(e.getMessage()));
    }
  }

  /**
   * Reads the proxy's answer head byte by byte (nothing of the tunnel after it is consumed) and
   * returns its status line.
   */
  private static String statusLine(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream(256);
    int last4 = 0;
    while (last4 != 0x0d0a0d0a) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("the proxy closed the connection before answering");
      }
      head.write(b);
      if (head.size() > MAX_HEAD_BYTES) {
        throw new IOException("the proxy's answer head is larger than " + MAX_HEAD_BYTES);
      }
      last4 = (last4 << 8) | b;
    }
    String text = head.toString(StandardCharsets.ISO_8859_1);
    return text.substring(0, text.indexOf("\r\n"));
  }

  private static String bounded(String text) {
    String clean = text.replaceAll("[\\p{Cntrl}]", " ");
    return clean.length() > 120 ? clean.substring(0, 120) + "…" : clean;
  }
}
