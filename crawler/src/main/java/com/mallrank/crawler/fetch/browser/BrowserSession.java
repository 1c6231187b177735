package com.mallrank.crawler.fetch.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One worker thread's Playwright, browser and identity contexts. Playwright is not thread-safe: a
 * session is used only by the thread that created it (and closed by the fetcher once the workers
 * are done). The browser is launched lazily, reused across pages, and relaunched when it died or
 * after {@link BrowserSettings#relaunchAfterPages()}; each identity's context is recycled after
 * {@link BrowserSettings#recycleAfterPages()}.
 */
final class BrowserSession implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(BrowserSession.class);

  private final BrowserSettings settings;
  private final BrowserCounters counters;
  private final Playwright playwright;
  private final Map<String, IdentityContext> contexts = new HashMap<>();
  private Browser browser;
  private int pagesSinceLaunch;
  private boolean closed;

  BrowserSession(BrowserSettings settings, BrowserCounters counters) {
    this.settings = settings;
    this.counters = counters;
    // Playwright must never try to download a browser: the network is closed.
    this.playwright =
        Playwright.create(
            new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    counters.sessions.incrementAndGet();
  }

  /**
   * Opens a page as {@code identity}.
   *
   * @param storageState the identity's storage state file, or {@code null}
   */
  Page open(String identity, Path storageState) {
    IdentityContext context = contexts.get(identity);
    if (context == null) {
      context = IdentityContext.create(browser(), settings, storageState);
      contexts.put(identity, context);
      counters.contextsCreated.incrementAndGet();
      log.debug("new browser context for identity {}", identity);
    }
    counters.pagesRendered.incrementAndGet();
    pagesSinceLaunch++;
    return context.page();
  }

  /**
   * Done with the identity's page: keeps the tab after a success, closes it after a failure, and
   * recycles what has served its quota.
   */
  void release(String identity, boolean succeeded) {
    IdentityContext context = contexts.get(identity);
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
