package com.mallrank.crawler.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The sandbox mall served over HTTP on a loopback port, in-process. Pages are rendered from {@link
 * SandboxWorld} at the {@link SandboxClock}'s current slot for the identity in cookie {@value
 * #IDENTITY_COOKIE}, unless a {@link Fault} is switched on.
 *
 * <p>Routes: {@code GET /search?keyword=…} (the result page), {@code GET /product/<id>} (a minimal
 * detail page), {@code GET /login?uid=…} (sets the identity cookie and redirects to {@code /}),
 * {@code GET /} (links to every keyword).
 *
 * <pre>{@code
 * try (SandboxMall mall = SandboxMall.start()) {
 *   mall.setTime(Instant.parse("2026-11-28T14:00:00Z"));
 *   String url = mall.searchUrl("加厚羽绒服女长款");
 *   List<SandboxCard> truth = mall.world().results("加厚羽绒服女长款", mall.clock().slot(), null);
 * }
 * }</pre>
 */
public final class SandboxMall implements AutoCloseable {

  /** The cookie carrying the searcher's identity; absent = anonymous. */
  public static final String IDENTITY_COOKIE = "sandbox_uid";

  /** The {@code Retry-After} seconds of {@link Fault#HTTP_429}. */
  public static final int RETRY_AFTER_SECONDS = 30;

  private static final String HTML = "text/html; charset=utf-8";

  private final SandboxWorld world;
  private final SandboxClock clock;
  private final Faults faults = new Faults();
  private final AtomicLong imageNonce = new AtomicLong();
  private final AtomicLong searchRequests = new AtomicLong();
  private final SearchPageRenderer renderer;
  private final HttpServer server;
  private final ExecutorService executor;

