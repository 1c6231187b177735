package com.mallrank.crawler.fetch.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;

/**
 * Where a worker thread's browser session gets its browser (a hook, as OkHttp's): by default its
 * own Playwright and Chromium ({@link #own()}, what production uses); a test JVM may hand every
 * fetcher on its main thread one Chromium it keeps running. Playwright is not thread-safe: a source
 * serves the thread that asked {@link PlaywrightFetcher#withBrowserSource} for it, and only that
 * one.
 */
public interface BrowserSource extends AutoCloseable {

  /**
   * A connected browser started with exactly {@code options} (Chromium without a network of its
   * own: see {@link PlaywrightFetcher}).
   */
  Browser launch(BrowserType.LaunchOptions options);

  /**
   * The session is done with a browser {@link #launch} gave it; its contexts are already closed. A
   * source that started the browser for the session closes it.
   */
  void release(Browser browser);

  /** The session ends: a source that started a Playwright for it closes it. */
  @Override
  void close();

  /** A Playwright and Chromium of the session's own, started on first launch. */
  static BrowserSource own() {
    return new OwnBrowser();
  }
}
