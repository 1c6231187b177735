package com.mallrank.crawler.net;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
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
import java.util.Set;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * An identity's own way out (issue 10 item 2): a proxy that every connection of that identity goes
 * through, to the address the guard has already checked (an IP literal, so the proxy resolves
 * nothing and DNS stays pinned). Three kinds:
 *
 * <ul>
 *   <li>{@code http://host:port}: an HTTP {@code CONNECT} tunnel;
 *   <li>{@code https://host:port}: the same tunnel inside TLS to the proxy itself (its certificate
 *       checked against the proxy's host name), so the credentials never cross the network in
 *       clear;
 *   <li>{@code socks5://host:port}: an RFC 1928 {@code CONNECT} with the address as IPv4/IPv6 bytes
 *       (never a domain name), authenticated per RFC 1929 when credentials are set. Hand-written
 *       rather than {@code Proxy.Type.SOCKS}, whose credentials come from the JVM-global {@code
 *       Authenticator}: each identity must carry its own.
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

  private static final int MAX_HEAD_BYTES = 16 * 1024;

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

  /**
   * Opens each connection through this proxy to exactly the checked address. A proxy that is
   * unreachable or refuses is an {@link UpstreamProxyException}; there is no other route.
   */
  public Connector connector() {
    return connector(null);
  }

  /**
   * As {@link #connector()}, with the TLS socket factory an {@code https} proxy is reached with
   * ({@code null}: the JVM's default trust); tests pass one trusting their own certificate.
   */
  public Connector connector(SSLSocketFactory tls) {
    return switch (scheme) {
      case "socks5" -> this::socks5;
      case "https" ->
          (address, targetPort, timeoutMillis) ->
              tunnel(address, targetPort, timeoutMillis, tls == null ? defaultTls() : tls);
      default ->
          (address, targetPort, timeoutMillis) -> tunnel(address, targetPort, timeoutMillis, null);
    };
  }

  private static SSLSocketFactory defaultTls() {
    return (SSLSocketFactory) SSLSocketFactory.getDefault();
  }

  /** A TCP connection to the proxy itself; failing, the proxy is named unreachable. */
  private Socket reach(int timeoutMillis) throws IOException {
    Socket socket = new Socket();
    try {
      socket.connect(new InetSocketAddress(host, port), timeoutMillis);
      socket.setSoTimeout(timeoutMillis);
      return socket;
    } catch (IOException e) {
      socket.close();
      throw new UpstreamProxyException(
          "proxy " + shown() + " unreachable: " + String.valueOf(e.getMessage()));
    }
  }

  private Socket tunnel(
      InetAddress address, int targetPort, int timeoutMillis, SSLSocketFactory tls)
      throws IOException {
    Socket socket = reach(timeoutMillis);
    try {
      if (tls != null) {
        socket = handshake(socket, tls);
      }
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
      throw failed(socket, e);
    }
  }

  /**
   * TLS to the proxy itself, its certificate checked against the proxy's host name (or address), so
   * a proxy that is not the one named never sees the credentials.
   */
  private Socket handshake(Socket plain, SSLSocketFactory tls) throws IOException {
    SSLSocket socket = (SSLSocket) tls.createSocket(plain, host, port, true);
    SSLParameters parameters = socket.getSSLParameters();
    parameters.setEndpointIdentificationAlgorithm("HTTPS");
    socket.setSSLParameters(parameters);
    try {
      socket.startHandshake();
    } catch (IOException e) {
      socket.close();
      throw new UpstreamProxyException(
          "proxy " + shown() + " TLS handshake failed: " + bounded(String.valueOf(e.getMessage())));
    }
    return socket;
  }

  /** RFC 1928 (and RFC 1929 when credentials are set) to the checked address, as bytes. */
  private Socket socks5(InetAddress address, int targetPort, int timeoutMillis) throws IOException {
    Socket socket = reach(timeoutMillis);
    try {
      DataInputStream in = new DataInputStream(socket.getInputStream());
      OutputStream out = socket.getOutputStream();
      out.write(username == null ? new byte[] {5, 1, 0} : new byte[] {5, 2, 0, 2});
      out.flush();
      int version = in.readUnsignedByte();
      int method = in.readUnsignedByte();
      if (version != 5) {
        throw new UpstreamProxyException("proxy " + shown() + " does not speak SOCKS5");
      }
      if (method == 2 && username != null) {
        byte[] user = username.getBytes(StandardCharsets.UTF_8);
        byte[] pass = password.getBytes(StandardCharsets.UTF_8);
        if (user.length > 255 || pass.length > 255) {
          throw new UpstreamProxyException(
              "proxy " + shown() + ": SOCKS5 credentials are limited to 255 bytes each");
        }
        ByteArrayOutputStream auth = new ByteArrayOutputStream();
        auth.write(1);
        auth.write(user.length);
        auth.write(user);
        auth.write(pass.length);
        auth.write(pass);
        out.write(auth.toByteArray());
        out.flush();
        in.readUnsignedByte(); // the subnegotiation's version
        if (in.readUnsignedByte() != 0) {
          throw new UpstreamProxyException("proxy " + shown() + " refused the credentials");
        }
      } else if (method != 0) {
        throw new UpstreamProxyException(
            "proxy "
                + shown()
                + (username == null
                    ? " asks for credentials (proxy-credentials or proxy-credentials-env)"
                    : " accepts none of the offered authentication methods"));
      }
      byte[] raw = address.getAddress();
      ByteArrayOutputStream request = new ByteArrayOutputStream();
      request.write(new byte[] {5, 1, 0, (byte) (raw.length == 4 ? 1 : 4)});
      request.write(raw);
      request.write(targetPort >> 8);
      request.write(targetPort & 0xff);
      out.write(request.toByteArray());
      out.flush();
      in.readUnsignedByte();
      int reply = in.readUnsignedByte();
      in.readUnsignedByte();
      int boundType = in.readUnsignedByte();
      if (reply != 0) {
        throw new UpstreamProxyException(
            "proxy " + shown() + " refused the connection: " + socksReply(reply));
      }
      int boundLength =
          switch (boundType) {
            case 1 -> 4;
            case 4 -> 16;
            case 3 -> in.readUnsignedByte();
            default ->
                throw new UpstreamProxyException(
                    "proxy " + shown() + " answered an unknown address type " + boundType);
          };
      in.readFully(new byte[boundLength + 2]);
      return socket;
    } catch (IOException e) {
      throw failed(socket, e);
    }
  }

  /** The meaning of a SOCKS5 reply code (RFC 1928 section 6). */
  static String socksReply(int code) {
    return switch (code) {
      case 1 -> "general SOCKS server failure";
      case 2 -> "connection not allowed by ruleset";
      case 3 -> "network unreachable";
      case 4 -> "host unreachable";
      case 5 -> "connection refused";
      case 6 -> "TTL expired";
      case 7 -> "command not supported";
      case 8 -> "address type not supported";
      default -> "reply code " + code;
    };
  }

  private UpstreamProxyException failed(Socket socket, IOException e) throws IOException {
    socket.close();
    if (e instanceof UpstreamProxyException u) {
      return u;
    }
    String reason =
        e instanceof EOFException
            ? "the proxy closed the connection before answering"
            : String.valueOf(e.getMessage());
    return new UpstreamProxyException("proxy " + shown() + " failed: " + bounded(reason));
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
