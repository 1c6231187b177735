package com.mallrank.crawler.fetch.browser;

import java.time.Duration;
import java.util.Objects;

/**
 * Every wait of a page render is bounded by one of these; none is unbounded. Production takes them
 * from {@code crawler.browser.timeouts.*} ({@code application.yml}).
 *
 * @param launch starting the browser
 * @param navigation until the main document's DOM is loaded
 * @param waitForSelector until {@link RenderOptions#waitForSelector()} appears; when it does not,
 *     the page is returned as it is (it may be a captcha page for the extractor to classify)
 * @param growth after a scroll or a "load more" click, until more listings appear; no growth in
 *     this time means the results ended
 * @param page the whole render, from navigation to the returned body; exceeding it is a {@link
 *     com.mallrank.crawler.fetch.FetchException}
 */
public record BrowserTimeouts(
    Duration launch,
    Duration navigation,
    Duration waitForSelector,
    Duration growth,
    Duration page) {

  public BrowserTimeouts {
    for (Duration d : new Duration[] {launch, navigation, waitForSelector, growth, page}) {
      Objects.requireNonNull(d, "timeout");
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("timeouts must be positive: " + d);
      }
    }
  }

  public BrowserTimeouts withNavigation(Duration value) {
    return new BrowserTimeouts(launch, value, waitForSelector, growth, page);
  }

  public BrowserTimeouts withWaitForSelector(Duration value) {
    return new BrowserTimeouts(launch, navigation, value, growth, page);
  }

  public BrowserTimeouts withGrowth(Duration value) {
    return new BrowserTimeouts(launch, navigation, waitForSelector, value, page);
  }

  public BrowserTimeouts withPage(Duration value) {
    return new BrowserTimeouts(launch, navigation, waitForSelector, growth, value);
  }
}
