package com.mallrank.crawler.net;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallrank.crawler.fetch.CookieJar;
import com.mallrank.crawler.fetch.Fetcher;
import com.mallrank.crawler.fetch.browser.PlaywrightFetcher;
import com.mallrank.crawler.model.SampleStatus;
import com.mallrank.crawler.politeness.AddressGuard;
import com.mallrank.crawler.profile.SiteProfile;
import com.mallrank.crawler.sampler.KeywordSampler;
import com.mallrank.crawler.sampler.SampleResult;
import com.mallrank.crawler.sampler.SamplerSettings;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;

/**
 * A hostile little internet on loopback. {@value #MALL} and {@value #OTHER} resolve (through the
 * injected {@link #resolver()}) to public-looking addresses, which the test {@link #connector()}
 * maps to two local servers; the hostile targets (loopback, private, metadata, 6to4, Teredo, ...)
 * are mapped to a third, <em>internal</em> server that counts every request that reaches it: a
 * guard that works leaves it at zero. Any other address fails closed: no test can reach a real one.
 */
public final class HostileNet implements AutoCloseable {

  public static final String MALL = "mall.example";
  public static final String OTHER = "other.example";

  /** Resolves to a public-looking address for the first lookup, to loopback for every later one. */
  public static final String REBIND = "rebind.example";

  static final String MALL_ADDRESS = "93.184.216.34";
  static final String OTHER_ADDRESS = "93.184.216.35";

  /** Targets a page may redirect to that must never be reached, as URLs. */
  public static final List<String> HOSTILE_HOSTS =
      List.of(
          "127.0.0.1",
          "2130706433",
          "10.0.0.1",
          "169.254.169.254",
          "192.0.0.192",
          "[::1]",
          "[2002:7f00:1::1]",
          "[2001:0:4136:e378:8000:63bf:3fff:fdd2]",
          "[fd00:ec2::254]",
          "[::ffff:127.0.0.1]");

  /** A server seen from inside: what reached it. */
  public static final class Server {
    final HttpServer http;
    public final AtomicInteger requests = new AtomicInteger();
    public final List<String> paths = new CopyOnWriteArrayList<>();
    public final List<String> cookies = new CopyOnWriteArrayList<>();

    /** The Host and Connection headers of each request, as "host|connection". */
    public final List<String> hostAndConnection = new CopyOnWriteArrayList<>();

    Server(HttpServer http) {
      this.http = http;
    }

    public int port() {
      return http.getAddress().getPort();
    }

    /** Forgets what reached it so far. */
    public void reset() {
      requests.set(0);
      paths.clear();
      cookies.clear();
      hostAndConnection.clear();
    }

    /** The Cookie headers of requests other than the favicon's. */
    public List<String> pageCookies() {
      List<String> result = new java.util.ArrayList<>();
      for (int i = 0; i < paths.size(); i++) {
        if (!paths.get(i).startsWith("/favicon")) {
          result.add(cookies.get(i));
        }
      }
      return result;
    }

    void record(HttpExchange exchange) {
      requests.incrementAndGet();
      paths.add(exchange.getRequestURI().toString());
      String cookie = exchange.getRequestHeaders().getFirst("Cookie");
      cookies.add(cookie == null ? "" : cookie);
      hostAndConnection.add(
          exchange.getRequestHeaders().getFirst("Host")
              + "|"
              + exchange.getRequestHeaders().getFirst("Connection"));
    }
  }

  public final Server mall;
  public final Server other;
  public final Server internal;
  private final AtomicInteger rebindLookups = new AtomicInteger();

