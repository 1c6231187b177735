package com.mallrank.crawler.fetch.browser;

import com.mallrank.crawler.net.Connector;
import com.mallrank.crawler.net.GuardProxy;
import com.mallrank.crawler.net.ProxyRoutes;
import com.mallrank.crawler.net.UpstreamProxy;
import com.mallrank.crawler.net.UpstreamProxyException;
import com.mallrank.crawler.politeness.AddressGuard;
import com.mallrank.crawler.politeness.AddressRefusedException;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.options.Proxy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One worker thread's Playwright, browser, identity contexts and guard proxy (Chromium sends every
 * request through it, {@code <-loopback>} so loopback is not bypassed). Playwright is not
 * thread-safe: a session is used only by the thread that created it (and closed by the fetcher once
 * the workers are done). The browser is launched lazily, reused across pages, and relaunched when
 * it died or after {@link BrowserSettings#relaunchAfterPages()}; each identity's context is
 * recycled after {@link BrowserSettings#recycleAfterPages()}.
 */
final class BrowserSession implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(BrowserSession.class);

  private final BrowserSettings settings;
  private final BrowserCounters counters;
  private final GuardProxy proxy;
  private final Playwright playwright;
  private final Map<String, IdentityContext> contexts = new HashMap<>();
  private final ProxyRoutes routes;
  private final IdentityDevices devices;
  private final Map<String, OwnProxy> identityProxies = new HashMap<>();
  private GuardProxy currentProxy;
  private Browser browser;
  private IdentityContext current;
  private int pagesSinceLaunch;
  private boolean closed;

  /**
   * @param connector opens the guard proxy's connections to checked addresses
   * @throws UncheckedIOException when the guard proxy cannot listen
   */
  BrowserSession(BrowserSettings settings, BrowserCounters counters, Connector connector) {
    this(settings, counters, connector, ProxyRoutes.none(), IdentityDevices.none());
  }

  /**
   * @param routes each identity's own upstream proxy: such an identity gets its own guard proxy
   *     (tunnelling only through its upstream) and a browser context set to it
   * @param devices each identity's own device, locale, time zone and place
   */
  BrowserSession(
      BrowserSettings settings,
      BrowserCounters counters,
      Connector connector,
      ProxyRoutes routes,
      IdentityDevices devices) {
    this.settings = settings;
    this.counters = counters;
    this.routes = routes;
    this.devices = devices;
    try {
      this.proxy = GuardProxy.start(connector, settings.timeouts().navigation());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the browser's guard proxy", e);
    }
    // Playwright must never try to download a browser: the network is closed.
    try {
      this.playwright =
          Playwright.create(
              new Playwright.CreateOptions()
                  .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    } catch (RuntimeException e) {
      proxy.close();
      throw e;
    }
    counters.sessions.incrementAndGet();
  }

  /**
   * Opens a page as {@code identity}, its requests guarded by {@code guard} (the route and the
   * proxy; the page's own requests by {@link AddressGuard#subrequests()}) until {@link #release}.
   *
   * @param storageState the identity's storage state file, or {@code null}
   */
  Page open(String identity, Path storageState, AddressGuard guard) {
    GuardProxy way = proxyOf(identity);
    IdentityContext context = contexts.get(identity);
    if (context == null) {
      context =
          IdentityContext.create(
              browser(),
              settings,
              storageState,
              devices.deviceOf(identity).orElse(null),
              way == proxy ? null : way.url());
      contexts.put(identity, context);
      counters.contextsCreated.incrementAndGet();
      log.debug("new browser context for identity {}", identity);
    }
    counters.pagesRendered.incrementAndGet();
    pagesSinceLaunch++;
    current = context;
    currentProxy = way;
    way.clearRefusals();
    // The proxy cannot tell a navigation from a page's own request: it applies the wider of the
    // two lists (the route and the render check the navigation against the allow-list itself).
    way.use(guard == null ? null : guard.subrequests());
    context.requests().use(guard);
    return context.page();
  }

  /**
   * What the guard refused during the current page that makes it no result: the route's reported
   * refusals (the navigation, non-public addresses), then the proxy's refusals of non-public
   * addresses (redirect hops). The proxy's other refusals are Chromium's own background requests
   * (off the allow-list, never private) unless {@code navigationFailed}: then they are the reason.
   */
  List<AddressRefusedException> refusals(boolean navigationFailed) {
    List<AddressRefusedException> all = new ArrayList<>();
    if (current != null) {
      all.addAll(current.requests().refusals());
    }
    GuardProxy way = currentProxy == null ? proxy : currentProxy;
    for (AddressRefusedException e : way.refusals()) {
      if (e.rule() == AddressRefusedException.Rule.PRIVATE_ADDRESS) {
        all.add(e);
      }
    }
    if (navigationFailed) {
      all.addAll(way.refusals());
    }
    return all;
  }

  /** The current identity's own proxy failures during the current page (oldest first). */
  List<UpstreamProxyException> networkFailures() {
    return currentProxy == null ? List.of() : currentProxy.networkFailures();
  }

  /**
   * The guard proxy of the identity: its own (started once per session, connecting only through its
   * upstream proxy) or the browser's shared one.
   */
  private GuardProxy proxyOf(String identity) {
    UpstreamProxy upstream = routes.proxyOf(identity).orElse(null);
    OwnProxy own = identityProxies.get(identity);
    if (own != null && !own.upstream().equals(upstream)) {
      // The plan changed this identity's proxy: its context was made for the old one.
      identityProxies.remove(identity);
      own.guard().close();
      IdentityContext stale = contexts.remove(identity);
      if (stale != null) {
        closeQuietly(stale);
      }
      own = null;
    }
    if (upstream == null) {
      return proxy;
    }
    if (own == null) {
      try {
        own =
            new OwnProxy(
                upstream, GuardProxy.start(upstream.connector(), settings.timeouts().navigation()));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start the guard proxy of " + identity, e);
      }
      identityProxies.put(identity, own);
    }
    return own.guard();
  }

  /** An identity's own guard proxy and the upstream proxy it tunnels through. */
  private record OwnProxy(UpstreamProxy upstream, GuardProxy guard) {}

  /**
   * Done with the identity's page: keeps the tab after a success, closes it after a failure, and
   * recycles what has served its quota.
   */
  void release(String identity, boolean succeeded) {
    // Between pages nothing leaves: a leftover script's request is refused.
    proxy.use(null);
    if (currentProxy != null) {
      currentProxy.use(null);
    }
    currentProxy = null;
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
    closeBrowser();
    try {
      playwright.close();
    } catch (PlaywrightException e) {
      log.warn("closing Playwright failed: {}", e.getMessage());
    } finally {
      proxy.close();
      identityProxies.values().forEach(own -> own.guard().close());
      identityProxies.clear();
    }
  }

  private Browser browser() {
    if (browser != null && !browser.isConnected()) {
      log.warn("the browser disconnected; launching a new one");
      closeBrowser();
    }
    if (browser == null) {
      browser =
          playwright
              .chromium()
              .launch(
                  new BrowserType.LaunchOptions()
                      .setExecutablePath(settings.executable())
                      .setHeadless(settings.headless())
                      .setArgs(settings.launchArgs())
                      // Every request goes through the guard proxy, loopback included.
                      .setProxy(new Proxy(proxy.url()).setBypass("<-loopback>"))
                      .setTimeout(settings.timeouts().launch().toMillis()));
      counters.browsersLaunched.incrementAndGet();
      pagesSinceLaunch = 0;
      log.debug("launched {} {}", settings.executable(), browser.version());
    }
    return browser;
  }

  private void closeBrowser() {
    contexts.values().forEach(BrowserSession::closeQuietly);
    contexts.clear();
    if (browser != null) {
      try {
        browser.close();
      } catch (PlaywrightException e) {
        log.debug("closing the browser failed: {}", e.getMessage());
      }
      browser = null;
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
