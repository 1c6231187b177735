package com.mallrank.crawler.net;

import com.mallrank.crawler.politeness.AddressGuard;
import java.io.EOFException;
import java.io.IOException;
import java.net.Authenticator;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.PasswordAuthentication;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import javax.net.SocketFactory;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * How an identity's sockets are opened, for OkHttp's socket hook: straight to the checked address
 * (a {@link Connector}) or through its SOCKS5 proxy by the JDK's own client, each judged by the
 * guard's {@link AddressGuard#checkConnect} first ({@link #checked}); or to its HTTP proxy (plain
 * or inside TLS, OkHttp then speaks {@code CONNECT}). A proxy that cannot be used is an {@link
 * UpstreamProxyException} naming it (scheme, host and port, never the credentials); nothing falls
 * back to the direct network.
 *
 * <p>SOCKS5 credentials: the JDK asks the JVM-wide {@link Authenticator} for them. mallrank
 * installs one ({@link Credentials}) that answers only inside the {@code connect} of one of its own
 * SOCKS sockets, on that thread, with that identity's user and password (or an empty pair when it
 * has none, so the JDK never offers the operating system's user name); every other question is
 * passed to the authenticator that was installed before.
 */
final class ProxySockets {

  private ProxySockets() {}

  /**
   * Sockets that {@code opener} opens once {@code guard} let their address through ({@link
   * AddressGuard#checkConnect}): nothing is sent to an address it refuses.
   */
  static SocketFactory checked(AddressGuard guard, OpenedSocket.Opener opener) {
    return OpenedSocket.factory(
        (endpoint, timeout) -> {
          guard.checkConnect(endpoint.getAddress(), endpoint.getPort());
          return opener.open(endpoint, timeout);
        });
  }

  /** Connections to the address itself, opened by {@code connector}. */
  static OpenedSocket.Opener direct(Connector connector) {
    return (endpoint, timeout) ->
        connector.connect(endpoint.getAddress(), endpoint.getPort(), timeout);
  }

  /**
   * Sockets to an {@code http://} or {@code https://} proxy (OkHttp connects them to the proxy's
   * address); for {@code https://}, TLS to the proxy, its certificate checked against its name.
   *
   * @param tls the TLS of {@code https://} proxies ({@code null}: the JVM's default trust)
   */
  static SocketFactory httpProxy(UpstreamProxy proxy, SSLSocketFactory tls) {
    boolean https = proxy.scheme().equals("https");
    SSLSocketFactory factory =
        tls != null ? tls : https ? (SSLSocketFactory) SSLSocketFactory.getDefault() : null;
    return OpenedSocket.factory(
        (endpoint, timeout) -> {
          Socket plain = reach(proxy, endpoint, timeout);
          return https ? handshake(proxy, plain, factory) : plain;
        });
  }

  /** Connections through a SOCKS5 proxy to the checked address (sent as IPv4/IPv6 bytes). */
  static OpenedSocket.Opener socks5(UpstreamProxy proxy) {
    Credentials.install();
    PasswordAuthentication credentials =
        new PasswordAuthentication(
            proxy.hasCredentials() ? proxy.username() : "",
            proxy.hasCredentials() ? proxy.password().toCharArray() : new char[0]);
    return (endpoint, timeout) -> {
      Socket socket =
          new Socket(
              new Proxy(
                  Proxy.Type.SOCKS,
                  InetSocketAddress.createUnresolved(proxy.host(), proxy.port())));
      Credentials.CURRENT.set(credentials);
      try {
        socket.connect(endpoint, timeout);
        return socket;
      } catch (IOException e) {
        socket.close();
        throw socksFailure(proxy, e);
      } finally {
        Credentials.CURRENT.remove();
      }
    };
  }

  private static Socket reach(UpstreamProxy proxy, InetSocketAddress endpoint, int timeout)
      throws UpstreamProxyException {
    Socket socket = new Socket();
    try {
      socket.connect(endpoint, timeout);
      return socket;
    } catch (IOException e) {
      closeQuietly(socket);
      throw unreachable(proxy, e);
    }
  }

