package com.mallrank.crawler.net;

import com.mallrank.crawler.politeness.AddressGuard;
import com.mallrank.crawler.politeness.AddressRefusedException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocketFactory;
import okhttp3.Authenticator;
import okhttp3.ConnectionPool;
import okhttp3.Credentials;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * The one way out: an OkHttp client per identity's network, used by the static fetcher, the image
 * downloads and every request of a browser page (issue 20). Nothing is started per fetch: an
 * identity's client and its connection pool (at most {@value #IDLE_CONNECTIONS} idle connections,
 * kept {@value #KEEP_ALIVE_SECONDS} s) are made on its first request and rebuilt only when its
 * proxy changes. Identities never share a connection.
 *
 * <p>What every connection passes:
 *
 * <ul>
 *   <li>OkHttp's name lookup is the guard's ({@link GuardDns}): each host name is resolved and
 *       judged by the caller's {@link AddressGuard} when a connection is opened, and OkHttp
 *       connects to those addresses only. Callers check each URL (IP literals included) with their
 *       {@link com.mallrank.crawler.politeness.Gate Gate} before the call.
 *   <li>Every socket to a site, direct or through SOCKS5, is judged once more as it connects
 *       ({@link AddressGuard#checkConnect}): an address that is not public never gets a packet
 *       unless the profile's own address policy allows private addresses (the sandbox), whatever
 *       led there (an IP literal OkHttp does not look up, a caller that skipped its gate). A
 *       refusal is an {@link com.mallrank.crawler.politeness.AddressRefusedException} ({@link
 *       #refusalIn}). An http(s) proxy is the plan's address and is not judged; it resolves the
 *       site's name itself.
 *   <li>No redirect, retry or cookie is handled by OkHttp: callers follow redirects hop by hop
 *       through their gate and send each hop's own cookies.
 *   <li>An identity with a proxy ({@link ProxyRoutes}) leaves only through it: {@code http://} and
 *       {@code https://} proxies by OkHttp's proxy support (credentials sent ahead by its {@code
 *       proxyAuthenticator} for {@code CONNECT}, and as {@code Proxy-Authorization} on plain-http
 *       requests, which the proxy forwards itself; the proxy resolves the host name the guard
 *       checked), {@code socks5://} by {@link ProxySockets#socks5} (the checked address itself is
 *       asked for). A proxy that fails is an {@link UpstreamProxyException} ({@link
 *       #proxyFailure}), never a direct connection.
 * </ul>
 *
 * <p>Thread-safe; {@link #close()} drops the pooled connections.
 */
public final class HttpClients implements AutoCloseable {

  /** Idle connections kept per identity. */
  public static final int IDLE_CONNECTIONS = 4;

  /** How long an idle connection is kept. */
  public static final int KEEP_ALIVE_SECONDS = 60;

  private static final Set<String> TUNNEL_FAILURES =
      Set.of(
          "Unexpected response code for CONNECT",
          "Failed to authenticate with proxy",
          "Too many tunnel connections attempted");

  private final Connector direct;
  private final ProxyRoutes routes;
  private final SSLSocketFactory proxyTls;
  private final Dispatcher dispatcher = new Dispatcher();
  private final ConcurrentMap<String, Way> ways = new ConcurrentHashMap<>();

  /**
   * An identity's proxy (or none), the client built on it, and how its sockets to a site are opened
   * (null for an http(s) proxy: OkHttp's sockets go to the proxy).
   */
  private record Way(UpstreamProxy proxy, OkHttpClient client, OpenedSocket.Opener sites) {}

  /**
   * @param direct opens the connections of identities without a proxy ({@link Connector#direct()}
   *     in production; tests map public-looking addresses to loopback)
   * @param routes each identity's own proxy
   */
  public HttpClients(Connector direct, ProxyRoutes routes) {
    this(direct, routes, null);
  }

  /**
   * @param proxyTls the TLS of {@code https://} proxies: {@code null} for the JVM's default trust
   *     (tests pass one trusting their own certificate)
   */
  public HttpClients(Connector direct, ProxyRoutes routes, SSLSocketFactory proxyTls) {
    this.direct = Objects.requireNonNull(direct, "direct");
    this.routes = Objects.requireNonNull(routes, "routes");
    this.proxyTls = proxyTls;
  }

  /** Every identity direct, on plain sockets. */
  public static HttpClients direct() {
    return new HttpClients(Connector.direct(), ProxyRoutes.none());
  }

  /** The identity's own proxy, or empty for the direct network. */
  public Optional<UpstreamProxy> proxyOf(String identity) {
    return routes.proxyOf(identity);
  }

  /**
   * The identity's client for one call (or one hop): its names decided by {@code guard}, every
   * timeout (connect, read, write and the whole call, body included) {@code timeout}.
   */
  public OkHttpClient client(String identity, AddressGuard guard, Duration timeout) {
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(guard, "guard");
    Way way = way(identity);
    String proxyHost =
        way.proxy() != null && !way.proxy().scheme().equals("socks5") ? way.proxy().host() : null;
    OkHttpClient.Builder builder = way.client().newBuilder().dns(new GuardDns(guard, proxyHost));
    if (way.sites() != null) {
      // OkHttp pools by name lookup (equal guards), not by socket factory: a per-call factory
      // keeps the identity's connections shared.
      builder.socketFactory(ProxySockets.checked(guard, way.sites()));
    }
    return builder
        .connectTimeout(timeout)
        .readTimeout(timeout)
        .writeTimeout(timeout)
        .callTimeout(timeout)
        .build();
  }

  private Way way(String identity) {
    UpstreamProxy proxy = routes.proxyOf(identity).orElse(null);
    Way way = ways.get(identity);
    if (way != null && Objects.equals(way.proxy(), proxy)) {
      return way;
    }
    OpenedSocket.Opener sites =
        proxy == null
            ? ProxySockets.direct(direct)
            : proxy.scheme().equals("socks5") ? ProxySockets.socks5(proxy) : null;
    Way fresh = new Way(proxy, build(proxy), sites);
    Way old = ways.put(identity, fresh);
    if (old != null && old != fresh) {
      // The plan changed this identity's proxy: its old connections must not be reused.
      old.client().connectionPool().evictAll();
    }
    return fresh;
  }

  private OkHttpClient build(UpstreamProxy proxy) {
    OkHttpClient.Builder builder =
        new OkHttpClient.Builder()
            .dispatcher(dispatcher)
            .connectionPool(
                new ConnectionPool(IDLE_CONNECTIONS, KEEP_ALIVE_SECONDS, TimeUnit.SECONDS))
            .followRedirects(false)
            .followSslRedirects(false)
            .retryOnConnectionFailure(true)
            .fastFallback(false);
    if (proxy == null || proxy.scheme().equals("socks5")) {
      // Direct, or SOCKS5 that OkHttp sees as direct: it resolves through the guard, the socket
      // (set per call, checked) connects to the checked address or asks the proxy for it.
      return builder.proxy(Proxy.NO_PROXY).build();
    }
    builder
        .proxy(
            new Proxy(
                Proxy.Type.HTTP, InetSocketAddress.createUnresolved(proxy.host(), proxy.port())))
        .socketFactory(ProxySockets.httpProxy(proxy, proxyTls));
    if (proxy.hasCredentials()) {
      String credentials =
          Credentials.basic(proxy.username(), proxy.password(), StandardCharsets.UTF_8);
      Authenticator tunnel =
          (route, response) ->
              response.request().header("Proxy-Authorization") != null
                  ? null // sent and refused: give up
                  : response
                      .request()
                      .newBuilder()
                      .header("Proxy-Authorization", credentials)
                      .build();
      builder
          .proxyAuthenticator(tunnel)
          .addInterceptor(
              chain -> {
                Request request = chain.request();
                // Plain http goes to the proxy as it is: the proxy reads the header itself. Never
                // on https: inside the tunnel the header would reach the site.
                return chain.proceed(
                    request.isHttps()
                        ? request
                        : request.newBuilder().header("Proxy-Authorization", credentials).build());
              });
    }
    return builder.build();
  }

  /**
   * The guard's refusal behind a failed call, when it refused an address at connect time (a name
   * that resolved to a non-public address after the caller's own check).
   */
  public static Optional<AddressRefusedException> refusalIn(Throwable failure) {
    for (Throwable t : chain(failure)) {
      if (t instanceof GuardDns.Refused refused) {
        return Optional.of(refused.refusal());
      }
      if (t instanceof AddressRefusedException refusal) {
        return Optional.of(refusal);
      }
    }
    return Optional.empty();
  }

  /**
   * The identity's proxy's failure behind a failed call (unreachable, TLS, credentials, a refused
   * tunnel or target), naming the proxy; empty when the call failed for another reason.
   */
  public Optional<UpstreamProxyException> proxyFailure(String identity, IOException failure) {
    for (Throwable t : chain(failure)) {
      if (t instanceof UpstreamProxyException e) {
        return Optional.of(e);
      }
    }
    UpstreamProxy proxy = routes.proxyOf(identity).orElse(null);
    if (proxy == null || proxy.scheme().equals("socks5")) {
      return Optional.empty();
    }
    for (Throwable t : chain(failure)) {
      String message = String.valueOf(t.getMessage());
      if (TUNNEL_FAILURES.stream().anyMatch(message::startsWith)) {
        return Optional.of(
            new UpstreamProxyException(
                "proxy "
                    + proxy.shown()
                    + " refused the tunnel: "
                    + UpstreamProxy.bounded(message)));
      }
    }
    return Optional.empty();
  }

  /**
   * The throwable, its causes and what was suppressed in them (OkHttp keeps other routes' there).
   */
  private static Set<Throwable> chain(Throwable failure) {
    Set<Throwable> seen = new java.util.LinkedHashSet<>();
    java.util.Deque<Throwable> todo = new java.util.ArrayDeque<>();
    if (failure != null) {
      todo.add(failure);
    }
    while (!todo.isEmpty() && seen.size() < 32) {
      Throwable t = todo.poll();
      if (!seen.add(t)) {
        continue;
      }
      if (t.getCause() != null) {
        todo.add(t.getCause());
      }
      todo.addAll(java.util.List.of(t.getSuppressed()));
    }
    return seen;
  }

  /** Drops every pooled connection. */
  @Override
  public void close() {
    for (Way way : new HashSet<>(ways.values())) {
      way.client().connectionPool().evictAll();
    }
    ways.clear();
  }
}
