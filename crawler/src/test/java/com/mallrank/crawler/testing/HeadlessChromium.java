package com.mallrank.crawler.testing;

import com.mallrank.crawler.fetch.browser.BrowserSettings;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.util.Map;

/**
 * A bare headless Debian Chromium for tests that open files mallrank wrote (HTML reports), not
 * pages it samples: no guard, no identity, the product's base switches. Skips the calling test when
 * Chromium is not installed. One per thread (Playwright's rule).
 */
public final class HeadlessChromium implements AutoCloseable {

  private final Playwright playwright;
  private final Browser browser;

  private HeadlessChromium(Playwright playwright, Browser browser) {
    this.playwright = playwright;
    this.browser = browser;
  }

  /** Launches it, or skips the calling test without Chromium. */
  public static HeadlessChromium launch() {
    BrowserFixture.assumeChromium();
    Playwright playwright =
        Playwright.create(
            new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    try {
      Browser browser =
          playwright
              .chromium()
              .launch(
                  new BrowserType.LaunchOptions()
                      .setExecutablePath(ApplicationDefaults.browser().executable())
                      .setHeadless(true)
                      .setArgs(BrowserSettings.BASE_ARGS));
      return new HeadlessChromium(playwright, browser);
    } catch (RuntimeException e) {
      playwright.close();
      throw e;
    }
  }

  public Browser browser() {
    return browser;
  }

  @Override
  public void close() {
    playwright.close();
  }
}
