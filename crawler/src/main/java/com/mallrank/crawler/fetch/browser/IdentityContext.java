package com.mallrank.crawler.fetch.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ServiceWorkerPolicy;
import java.nio.file.Path;
import java.util.List;

/**
 * One identity's browser context (its cookies and localStorage), its reusable tab, its request
 * guard ({@link RequestGuard}), and how many pages it has served since it was created. The tab is
 * kept between pages because opening one starts a renderer process (~150 ms on a small machine); it
 * is replaced after a failed page.
 */
final class IdentityContext implements AutoCloseable {

  /** The identity's way out for its pages' requests. */
  record Network(com.mallrank.crawler.net.HttpClients clients, String identity, int maxRedirects) {}

  private final BrowserContext context;
  private final RequestGuard requests;
  private Page page;
  private int pagesServed;

  private IdentityContext(BrowserContext context, RequestGuard requests) {
    this.context = context;
    this.requests = requests;
  }

  /**
   * Creates the context.
   *
   * @param storageState the identity's storage state file, or {@code null} for a clean context
   * @param device the identity's own device, locale, time zone and place, or {@code null} for the
   *     settings' emulation
   * @param network fetches what the context's pages ask for: the identity's way out
   */
  static IdentityContext create(
      Browser browser,
      BrowserSettings settings,
      Path storageState,
      DeviceProfile device,
      Network network) {
    Emulation e = device == null ? settings.emulation() : device.emulation();
    Browser.NewContextOptions options =
        new Browser.NewContextOptions()
            .setViewportSize(e.viewportWidth(), e.viewportHeight())
            .setDeviceScaleFactor(e.deviceScaleFactor())
            .setIsMobile(e.isMobile())
            .setHasTouch(e.hasTouch())
            .setLocale(e.locale())
            // A service worker would fetch past the routes below.
            .setServiceWorkers(ServiceWorkerPolicy.BLOCK);
    if (e.userAgent() != null) {
      options.setUserAgent(e.userAgent());
    }
    if (storageState != null) {
      options.setStorageStatePath(storageState);
    }
    if (device != null) {
      options.setTimezoneId(device.timezone());
      if (device.hasGeolocation()) {
        options
            .setGeolocation(device.latitude(), device.longitude())
            .setPermissions(List.of("geolocation"));
      }
    }
    BrowserContext context = browser.newContext(options);
    context.setDefaultNavigationTimeout(settings.timeouts().navigation().toMillis());
    context.setDefaultTimeout(settings.timeouts().waitForSelector().toMillis());
    // Every request of every page of this context passes the guard (and the resource blocker),
    // and is fetched on the identity's own client: Chromium has no network of its own.
    RequestGuard requests =
        new RequestGuard(
            settings.blockResources(),
            new RouteFetch(
                network.clients(), network.identity(), context, settings, network.maxRedirects()));
    context.route("**/*", requests::handle);
    return new IdentityContext(context, requests);
  }

  BrowserContext context() {
    return context;
  }

  /** The route guard of this context's requests. */
  RequestGuard requests() {
    return requests;
  }

  /** The context's tab, opened when there is none. */
  Page page() {
    pagesServed++;
    if (page == null || page.isClosed()) {
      page = context.newPage();
      // A page's "leave this page?" prompt must never hold a tab open.
      page.onDialog(dialog -> dialog.dismiss());
    }
    return page;
  }

  /** Leaves the tab for the next page: blank, so the last page's scripts and requests stop. */
  void keepPage() {
    if (page != null && !page.isClosed()) {
      page.navigate("about:blank");
    }
  }

  /**
   * Closes the tab after a failed page; the next page gets a new one. The close is not awaited: a
   * tab still receiving an oversized or stalled response may take long to close (seen: forever
   * under load), and it is closed with its context at the latest.
   */
  void discardPage() {
    if (page != null && !page.isClosed()) {
      page.close(new Page.CloseOptions().setRunBeforeUnload(true));
    }
    page = null;
  }

  int pagesServed() {
    return pagesServed;
  }

  @Override
  public void close() {
    context.close();
  }
}
