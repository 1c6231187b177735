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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.IntFunction;

/**
 * The sandbox mall served over HTTP on a loopback port, in-process. Pages are rendered from {@link
 * SandboxWorld} at the {@link SandboxClock}'s current slot for the identity in cookie {@value
 * #IDENTITY_COOKIE}, unless a {@link Fault} is switched on.
 *
 * <p>Routes (v1): {@code GET /search?keyword=…} (the server-rendered result page), {@code GET
 * /product/<id>} (a minimal detail page), {@code GET /login?uid=…} (sets the identity cookie and
 * redirects to {@code /}), {@code GET /} (links to every keyword). Every mall page (the index, the
 * result pages, the app shell) shows who is logged in, as a real mall does: {@code #user-info} with
 * the account's nickname when the mall knows the searcher's session, {@code #login-entry} when not
 * (a logged-out visitor, or a session it forgot: {@link Faults#expireSession}). {@code GET /login}
 * without {@code uid} is the QR login page, with {@code /login/scan} and {@code /login/poll} (see
 * {@link QrLoginDesk}); once scanned it moves on to {@code /}, or with {@code ?via=redirect} to
 * {@code /login/next}, which answers 302 to {@code /} (a login whose last step is a redirect).
 *
 * <p>Routes (v2, the single-page app): {@code GET /spa/search?keyword=…[&api=v2]} serves an app
 * shell whose inline script renders the grid from {@code GET
 * /api/search?keyword=…&cursor=…&count=10} (or {@code /api/v2/search} with {@code api=v2}), 10
 * cards per load, on scroll or on the "加载更多" button (see {@link SpaPageRenderer}). The API answers,
 * for the same identity cookie:
 *
 * <pre>{@code
 * {"status_code":0,"status_msg":"success","data":{"keyword":"…","items":[
 *   {"product_id":"3698…","title":"…","shop":{"shop_id":"7210…","shop_name":"…"},
 *    "price":29900,            // fen
 *    "cos_ratio":1250,         // basis points on /api/search; 12.5 (percent) on /api/v2/search
 *    "cover":{"url_list":["http://127.0.0.1:<port>/obj/ecom-shop-material/<key>.jpeg~…?x-expires=…",
 *                         "https://p3-ecom.sandbox-img.test/obj/ecom-shop-material/<key>.jpeg~…"]},
 *    "sales_label":"已售1.2万","is_ad":false}, …],
 *  "cursor":10,"has_more":true,"total":60}}
 * }</pre>
 *
 * <p>Faults on v2: {@link Fault#HTTP_429}, {@link Fault#HTTP_500}, {@link Fault#SLOW}, {@link
 * Fault#TRUNCATED} and {@link Fault#OVERSIZED} hit the shell and the API alike; {@link
 * Fault#CAPTCHA} ({@code status_code} {@value SearchApiRenderer#STATUS_VERIFY} with a {@code
 * verify} object), {@link Fault#LOGIN_WALL} ({@code status_code} {@value
 * SearchApiRenderer#STATUS_LOGIN}), {@link Fault#EMPTY} (no items, {@code has_more} false) and
 * {@link Fault#LAYOUT_CHANGED} ({@code data.goods_list[]} with {@code goods_id}, {@code name},
 * {@code store}, {@code min_price}, {@code commission}, {@code img}, {@code imgs}, {@code
 * sold_text}, {@code promo}; {@code next_cursor}; {@code has_more} 0/1) hit the API, and the shell
 * shows the v1 marker for them. A scheduled redesign ({@link Faults#redesignAt}) serves, from its
 * slot on, the redesigned v1 page ({@code article.pd-card}) and the {@code goods_list} answers to
 * every keyword. The main image is served by the mall itself under {@code /obj/ecom-shop-material/}
 * (a distinct PNG per image key, {@link PictureRenderer}) and the app's font under {@code
 * /static/}, so a test can count what a browser loaded ({@link #served}).
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

  /**
   * The hosts of the simulated image CDN, as an address-guard pattern: nothing resolves them; the
   * mall answers their paths itself ({@code <base>/obj/…}).
   */
  public static final String IMAGE_HOSTS = "*.sandbox-img.test";

  /**
   * The link that completes a QR login as {@code account}: the mall has no phone app, so opening
   * the code's link with {@code &uid=<account>} is the scan.
   */
  public static String scanAs(String qrLink, String account) {
    return qrLink + "&uid=" + account;
  }

  /**
   * The session cookie the mall rotates on every search page of a logged-in searcher, when {@link
   * #rotateSessionCookie} is on: {@code s1}, {@code s2}, … (a new value each time, 30 days).
   */
  public static final String SESSION_COOKIE = "sandbox_session";

  /**
   * The {@code msToken} of the signed retry link on the captcha and changed-layout search pages
   * (what evidence must strip).
   */
  public static final String SIGNED_MS_TOKEN = "Sbx7mTokQk9vLr2XwP4n";

  /** The {@code a_bogus} of that link. */
  public static final String SIGNED_A_BOGUS = "Dfx0bGsbx1YqW8ZzT3mA";

  /** The {@code Retry-After} seconds of {@link Fault#HTTP_429}. */
  public static final int RETRY_AFTER_SECONDS = 30;

  /** The share of a page (in characters) that {@link Fault#TRUNCATED} sends. */
  public static final int TRUNCATED_PERCENT = 60;

  /** What the mall counts, so a test can check what a client asked for ({@link #served}). */
  public enum Served {
    /** {@code /search} pages, faults included. */
    SEARCH_PAGES,
    /** {@code /spa/search} documents (the app shell), faults included. */
    SPA_SHELLS,
    /** {@code /api/search} and {@code /api/v2/search} answers. */
    API_ANSWERS,
    /** Main images ({@code /obj/ecom-shop-material/…}). */
    IMAGES,
    /** Font files ({@code /static/*.woff2}). */
    FONTS,
    /** Requests to the script host, the mall's second listener ({@link #scriptPort()}). */
    SCRIPT_REQUESTS,
    /** "为你推荐" feed answers of the selection page (its list before a search). */
    SELECTION_FEED_ANSWERS,
    /** Selection list calls that carried the signing SDK's signature (and were answered). */
    SELECTION_SIGNED_CALLS,
    /** Selection list calls refused for a missing or wrong signature. */
    SELECTION_UNSIGNED_CALLS
  }

  private static final String HTML = "text/html; charset=utf-8";
  private static final String JSON = "application/json; charset=utf-8";

  static {
    // The JDK server writes headers and body separately; with Nagle's algorithm and delayed ACKs
    // every small response then waits ~40 ms on loopback. The sandbox simulates latency on purpose
    // only (Fault.SLOW). Read once, when the JDK's server config class loads.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final SandboxWorld world;
  private final SandboxClock clock;
  private final Faults faults = new Faults();
  private final AtomicLong imageNonce = new AtomicLong();
  private final AtomicLongArray served = new AtomicLongArray(Served.values().length);
  private final PictureRenderer pictures = new PictureRenderer();
  private final QrLoginDesk qrLogin = new QrLoginDesk();
  private final AtomicLong sessions = new AtomicLong();
  private volatile boolean rotateSessions;
  private volatile String lastSession;
  private final SearchPageRenderer renderer;
  private final SpaPageRenderer spaRenderer = new SpaPageRenderer();
  private final SearchApiRenderer apiRenderer;
  private final SelectionTarget selection;
  private final HttpServer server;
  private final HttpServer scriptServer;
  private final ExecutorService executor;
  private final List<String> scriptCookies = new CopyOnWriteArrayList<>();
  private volatile String scriptOrigin;
  private volatile boolean feedAfterSearch;

  private SandboxMall(SandboxWorld world, SandboxClock clock, int port) throws IOException {
    this.world = world;
    this.clock = clock;
    this.renderer =
        new SearchPageRenderer(
            key ->
                ImageKeys.signedUrl(
                    key, imageNonce.incrementAndGet(), clock.now().getEpochSecond()));
    this.apiRenderer = new SearchApiRenderer(this::signedImageUrls);
    this.selection =
        new SelectionTarget(
            world,
            clock,
            faults,
            this::signedImageUrls,
            new AtomicLong(7_000_000L)::incrementAndGet,
            qrLogin,
            this::count);
    this.server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    // The selection page's signing SDK comes from another host, as 百应's does (§8).
    this.scriptServer =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
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
    scriptServer.setExecutor(executor);
    scriptServer.createContext("/", this::script);
    server.start();
    scriptServer.start();
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

  /**
   * The URL of the single-page app (v2) for a keyword; its API gives commission in basis points.
   */
  public String spaUrl(String keyword) {
    return baseUrl() + "/spa/search?keyword=" + URLEncoder.encode(keyword, StandardCharsets.UTF_8);
  }

  /**
   * The URL of the single-page app whose API ({@code /api/v2/search}) gives commission in percent.
   */
  public String spaPercentUrl(String keyword) {
    return spaUrl(keyword) + "&api=v2";
  }

  /**
   * The "selection" page (a 百应 stand-in: QR login, search box and button, a POST signed by an SDK
   * from another host, a feed before the search, the first screen again on scroll, results in an
   * inner scroll container); see {@link SelectionTarget}.
   */
  public String selectionUrl() {
    return baseUrl() + SelectionTarget.PAGE_PATH;
  }

  /**
   * Where the selection page loads its signing SDK from: {@code http://localhost:<port>} of the
   * mall's second listener by default (another host name than {@link #baseUrl()}'s).
   */
  public String selectionScriptOrigin() {
    String origin = scriptOrigin;
    return origin != null ? origin : "http://localhost:" + scriptServer.getAddress().getPort();
  }

  /**
   * Names the selection page's script host otherwise (a test resolving a public-looking name to
   * {@link #scriptPort()}); {@code null} restores the default.
   */
  public void setSelectionScriptOrigin(String origin) {
    scriptOrigin = origin;
  }

  /** The loopback port of the script host, the mall's second listener. */
  public int scriptPort() {
    return scriptServer.getAddress().getPort();
  }

  /** The {@code Cookie} header of each request the script host was sent ({@code ""}: none). */
  public List<String> scriptCookies() {
    return List.copyOf(scriptCookies);
  }

  /** Makes the selection page refresh a feed (a list call with an empty text) after each search. */
  public void setSelectionFeedAfterSearch(boolean on) {
    feedAfterSearch = on;
  }

  private void script(HttpExchange exchange) throws IOException {
    try (exchange) {
      count(Served.SCRIPT_REQUESTS);
      scriptCookies.add(
          String.join("; ", exchange.getRequestHeaders().getOrDefault("Cookie", List.of())));
      if (exchange.getRequestURI().getPath().equals(SelectionTarget.SCRIPT_PATH)) {
        // Not cached: a test counts one request per page.
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        send(exchange, 200, "application/javascript; charset=utf-8", SelectionTarget.SDK_SCRIPT);
      } else {
        send(exchange, 404, "text/plain; charset=utf-8", "not found");
      }
    }
  }

  /** Pins the simulated time (pages then show the slot of {@code time}). */
  public void setTime(Instant time) {
    clock.set(time);
  }

  /** Returns to real time. */
  public void useRealTime() {
    clock.useRealTime();
  }

  /**
   * Turns on (or off) the rotation of {@value #SESSION_COOKIE}: every search page (v1 or app shell)
   * served to a searcher with an identity cookie sets a new value, as a real site renews a session.
   */
  public void rotateSessionCookie(boolean on) {
    rotateSessions = on;
  }

  /** The value of {@value #SESSION_COOKIE} the mall set last, or {@code null}. */
  public String lastSessionCookie() {
    return lastSession;
  }

  private void rotateSession(HttpExchange exchange) {
    if (rotateSessions && identity(exchange) != null) {
      String value = "s" + sessions.incrementAndGet();
      lastSession = value;
      exchange
          .getResponseHeaders()
          .add("Set-Cookie", SESSION_COOKIE + "=" + value + "; Path=/; Max-Age=2592000; HttpOnly");
    }
  }

  /** The faults switched on; change them at any time. */
  public Faults faults() {
    return faults;
  }

  /** How many times the mall served {@code what} since it started. */
  public long served(Served what) {
    return served.get(what.ordinal());
  }

  private void count(Served what) {
    served.incrementAndGet(what.ordinal());
  }

  /** Stops the server immediately. */
  @Override
  public void close() {
    server.stop(0);
    scriptServer.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      URI uri = exchange.getRequestURI();
      String path = uri.getPath();
      Map<String, String> query = parseQuery(uri.getRawQuery());
      if (SelectionTarget.handles(path)) {
        selection.handle(
            exchange,
            path,
            identity(exchange),
            baseUrl(),
            selectionScriptOrigin(),
            feedAfterSearch);
      } else if (!"GET".equals(exchange.getRequestMethod())) {
        send(exchange, 405, "text/plain; charset=utf-8", "GET only");
      } else if (path.equals("/search")) {
        search(exchange, query.getOrDefault("keyword", ""));
      } else if (path.equals("/spa/search")) {
        spa(exchange, query.getOrDefault("keyword", ""), "v2".equals(query.get("api")));
      } else if (path.equals("/api/search") || path.equals("/api/v2/search")) {
        api(exchange, query, path.startsWith("/api/v2/"));
      } else if (path.startsWith(ImageKeys.PATH_PREFIX)) {
        count(Served.IMAGES);
        send(exchange, 200, "image/png", pictures.png(PictureRenderer.keyOf(path)));
      } else if (path.startsWith("/static/") && path.endsWith(".woff2")) {
        count(Served.FONTS);
        send(exchange, 200, "font/woff2", new byte[] {'w', 'O', 'F', '2'});
      } else if (path.startsWith("/product/")) {
        product(exchange, path.substring("/product/".length()));
      } else if (path.equals("/login") && !query.containsKey("uid")) {
        send(
            exchange,
            200,
            HTML,
            "redirect".equals(query.get("via"))
                ? qrLogin.page(baseUrl(), "/login/next")
                : qrLogin.page(baseUrl()));
      } else if (path.equals("/login/scan")
          && query.get("uid") == null
          && qrLogin.waiting(query.get("ticket"))) {
        send(exchange, 200, HTML, QrLoginDesk.chooser(query.get("ticket")));
      } else if (path.equals("/login/scan")) {
        boolean ok = qrLogin.scan(query.get("ticket"), query.get("uid"));
        send(exchange, ok ? 200 : 404, "text/plain; charset=utf-8", ok ? "扫码成功" : "二维码已失效");
      } else if (path.equals("/login/poll")) {
        String uid = qrLogin.poll(query.get("ticket")).orElse(null);
        if (uid != null) {
          exchange.getResponseHeaders().add("Set-Cookie", IDENTITY_COOKIE + "=" + uid + "; Path=/");
        }
        send(
            exchange,
            200,
            JSON,
            uid == null ? "{\"status\":\"waiting\"}" : "{\"status\":\"confirmed\"}");
      } else if (path.equals("/login/next")) {
        exchange.getResponseHeaders().add("Location", "/");
        send(exchange, 302, HTML, "");
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
        send(exchange, 200, HTML, index(identity(exchange)));
      } else {
        send(exchange, 404, "text/plain; charset=utf-8", "not found");
      }
    }
  }

  private void search(HttpExchange exchange, String keyword) throws IOException {
    count(Served.SEARCH_PAGES);
    rotateSession(exchange);
    Fault fault = faults.onSearch(keyword, identity(exchange)).orElse(null);
    if (answeredByStatusFault(exchange, fault, HTML, this::errorPage)) {
      return;
    }
    String identity = identity(exchange);
    List<SandboxCard> cards = world.results(keyword, clock.slot(), identity);
    boolean redesigned = faults.redesigned(clock.slot());
    String body =
        fault == null
            ? redesigned
                ? renderer.redesigned(keyword, cards, identity)
                : renderer.results(keyword, cards, identity)
            : switch (fault) {
              case CAPTCHA -> renderer.captcha(keyword, identity);
              case LOGIN_WALL -> renderer.loginWall(keyword);
              case LAYOUT_CHANGED -> renderer.layoutChanged(keyword, cards, identity);
              case EMPTY -> renderer.empty(keyword, identity);
              case SLOW -> renderer.results(keyword, cards, identity);
              case TRUNCATED -> truncate(renderer.results(keyword, cards, identity));
              case OVERSIZED -> padHtml(renderer.results(keyword, cards, identity));
              case HTTP_500, HTTP_429 -> throw new IllegalStateException("handled above");
            };
    send(exchange, 200, HTML, body);
  }

  private void spa(HttpExchange exchange, String keyword, boolean percentApi) throws IOException {
    count(Served.SPA_SHELLS);
    rotateSession(exchange);
    Fault fault = faults.onSearch(keyword, identity(exchange)).orElse(null);
    if (answeredByStatusFault(exchange, fault, HTML, this::errorPage)) {
      return;
    }
    String shell =
        spaRenderer.shell(
            keyword, percentApi ? "/api/v2/search" : "/api/search", identity(exchange));
    if (fault == Fault.TRUNCATED) {
      shell = truncate(shell);
    } else if (fault == Fault.OVERSIZED) {
      shell = padHtml(shell);
    }
    send(exchange, 200, HTML, shell);
  }

  private void api(HttpExchange exchange, Map<String, String> query, boolean percent)
      throws IOException {
    count(Served.API_ANSWERS);
    String keyword = query.getOrDefault("keyword", "");
    int cursor = intParam(query.get("cursor"), 0);
    int count = Math.min(Math.max(intParam(query.get("count"), 10), 1), 20);
    Fault fault = faults.active(keyword, identity(exchange)).orElse(null);
    if (answeredByStatusFault(exchange, fault, JSON, this::errorAnswer)) {
      return;
    }
    List<SandboxCard> cards = world.results(keyword, clock.slot(), identity(exchange));
    SearchApiRenderer.CommissionUnit unit =
        percent
            ? SearchApiRenderer.CommissionUnit.PERCENT
            : SearchApiRenderer.CommissionUnit.BASIS_POINTS;
    String body =
        fault == null
            ? faults.redesigned(clock.slot())
                ? apiRenderer.layoutChanged(cards, cursor, count)
                : apiRenderer.page(keyword, cards, cursor, count, unit)
            : switch (fault) {
              case CAPTCHA -> apiRenderer.verify();
              case LOGIN_WALL -> apiRenderer.loginRequired();
              case LAYOUT_CHANGED -> apiRenderer.layoutChanged(cards, cursor, count);
              case EMPTY -> apiRenderer.page(keyword, List.of(), 0, count, unit);
              case SLOW -> apiRenderer.page(keyword, cards, cursor, count, unit);
              case TRUNCATED -> truncate(apiRenderer.page(keyword, cards, cursor, count, unit));
              case OVERSIZED -> padJson(apiRenderer.page(keyword, cards, cursor, count, unit));
              case HTTP_500, HTTP_429 -> throw new IllegalStateException("handled above");
            };
    send(exchange, 200, JSON, body);
  }

  /** Local mirror URL, then CDN URL, of a freshly signed image, separated by a space. */
  private String signedImageUrls(String key) {
    URI cdn =
        URI.create(
            ImageKeys.signedUrl(key, imageNonce.incrementAndGet(), clock.now().getEpochSecond()));
    return baseUrl() + cdn.getRawPath() + "?" + cdn.getRawQuery() + " " + cdn;
  }

  /**
   * Answers {@link Fault#HTTP_500} and {@link Fault#HTTP_429} (with {@value #RETRY_AFTER_SECONDS} s
   * {@code Retry-After}) with {@code errorBody} of the status, and waits out {@link Fault#SLOW};
   * {@code true} when the request is answered.
   */
  private boolean answeredByStatusFault(
      HttpExchange exchange, Fault fault, String contentType, IntFunction<String> errorBody)
      throws IOException {
    if (fault == Fault.HTTP_500) {
      send(exchange, 500, contentType, errorBody.apply(500));
      return true;
    }
    if (fault == Fault.HTTP_429) {
      exchange.getResponseHeaders().add("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
      send(exchange, 429, contentType, errorBody.apply(429));
      return true;
    }
    if (fault == Fault.SLOW) {
      pause();
    }
    return false;
  }

  /** The HTML page of an error status (500, 429). */
  private String errorPage(int status) {
    return status == 500 ? renderer.serverError() : renderer.tooManyRequests();
  }

  /** The API's answer with an error status (500, 429). */
  private String errorAnswer(int status) {
    return apiRenderer.error(status, status == 500 ? "服务器开小差了，请稍后再试" : "请求过于频繁，请稍后再试");
  }

  private void pause() throws IOException {
    try {
      Thread.sleep(faults.slowDelay().toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while slow", e);
    }
  }

  private static String truncate(String body) {
    return body.substring(0, body.length() * TRUNCATED_PERCENT / 100);
  }

  private String padHtml(String html) {
    int missing = faults.oversizedBytes() - html.getBytes(StandardCharsets.UTF_8).length - 7;
    if (missing <= 0) {
      return html;
    }
    int at = html.lastIndexOf("</body>");
    return html.substring(0, at) + "<!--" + "x".repeat(missing) + "-->" + html.substring(at);
  }

  private String padJson(String json) {
    int missing = faults.oversizedBytes() - json.getBytes(StandardCharsets.UTF_8).length - 13;
    if (missing <= 0) {
      return json;
    }
    return json.substring(0, json.length() - 1) + ",\"padding\":\"" + "x".repeat(missing) + "\"}";
  }

  private static int intParam(String value, int fallback) {
    try {
      return value == null ? fallback : Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  private void product(HttpExchange exchange, String productId) throws IOException {
    try {
      send(exchange, 200, HTML, renderer.product(world.state(productId, clock.slot())));
    } catch (NoSuchElementException e) {
      send(exchange, 404, "text/plain; charset=utf-8", "no such product");
    }
  }

  private String index(String identity) {
    StringBuilder sb = new StringBuilder("<!doctype html><html lang=\"zh-CN\"><head>");
    sb.append("<meta charset=\"utf-8\"><title>抖音商城 (sandbox)</title></head><body>");
    sb.append(SearchPageRenderer.viewer(identity));
    sb.append("<ul>\n");
    for (String keyword : world.keywords()) {
      sb.append("<li><a href=\"/search?keyword=")
          .append(URLEncoder.encode(keyword, StandardCharsets.UTF_8))
          .append("\">")
          .append(SearchPageRenderer.esc(keyword))
          .append("</a></li>\n");
    }
    return sb.append("</ul></body></html>\n").toString();
  }

  /**
   * The searcher the mall knows by its identity cookie, or {@code null} (anonymous): also for a
   * cookie whose session the mall forgot ({@link Faults#expireSession}).
   */
  private String identity(HttpExchange exchange) {
    for (String header : exchange.getRequestHeaders().getOrDefault("Cookie", List.of())) {
      for (String part : header.split(";")) {
        String[] kv = part.trim().split("=", 2);
        if (kv.length == 2 && kv[0].equals(IDENTITY_COOKIE)) {
          String uid = URLDecoder.decode(kv[1], StandardCharsets.UTF_8);
          return faults.sessionExpired(uid) ? null : uid;
        }
      }
    }
    return null;
  }

  /** A query's parameters, decoded; the first value of each. */
  static Map<String, String> parseQuery(String rawQuery) {
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
    send(exchange, status, contentType, body.getBytes(StandardCharsets.UTF_8));
  }

  private static void send(HttpExchange exchange, int status, String contentType, byte[] bytes)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }
}
