package com.mallrank.crawler.fetch.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ServiceWorkerPolicy;
import java.nio.file.Path;

/**
 * One identity's browser context (its cookies and localStorage) and how many pages it has served
 * since it was created.
 */
final class IdentityContext implements AutoCloseable {

  private final BrowserContext context;
  private int pagesServed;

  private IdentityContext(BrowserContext context) {
    this.context = context;
  }

  /**
   * Creates the context.
   *
   * @param storageState the identity's storage state file, or {@code null} for a clean context
   */
  static IdentityContext create(Browser browser, BrowserSettings settings, Path storageState) {
    Emulation e = settings.emulation();
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
    BrowserContext context = browser.newContext(options);
    context.setDefaultNavigationTimeout(settings.timeouts().navigation().toMillis());
    context.setDefaultTimeout(settings.timeouts().waitForSelector().toMillis());
    if (settings.blockResources()) {
      context.route("**/*", ResourceBlocker::handle);
    }
    return new IdentityContext(context);
  }

  BrowserContext context() {
    return context;
  }

  Page newPage() {
    pagesServed++;
    return context.newPage();
  }

  int pagesServed() {
    return pagesServed;
  }

  @Override
  public void close() {
    context.close();
  }
}
