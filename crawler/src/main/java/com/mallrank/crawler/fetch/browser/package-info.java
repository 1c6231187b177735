/**
 * The real-browser fetcher: {@link com.mallrank.crawler.fetch.browser.PlaywrightFetcher} drives a
 * headless Chromium through Playwright for Java, renders JavaScript result pages, scrolls or clicks
 * "load more" to the requested depth and returns either the rendered DOM or the JSON responses the
 * page fetched itself ({@link com.mallrank.crawler.fetch.browser.RenderMode}). Settings are plain
 * records: {@link com.mallrank.crawler.fetch.browser.BrowserSettings} per fetcher, {@link
 * com.mallrank.crawler.fetch.browser.RenderOptions} per page.
 *
 * <p>Threading: Playwright is not thread-safe, so every worker thread gets its own Playwright,
 * browser and contexts; nothing in a session is shared across threads. Where a session's browser
 * comes from is a hook ({@link com.mallrank.crawler.fetch.browser.BrowserSource}): its own by
 * default, one a test JVM keeps running for its test thread in the tests.
 */
package com.mallrank.crawler.fetch.browser;