  public HostileNet() {
    try {
      mall = new Server(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
      other = new Server(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
      internal = new Server(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    mall.http.createContext("/", ex -> serveMall(mall, ex));
    other.http.createContext("/", ex -> serveMall(other, ex));
    internal.http.createContext(
        "/",
        ex -> {
          internal.record(ex);
          send(ex, 200, "text/html; charset=utf-8", "internal secrets".getBytes(), Map.of());
        });
    mall.http.start();
    other.http.start();
    internal.http.start();
  }

  /** {@code http://mall.example/redirect?to=<target>}. */
  public static String redirectTo(String target) {
    return "http://" + MALL + "/redirect?to=" + URLEncoder.encode(target, StandardCharsets.UTF_8);
  }

  /** A URL of the internal server under a hostile host form. */
  public String hostileUrl(String host, String path) {
    return "http://" + host + ":" + internal.port() + path;
  }

  private void serveMall(Server server, HttpExchange ex) throws IOException {
    server.record(ex);
    String path = ex.getRequestURI().getPath();
    String query = ex.getRequestURI().getRawQuery();
    String to = param(query, "to");
    if (path.equals("/redirect") && to != null) {
      send(ex, 302, "text/plain", new byte[0], Map.of("Location", to));
    } else if (path.startsWith("/chain/")
        && (param(query, "stop") == null
            || Integer.parseInt(path.substring("/chain/".length()))
                < Integer.parseInt(param(query, "stop")))) {
      // an endless chain, or one of "stop" redirects
      int hop = Integer.parseInt(path.substring("/chain/".length()));
      String next = "/chain/" + (hop + 1) + (query == null ? "" : "?" + query);
      send(ex, 302, "text/plain", new byte[0], Map.of("Location", next));
    } else if (path.equals("/fetcher") && to != null) {
      // The page's own script asks for the target, then says it is done.
      String html =
          "<!doctype html><html><head><meta charset=utf-8><title>shop</title></head><body>"
              + "<ul><li class=card data-id=1>one</li></ul><script>fetch("
              + jsString(to)
              + ").catch(() => 0).finally(() => document.body.insertAdjacentHTML('beforeend',"
              + " '<div id=done></div>'));</script></body></html>";
      send(ex, 200, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8), Map.of());
    } else if (path.equals("/img.png")) {
      send(ex, 200, "image/png", png(), Map.of());
    } else {
      String html =
          "<!doctype html><html><head><meta charset=utf-8><title>shop</title></head><body>"
              + "<ul><li class=card data-id=1>one</li></ul><div id=done></div></body></html>";
      send(ex, 200, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8), Map.of());
    }
  }

  /**
   * An unthrottled sampler (seeded, system time) whose name lookups go through {@link #resolver()}:
   * {@code fetcher} for static pages, {@code browser} (or null) for browser profiles.
   */
  public KeywordSampler sampler(Fetcher fetcher, PlaywrightFetcher browser) {
    return KeywordSampler.builder(fetcher, SamplerSettings.UNTHROTTLED)
        .browser(browser)
        .resolver(resolver())
        .random(new Random(1))
        .build();
  }

  /**
   * Samples {@code keyword} (a hostile URL as the search keyword, see {@link #hostileUrl}) from the
   * mall as the anonymous vantage and asserts the guard refused it in one attempt, naming {@code
   * detail}.
   */
  public SampleResult assertRefused(
      KeywordSampler sampler, SiteProfile profile, String keyword, String detail) {
    SampleResult result =
        sampler.sample(profile, "http://" + MALL, keyword, "anonymous", CookieJar.empty(), 20);
    assertThat(result.page().status()).isEqualTo(SampleStatus.ERROR);
    assertThat(result.page().evidence().marker()).isEqualTo("refused");
    assertThat(result.page().evidence().detail()).contains(detail);
    assertThat(result.attempts()).isEqualTo(1);
    return result;
  }

  /** The injected DNS: the two public-looking names, the rebinding name, literals; else unknown. */
  public AddressGuard.Resolver resolver() {
    return host -> {
      switch (host) {
        case MALL:
          return new InetAddress[] {InetAddress.getByName(MALL_ADDRESS)};
        case OTHER:
          return new InetAddress[] {InetAddress.getByName(OTHER_ADDRESS)};
        case REBIND:
          return new InetAddress[] {
            InetAddress.getByName(rebindLookups.getAndIncrement() == 0 ? MALL_ADDRESS : "127.0.0.1")
          };
        default:
          if (host.contains(":") || host.matches("[0-9.]+")) {
            return new InetAddress[] {InetAddress.getByName(host)}; // a literal: no lookup
          }
          throw new UnknownHostException(host);
      }
    };
  }

  /**
   * Public-looking addresses to their servers, every hostile target to the internal server (the
   * alarm), anything else refused: nothing leaves loopback.
   */
  public Connector connector() {
    return connector(mall.port(), other.port());
  }

  /**
   * The same, with {@value #MALL} and {@value #OTHER} served by other loopback ports (a sandbox
   * mall and its script host); the hostile targets still reach only the internal server.
   */
  public Connector connector(int mallPort, int otherPort) {
    return (address, port, timeoutMillis) -> {
      String a = address.getHostAddress();
      int local;
      if (a.equals(MALL_ADDRESS)) {
        local = mallPort;
      } else if (a.equals(OTHER_ADDRESS)) {
        local = otherPort;
      } else if (isHostileTarget(address)) {
        local = internal.port();
      } else {
        throw new ConnectException("test connector: " + a + " is not mapped (fails closed)");
      }
      Socket socket = new Socket();
      socket.connect(new InetSocketAddress("127.0.0.1", local), timeoutMillis);
      return socket;
    };
  }

  private static boolean isHostileTarget(InetAddress address) {
    for (String host : HOSTILE_HOSTS) {
      try {
        String literal = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (InetAddress.getByName(literal).equals(address)) {
          return true;
        }
      } catch (UnknownHostException e) {
        throw new IllegalStateException(e);
      }
    }
    return false;
  }

  /** Forgets what reached every server. */
  public void reset() {
    mall.reset();
    other.reset();
    internal.reset();
  }

  @Override
  public void close() {
    mall.http.stop(0);
    other.http.stop(0);
    internal.http.stop(0);
  }

  private static String param(String query, String name) {
    if (query == null) {
      return null;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).equals(name)) {
        return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  private static String jsString(String s) {
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'").replace("<", "\\x3c") + "'";
  }

  static byte[] png() {
    BufferedImage image = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 32; y++) {
      for (int x = 0; x < 32; x++) {
        image.setRGB(x, y, (x * 8) << 16 | (y * 8) << 8);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static void send(
      HttpExchange ex, int status, String type, byte[] body, Map<String, String> headers)
      throws IOException {
    ex.getResponseHeaders().set("Content-Type", type);
    headers.forEach((k, v) -> ex.getResponseHeaders().set(k, v));
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  /** The URI of a path on the mall. */
  public static URI mall(String path) {
    return URI.create("http://" + MALL + path);
  }
}