  private SandboxMall(SandboxWorld world, SandboxClock clock, int port) throws IOException {
    this.world = world;
    this.clock = clock;
    this.renderer =
        new SearchPageRenderer(
            key ->
                ImageKeys.signedUrl(
                    key, imageNonce.incrementAndGet(), clock.now().getEpochSecond()));
    this.server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    this.executor =
        Executors.newFixedThreadPool(
            4,
            r -> {
              Thread t = new Thread(r, "sandbox-mall");
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /** Starts the standard world on a random loopback port, following real time. */
  public static SandboxMall start() {
    return start(SandboxWorld.create(), new SandboxClock(), 0);
  }

  /**
   * Starts a mall.
   *
   * @param port the loopback port, 0 for a random free one
   */
  public static SandboxMall start(SandboxWorld world, SandboxClock clock, int port) {
    try {
      return new SandboxMall(world, clock, port);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the sandbox mall on port " + port, e);
    }
  }

  /** E.g. {@code http://127.0.0.1:41234}, without a trailing slash. */
  public String baseUrl() {
    InetSocketAddress address = server.getAddress();
    return "http://" + address.getAddress().getHostAddress() + ":" + address.getPort();
  }

  /** The search URL of a keyword. */
  public String searchUrl(String keyword) {
    return baseUrl() + "/search?keyword=" + URLEncoder.encode(keyword, StandardCharsets.UTF_8);
  }

  public SandboxWorld world() {
    return world;
  }

  public SandboxClock clock() {
    return clock;
  }

  /** Pins the simulated time (pages then show the slot of {@code time}). */
  public void setTime(Instant time) {
    clock.set(time);
  }

  /** Returns to real time. */
  public void useRealTime() {
    clock.useRealTime();
  }

  /** The faults switched on; change them at any time. */
  public Faults faults() {
    return faults;
  }

  /** How many {@code /search} requests were served, faults included. */
  public long searchRequests() {
    return searchRequests.get();
  }

  /** Stops the server immediately. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      URI uri = exchange.getRequestURI();
      String path = uri.getPath();
      Map<String, String> query = parseQuery(uri.getRawQuery());
      if (!"GET".equals(exchange.getRequestMethod())) {
        send(exchange, 405, "text/plain; charset=utf-8", "GET only");
      } else if (path.equals("/search")) {
        search(exchange, query.getOrDefault("keyword", ""));
      } else if (path.startsWith("/product/")) {
        product(exchange, path.substring("/product/".length()));
      } else if (path.equals("/login")) {
        String uid = query.getOrDefault("uid", "");
        exchange
            .getResponseHeaders()
            .add(
                "Set-Cookie",
                IDENTITY_COOKIE
                    + "="
                    + URLEncoder.encode(uid, StandardCharsets.UTF_8)
                    + "; Path=/");
        exchange.getResponseHeaders().add("Location", "/");
        send(exchange, 302, HTML, "");
      } else if (path.equals("/")) {
        send(exchange, 200, HTML, index());
      } else {
        send(exchange, 404, "text/plain; charset=utf-8", "not found");
      }
    }
  }

  private void search(HttpExchange exchange, String keyword) throws IOException {
    searchRequests.incrementAndGet();
    Fault fault = faults.active(keyword).orElse(null);
    if (fault == Fault.HTTP_500) {
      send(exchange, 500, HTML, renderer.serverError());
      return;
    }
    if (fault == Fault.HTTP_429) {
      exchange.getResponseHeaders().add("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
      send(exchange, 429, HTML, renderer.tooManyRequests());
      return;
    }
    String identity = identity(exchange);
    List<SandboxCard> cards = world.results(keyword, clock.slot(), identity);
    String body =
        fault == null
            ? renderer.results(keyword, cards)
            : switch (fault) {
              case CAPTCHA -> renderer.captcha(keyword);
              case LOGIN_WALL -> renderer.loginWall(keyword);
              case LAYOUT_CHANGED -> renderer.layoutChanged(keyword, cards);
              case EMPTY -> renderer.empty(keyword);
              case HTTP_500, HTTP_429 -> throw new IllegalStateException("handled above");
            };
    send(exchange, 200, HTML, body);
  }

  private void product(HttpExchange exchange, String productId) throws IOException {
    try {
      send(exchange, 200, HTML, renderer.product(world.state(productId, clock.slot())));
    } catch (NoSuchElementException e) {
      send(exchange, 404, "text/plain; charset=utf-8", "no such product");
    }
  }

  private String index() {
    StringBuilder sb = new StringBuilder("<!doctype html><html lang=\"zh-CN\"><head>");
    sb.append("<meta charset=\"utf-8\"><title>抖音商城 (sandbox)</title></head><body><ul>\n");
    for (String keyword : world.keywords()) {
      sb.append("<li><a href=\"/search?keyword=")
          .append(URLEncoder.encode(keyword, StandardCharsets.UTF_8))
          .append("\">")
          .append(SearchPageRenderer.esc(keyword))
          .append("</a></li>\n");
    }
    return sb.append("</ul></body></html>\n").toString();
  }

  private static String identity(HttpExchange exchange) {
    for (String header : exchange.getRequestHeaders().getOrDefault("Cookie", List.of())) {
      for (String part : header.split(";")) {
        String[] kv = part.trim().split("=", 2);
        if (kv.length == 2 && kv[0].equals(IDENTITY_COOKIE)) {
          return URLDecoder.decode(kv[1], StandardCharsets.UTF_8);
        }
      }
    }
    return null;
  }

  private static Map<String, String> parseQuery(String rawQuery) {
    Map<String, String> result = new LinkedHashMap<>();
    if (rawQuery == null) {
      return result;
    }
    for (String pair : rawQuery.split("&")) {
      String[] kv = pair.split("=", 2);
      String key = URLDecoder.decode(kv[0], StandardCharsets.UTF_8);
      result.putIfAbsent(
          key, kv.length == 2 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
    }
    return result;
  }

  private static void send(HttpExchange exchange, int status, String contentType, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }
}
