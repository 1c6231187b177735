package com.mallrank.crawler.fetch.browser;

import com.mallrank.crawler.net.HttpClients;
import com.mallrank.crawler.net.UpstreamProxy;
import com.mallrank.crawler.net.UpstreamProxyException;
import com.mallrank.crawler.politeness.AddressGuard;
import com.mallrank.crawler.politeness.AddressRefusedException;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.options.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One worker thread's browser (from its {@link BrowserSource}: by default its own Playwright and
 * Chromium) and identity contexts. Chromium has no network of its own ({@link #NO_NETWORK_ARGS},
 * {@link #NO_NETWORK_PROXY}): every request of a page is fetched by its context's {@link
 * RequestGuard} route on the identity's own client ({@link HttpClients}: the guard deciding every
 * address, the identity's proxy), and anything that is not routed (a redirect Chromium would follow
 * itself, a WebSocket, a favicon) fails. Playwright is not thread-safe: a session is used only by
 * the thread that created it (and closed by the fetcher once the workers are done). The browser is
 * launched lazily, reused across pages, and relaunched when it died or after {@link
 * BrowserSettings#relaunchAfterPages()}; each identity's context is recycled after {@link
 * BrowserSettings#recycleAfterPages()}.
 */
final class BrowserSession implements AutoCloseable {

  /**
   * Chromium resolves no name at all: a request that is not routed (and fetched in Java) can reach
   * nothing by name, not even the proxy below.
   */
  static final List<String> NO_NETWORK_ARGS = List.of("--host-resolver-rules=MAP * ~NOTFOUND");

  /**
   * Chromium's only way out, which goes nowhere ({@code .invalid} never resolves, and Chromium
   * resolves nothing): a request that is not routed, even to an IP address or loopback, fails.
   */
  static final String NO_NETWORK_PROXY = "http://no-network.invalid:9";

  private static final Logger log = LoggerFactory.getLogger(BrowserSession.class);

  private final BrowserSettings settings;
  private final BrowserCounters counters;
  private final BrowserSource browsers;
  private final Map<String, IdentityContext> contexts = new HashMap<>();
  private final Map<String, UpstreamProxy> contextProxies = new HashMap<>();
  private final HttpClients clients;
  private final int maxRedirects;
  private final IdentityDevices devices;
  private Browser browser;
  private IdentityContext current;
  private int pagesSinceLaunch;
  private boolean closed;

  /**
   * @param clients the identities' ways out (every request of a page is fetched on them)
   * @param maxRedirects the most redirects a page's own request may take
   * @param devices each identity's own device, locale, time zone and place
   * @param browsers where the session's browser comes from (used on this thread only)
   */
  BrowserSession(
      BrowserSettings settings,
      BrowserCounters counters,
      HttpClients clients,
      int maxRedirects,
      IdentityDevices devices,
      BrowserSource browsers) {
    this.settings = settings;
    this.counters = counters;
    this.clients = clients;
    this.maxRedirects = maxRedirects;
    this.devices = devices;
    this.browsers = browsers;
    counters.sessions.incrementAndGet();
  }

  /**
   * Opens a page as {@code identity}, its requests guarded by {@code guard} (the page's own
   * requests by {@link AddressGuard#subrequests()}) until {@link #release}.
   *
   * @param storageState the identity's storage state file, or {@code null}
   */
  Page open(String identity, Path storageState, AddressGuard guard) {
    UpstreamProxy proxy = clients.proxyOf(identity).orElse(null);
    IdentityContext context = contexts.get(identity);
    if (context != null && !Objects.equals(contextProxies.get(identity), proxy)) {
      // The plan changed this identity's proxy: its context (cookies, cache) was of the old one.
      contexts.remove(identity);
      closeQuietly(context);
      context = null;
    }
    if (context == null) {
      context =
          IdentityContext.create(
              browser(),
              settings,
              storageState,
              devices.deviceOf(identity).orElse(null),
              new IdentityContext.Network(clients, identity, maxRedirects));
      contexts.put(identity, context);
      contextProxies.put(identity, proxy);
      counters.contextsCreated.incrementAndGet();
      log.debug("new browser context for identity {}", identity);
    }
    counters.pagesRendered.incrementAndGet();
    pagesSinceLaunch++;
    current = context;
    context.requests().use(guard);
    return context.page();
  }

  /** The current page's request guard (its refusals, proxy failures and navigation redirects). */
  RequestGuard requests() {
    if (current == null) {
      throw new IllegalStateException("no page is open");
    }
    return current.requests();
  }

  /**
   * What the guard refused during the current page that makes it no result: the navigation (and
   * each of its hops), and any request to a non-public address (recorded when refused, or when the
   * guard's lookup refused it at connect time).
   */
  List<AddressRefusedException> refusals() {
    return current == null ? List.of() : current.requests().refusals();
  }

  /** The current identity's own proxy failures during the current page (oldest first). */
  List<UpstreamProxyException> networkFailures() {
    return current == null ? List.of() : current.requests().networkFailures();
  }

  /**
   * Done with the identity's page: keeps the tab after a success, closes it after a failure, and
   * recycles what has served its quota.
   */
  void release(String identity, boolean succeeded) {
    // Between pages nothing leaves: a leftover script's request is refused.
    IdentityContext context = contexts.get(identity);
    if (context != null) {
      context.requests().use(null);
    }
    current = null;
    if (context != null) {
      try {
        if (succeeded) {
          context.keepPage();
        } else {
          context.discardPage();
        }
      } catch (PlaywrightException e) {
        log.debug("resetting a page failed: {}", e.getMessage());
        discardQuietly(context);
      }
    }
    if (context != null && context.pagesServed() >= settings.recycleAfterPages()) {
      contexts.remove(identity);
      closeQuietly(context);
    }
    if (settings.relaunchAfterPages() > 0 && pagesSinceLaunch >= settings.relaunchAfterPages()) {
      closeBrowser();
    }
  }

  boolean isClosed() {
    return closed;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      closeBrowser();
    } finally {
      browsers.close();
    }
  }

  private Browser browser() {
    if (browser != null && !browser.isConnected()) {
      log.warn("the browser disconnected; launching a new one");
      closeBrowser();
    }
    if (browser == null) {
      browser =
          browsers.launch(
              new BrowserType.LaunchOptions()
                  .setExecutablePath(settings.executable())
                  .setHeadless(settings.headless())
                  .setArgs(launchArgs())
                  // Nothing leaves Chromium by itself, loopback included: see the class.
                  .setProxy(new Proxy(NO_NETWORK_PROXY).setBypass("<-loopback>"))
                  .setTimeout(settings.timeouts().launch().toMillis()));
      counters.browsersLaunched.incrementAndGet();
      pagesSinceLaunch = 0;
      log.debug("launched {} {}", settings.executable(), browser.version());
    }
    return browser;
  }

  private List<String> launchArgs() {
    List<String> args = new ArrayList<>(settings.launchArgs());
    args.addAll(NO_NETWORK_ARGS);
    return args;
  }

  private void closeBrowser() {
    contexts.values().forEach(BrowserSession::closeQuietly);
    contexts.clear();
    contextProxies.clear();
    if (browser != null) {
      Browser done = browser;
      browser = null;
      browsers.release(done);
    }
  }

  private static void discardQuietly(IdentityContext context) {
    try {
      context.discardPage();
    } catch (PlaywrightException e) {
      log.debug("closing a page failed: {}", e.getMessage());
    }
  }

  private static void closeQuietly(IdentityContext context) {
    try {
      context.close();
    } catch (PlaywrightException e) {
      log.debug("closing a browser context failed: {}", e.getMessage());
    }
  }
}
