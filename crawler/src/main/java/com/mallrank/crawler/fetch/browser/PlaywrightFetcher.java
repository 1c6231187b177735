package com.mallrank.crawler.fetch.browser;

import com.mallrank.crawler.fetch.CookieJar;
import com.mallrank.crawler.fetch.FetchException;
import com.mallrank.crawler.fetch.FetchRequest;
import com.mallrank.crawler.fetch.FetchResponse;
import com.mallrank.crawler.fetch.Fetcher;
import com.mallrank.crawler.fetch.RefusedFetchException;
import com.mallrank.crawler.net.Connector;
import com.mallrank.crawler.net.HttpClients;
import com.mallrank.crawler.net.ProxyRoutes;
import com.mallrank.crawler.net.UpstreamProxyException;
import com.mallrank.crawler.politeness.AddressRefusedException;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.TimeoutError;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.ScreenshotType;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Fetcher} that renders pages in headless Chromium (Playwright for Java), for result pages
 * built by JavaScript.
 *
 * <p>Each worker thread gets its own Playwright and browser on first use (Playwright is not
 * thread-safe; a {@link BrowserSource} may hand a test thread a browser it keeps running); the
 * browser is reused across pages. Each identity gets its own browser context: {@link
 * FetchRequest#ANONYMOUS} a clean one, a matrix account one loaded from its {@link StorageStates
 * storage state file}; contexts are recycled after {@link BrowserSettings#recycleAfterPages()}
 * pages. A non-anonymous identity without a storage state file and without request cookies is
 * refused ({@link FetchException}) rather than silently searched anonymously: that would record
 * someone else's ranking under the account.
 *
 * <p>Chromium has no network of its own: every request of a page is checked by a {@link
 * RequestGuard} route against the request's {@link com.mallrank.crawler.politeness.Gate#guard()
 * guard} and fetched on the identity's own client ({@link HttpClients}: the guard deciding every
 * address when it connects, the identity's proxy), redirect hops included; a page whose navigation
 * was refused, or that reached for a non-public address, is a {@link RefusedFetchException}, as is
 * a navigation of more than {@code maxRedirects} redirects. Request cookies are added to the
 * context with their own domain, path, {@code Secure} flag and expiry (only for identities without
 * a login state file: one with a file has its cookies in its context). After each page that
 * rendered, an identity's refreshed login state is saved back to its file ({@link LoginStateSaver}:
 * 0600, atomic), so cookies the site rotated are kept.
 *
 * <p>The response: the final URL, the main document's HTTP status, {@code Retry-After}, and as body
 * the rendered DOM ({@link RenderMode#DOM}) or the captured JSON responses ({@link
 * RenderMode#CAPTURE}). Error statuses are responses; timeouts, browser failures and pages over
 * {@link BrowserSettings#maxPageBytes()} are {@link FetchException}s.
 *
 * <pre>{@code
 * RenderOptions options = RenderOptions.capture("**&#47;api/search?*", "/data/items", "/data/has_more")
 *     .withWaitForSelector(".goods-card, #captcha-verify, .login-guide, .search-empty");
 * try (PlaywrightFetcher fetcher =
 *     new PlaywrightFetcher(settings, options, StorageStates.inDirectory(dir), Connector.direct(), 5)) {
 *   Gate gate = Gate.unpaced(profile.search().guard());
 *   FetchResponse r = fetcher.fetch(new FetchRequest(url, "mx-hangzhou", CookieJar.empty(), gate));
 * }
 * }</pre>
 *
 * <p>Thread-safe; call {@link #close()} once every worker is done with it.
 */
public final class PlaywrightFetcher implements Fetcher {

  private static final Logger log = LoggerFactory.getLogger(PlaywrightFetcher.class);

  private final BrowserSettings settings;
  private final RenderOptions defaults;
  private final StorageStates storageStates;
  private final HttpClients clients;
  private final IdentityDevices devices;
  private final int maxRedirects;
  private final BrowserCounters counters = new BrowserCounters();
  private final ThreadLocal<BrowserSession> threadSession = new ThreadLocal<>();
  private final Queue<BrowserSession> sessions = new ConcurrentLinkedQueue<>();
  private final Supplier<BrowserSource> browsers;
  private volatile boolean closed;

  /**
   * @param defaults the render options of {@link #fetch(FetchRequest)}
   * @param storageStates where each matrix account's saved login is
   * @param connector opens the connections of pages' requests to checked addresses (tests map
   *     public-looking addresses to loopback)
   * @param maxRedirects the most redirects a navigation may take
   */
  public PlaywrightFetcher(
      BrowserSettings settings,
      RenderOptions defaults,
      StorageStates storageStates,
      Connector connector,
      int maxRedirects) {
    this(
        settings,
        defaults,
        storageStates,
        connector,
        maxRedirects,
        ProxyRoutes.none(),
        IdentityDevices.none());
  }

  /**
   * @param routes each identity's own upstream proxy: its pages go only through it, and a proxy
   *     that fails makes the page an error naming the proxy, never a direct fetch
   * @param devices each identity's own device, locale, time zone and place
   */
  public PlaywrightFetcher(
      BrowserSettings settings,
      RenderOptions defaults,
      StorageStates storageStates,
      Connector connector,
      int maxRedirects,
      ProxyRoutes routes,
      IdentityDevices devices) {
    this(
        settings,
        defaults,
        storageStates,
        new HttpClients(connector, routes),
        maxRedirects,
        devices);
  }

  /**
   * @param clients the identities' ways out (shared with the static fetcher and the image downloads
   *     of the process)
   */
  public PlaywrightFetcher(
      BrowserSettings settings,
      RenderOptions defaults,
      StorageStates storageStates,
      HttpClients clients,
      int maxRedirects,
      IdentityDevices devices) {
    this(settings, defaults, storageStates, clients, maxRedirects, devices, BrowserSource::own);
  }

  private PlaywrightFetcher(
      BrowserSettings settings,
      RenderOptions defaults,
      StorageStates storageStates,
      HttpClients clients,
      int maxRedirects,
      IdentityDevices devices,
      Supplier<BrowserSource> browsers) {
    this.browsers = Objects.requireNonNull(browsers, "browsers");
    this.clients = Objects.requireNonNull(clients, "clients");
    this.devices = Objects.requireNonNull(devices, "devices");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.defaults = Objects.requireNonNull(defaults, "defaults");
    this.storageStates = Objects.requireNonNull(storageStates, "storageStates");
    this.maxRedirects = maxRedirects;
  }

  /**
   * This fetcher with its sessions' browsers from {@code browsers} (asked once per worker thread,
   * on that thread) instead of each session's own Playwright and Chromium: for a test JVM that
   * keeps one Chromium for every fetcher. Call before the first fetch.
   */
  public PlaywrightFetcher withBrowserSource(Supplier<BrowserSource> browsers) {
    if (!sessions.isEmpty()) {
      throw new IllegalStateException("the fetcher has already started a browser");
    }
    return new PlaywrightFetcher(
        settings, defaults, storageStates, clients, maxRedirects, devices, browsers);
  }

  /** Renders with the default {@link RenderOptions}. */
  @Override
  public FetchResponse fetch(FetchRequest request) throws FetchException {
    return fetch(request, defaults);
  }

  /** Renders with the given options (e.g. another depth or capture pattern for one site). */
  public FetchResponse fetch(FetchRequest request, RenderOptions options) throws FetchException {
    return fetch(request, options, response -> false);
  }

  /**
   * Renders with the given options and, when {@code screenshotIf} says the response is a failure
   * (no ranks), takes a JPEG screenshot of the page before its tab is reused or closed: evidence of
   * what was on screen. A screenshot over {@link #MAX_SCREENSHOT_BYTES} or one that fails is left
   * out; the response stays.
   */
  public FetchResponse fetch(
      FetchRequest request, RenderOptions options, Predicate<FetchResponse> screenshotIf)
      throws FetchException {
    if (closed) {
      throw new IllegalStateException("fetcher is closed");
    }
    String url = request.url().toString();
    Path storageState = storageStateOf(request);
    BrowserSession session;
    Page page;
    try {
      session = session();
      page = session.open(request.identity(), storageState, request.gate().guard());
    } catch (PlaywrightException | UncheckedIOException e) {
      throw new FetchException(url, "cannot start the browser: " + firstLine(e), e);
    }
    boolean succeeded = false;
    try {
      // An identity with a login state has its cookies in its context (newer than the request's
      // copy when the site rotated them); request cookies are for identities without one.
      if (storageState == null && !request.cookies().isEmpty()) {
        // Each cookie keeps its own domain, path, Secure flag and expiry: Chromium sends it only
        // where it belongs, never to the host of whatever URL is being fetched.
        page.context().addCookies(cookies(request.cookies()));
      }
      FetchResponse response;
      try {
        response =
            new PageRender(
                    page,
                    settings,
                    options,
                    maxRedirects,
                    request.gate().guard(),
                    session.requests())
                .render(url);
      } catch (PlaywrightException | FetchException e) {
        throwIfProxyFailed(url, request.identity(), session);
        throwIfRefused(url, session);
        throwIfNavigationFailed(url, session, e);
        throw e;
      }
      throwIfProxyFailed(url, request.identity(), session);
      throwIfRefused(url, session);
      response = response.withCookieNames(cookieNames(page, response.url()));
      if (screenshotIf.test(response)) {
        response = response.withScreenshot(screenshot(page));
      }
      log.debug(
          "rendered {} as {}: HTTP {}, {} chars in {} ms",
          url,
          request.identity(),
          response.httpStatus(),
          response.body().length(),
          response.elapsed().toMillis());
      succeeded = true;
      if (storageState != null) {
        LoginStateSaver.saveBack(page.context(), storageState);
      }
      return response;
    } catch (TimeoutError e) {
      throw new FetchException(url, "timed out: " + firstLine(e), e);
    } catch (PlaywrightException e) {
      throw new FetchException(url, "browser error: " + firstLine(e), e);
    } finally {
      session.release(request.identity(), succeeded);
    }
  }

  /** The names (never the values) of the cookies the context holds for the page's URL. */
  private static Set<String> cookieNames(Page page, String pageUrl) {
    Set<String> names = new LinkedHashSet<>();
    try {
      page.context().cookies(pageUrl).forEach(c -> names.add(c.name));
    } catch (PlaywrightException e) {
      log.debug("cookies of {} not readable: {}", pageUrl, firstLine(e));
    }
    return names;
  }

  /** The largest screenshot kept (JPEG of the viewport). */
  public static final int MAX_SCREENSHOT_BYTES = 1024 * 1024;

  private static byte[] screenshot(Page page) {
    try {
      byte[] bytes =
          page.screenshot(
              new Page.ScreenshotOptions()
                  .setType(ScreenshotType.JPEG)
                  .setQuality(60)
                  .setFullPage(false)
                  .setTimeout(5_000));
      return bytes.length <= MAX_SCREENSHOT_BYTES ? bytes : null;
    } catch (PlaywrightException e) {
      log.debug("screenshot failed: {}", firstLine(e));
      return null;
    }
  }

  /** Counts over every thread so far. */
  public BrowserStats stats() {
    return counters.snapshot();
  }

  public BrowserSettings settings() {
    return settings;
  }

  /**
   * Closes the calling thread's browser and Playwright, for a worker thread that is about to end;
   * its next fetch starts a new one.
   */
  public void releaseCurrentThread() {
    BrowserSession session = threadSession.get();
    threadSession.remove();
    if (session != null) {
      sessions.remove(session);
      session.close();
    }
  }

  /** Closes every thread's browser and Playwright. Call once no fetch is running. */
  @Override
  public void close() {
    closed = true;
    BrowserSession session;
    while ((session = sessions.poll()) != null) {
      try {
        session.close();
      } catch (RuntimeException e) {
        log.warn("closing a browser session failed: {}", e.getMessage());
      }
    }
    threadSession.remove();
  }

  private BrowserSession session() {
    BrowserSession session = threadSession.get();
    if (session == null || session.isClosed()) {
      session =
          new BrowserSession(settings, counters, clients, maxRedirects, devices, browsers.get());
      threadSession.set(session);
      sessions.add(session);
    }
    return session;
  }

  private Path storageStateOf(FetchRequest request) throws FetchException {
    if (FetchRequest.ANONYMOUS.equals(request.identity())) {
      return null;
    }
    Path file;
    try {
      file = storageStates.fileOf(request.identity()).orElse(null);
    } catch (SecretStateFiles.InsecureStateException e) {
      // a login state open to others is never used, and the error names the file
      throw new FetchException(request.url().toString(), e.getMessage());
    }
    if (file != null && !Files.isReadable(file)) {
      throw new FetchException(
          request.url().toString(),
          "storage state of identity " + request.identity() + " is not readable");
    }
    if (file == null && request.cookies().isEmpty()) {
      throw new FetchException(
          request.url().toString(),
          "no storage state and no cookies for identity " + request.identity());
    }
    return file;
  }

  /**
   * A page during which the identity's own proxy failed is an error with the proxy's reason (the
   * request was aborted; nothing went direct).
   */
  private static void throwIfProxyFailed(String url, String identity, BrowserSession session)
      throws FetchException {
    List<UpstreamProxyException> failures = session.networkFailures();
    if (!failures.isEmpty()) {
      throw new FetchException(
          url, "the proxy of identity " + identity + " failed: " + failures.get(0).getMessage());
    }
  }

  /** A page that had a request refused is no result: the sample says refused, with the rule. */
  private static void throwIfRefused(String url, BrowserSession session)
      throws RefusedFetchException {
    List<AddressRefusedException> refusals = session.refusals();
    if (!refusals.isEmpty()) {
      AddressRefusedException first = refusals.get(0);
      throw new RefusedFetchException(url, "refused: " + first.getMessage(), first);
    }
  }

  /**
   * A navigation whose document could not be fetched says why (a timeout, a document over {@link
   * BrowserSettings#maxPageBytes()}, a connection failure) rather than Chromium's "failed".
   */
  private static void throwIfNavigationFailed(String url, BrowserSession session, Exception e)
      throws FetchException {
    String why = session.requests().navigationFailure();
    if (why != null) {
      Exception cause = session.requests().navigationFailureCause();
      throw new FetchException(url, why, cause != null ? cause : e);
    }
  }

  static List<Cookie> cookies(CookieJar jar) {
    return jar.all().stream().map(PlaywrightFetcher::cookie).toList();
  }

  private static Cookie cookie(com.mallrank.crawler.fetch.Cookie c) {
    // Playwright: a leading dot makes a domain cookie, none a host-only one.
    Cookie cookie =
        new Cookie(c.name(), c.value())
            .setDomain(c.hostOnly() ? c.domain() : "." + c.domain())
            .setPath(c.path())
            .setSecure(c.secure());
    if (c.expires() != null) {
      cookie.setExpires(c.expires().toEpochMilli() / 1000.0);
    }
    return cookie;
  }

  private static String firstLine(Exception e) {
    String message = String.valueOf(e.getMessage());
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