  private static Socket handshake(UpstreamProxy proxy, Socket plain, SSLSocketFactory tls)
      throws IOException {
    SSLSocket socket;
    try {
      socket = (SSLSocket) tls.createSocket(plain, proxy.host(), proxy.port(), true);
      SSLParameters parameters = socket.getSSLParameters();
      parameters.setEndpointIdentificationAlgorithm("HTTPS");
      socket.setSSLParameters(parameters);
      socket.startHandshake();
      return socket;
    } catch (IOException e) {
      closeQuietly(plain);
      throw new UpstreamProxyException(
          "proxy "
              + proxy.shown()
              + " TLS handshake failed: "
              + UpstreamProxy.bounded(String.valueOf(e.getMessage())));
    }
  }

  private static UpstreamProxyException unreachable(UpstreamProxy proxy, IOException e) {
    return new UpstreamProxyException(
        "proxy "
            + proxy.shown()
            + " unreachable: "
            + UpstreamProxy.bounded(String.valueOf(e.getMessage())));
  }

  /** The JDK's SOCKS errors, said as the proxy's. */
  private static UpstreamProxyException socksFailure(UpstreamProxy proxy, IOException e) {
    String message = String.valueOf(e.getMessage());
    String lower = message.toLowerCase(Locale.ROOT);
    // The JDK says its own SOCKS errors with "SOCKS"; the others come from reaching the proxy.
    if (e instanceof ConnectException
        || e instanceof NoRouteToHostException
        || e instanceof UnknownHostException
        || (!lower.startsWith("socks")
            && (lower.contains("connection refused")
                || lower.contains("no route to host")
                || lower.contains("network is unreachable")
                || lower.contains("connect timed out")))) {
      return unreachable(proxy, e);
    }
    String shown = "proxy " + proxy.shown();
    if (lower.contains("authentication failed")) {
      return new UpstreamProxyException(
          shown
              + (proxy.hasCredentials()
                  ? " refused the credentials"
                  : " asks for credentials (proxy-credentials or proxy-credentials-env)"));
    }
    if (lower.contains("no acceptable methods")) {
      return new UpstreamProxyException(
          shown + " accepts none of the offered authentication methods");
    }
    if (e instanceof SocketException && lower.startsWith("socks")) {
      String reason = message.replaceFirst("(?i)^socks\\s*:?\\s*", "").strip();
      return new UpstreamProxyException(
          shown
              + " refused the connection: "
              + UpstreamProxy.bounded(reason.toLowerCase(Locale.ROOT)));
    }
    String reason =
        e instanceof EOFException
            ? "the proxy closed the connection before answering"
            : e instanceof SocketTimeoutException ? "timed out" : message;
    return new UpstreamProxyException(shown + " failed: " + UpstreamProxy.bounded(reason));
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // closing
    }
  }

  /** The JVM-wide authenticator that answers the JDK's SOCKS5 question for mallrank's sockets. */
  static final class Credentials extends Authenticator {

    static final ThreadLocal<PasswordAuthentication> CURRENT = new ThreadLocal<>();

    private static boolean installed;

    private final Authenticator previous;

    private Credentials(Authenticator previous) {
      this.previous = previous;
    }

    static synchronized void install() {
      if (!installed) {
        Authenticator.setDefault(new Credentials(Authenticator.getDefault()));
        installed = true;
      }
    }

    @Override
    protected PasswordAuthentication getPasswordAuthentication() {
      PasswordAuthentication mine = CURRENT.get();
      if (mine != null && "SOCKS5".equals(getRequestingProtocol())) {
        return mine;
      }
      if (previous == null) {
        return null;
      }
      return previous.requestPasswordAuthenticationInstance(
          getRequestingHost(),
          getRequestingSite(),
          getRequestingPort(),
          getRequestingProtocol(),
          getRequestingPrompt(),
          getRequestingScheme(),
          getRequestingURL(),
          getRequestorType());
    }
  }
}
