package com.mallrank.crawler.fetch.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link BrowserSource#own()}: one Playwright per session, a browser per launch, both closed. */
final class OwnBrowser implements BrowserSource {

  private static final Logger log = LoggerFactory.getLogger(OwnBrowser.class);

  private Playwright playwright;

  @Override
  public Browser launch(BrowserType.LaunchOptions options) {
    if (playwright == null) {
      // Playwright must never try to download a browser: the network is closed.
      playwright =
          Playwright.create(
              new Playwright.CreateOptions()
                  .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }
    return playwright.chromium().launch(options);
  }

  @Override
  public void release(Browser browser) {
    try {
      browser.close();
    } catch (PlaywrightException e) {
      log.debug("closing the browser failed: {}", e.getMessage());
    }
  }

  @Override
  public void close() {
    if (playwright != null) {
      try {
        playwright.close();
      } catch (PlaywrightException e) {
        log.warn("closing Playwright failed: {}", e.getMessage());
      }
      playwright = null;
    }
  }
}
