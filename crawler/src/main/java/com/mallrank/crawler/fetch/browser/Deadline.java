package com.mallrank.crawler.fetch.browser;

import com.mallrank.crawler.fetch.FetchException;
import java.time.Duration;

/** The end of a page's total time budget; every wait is cut to what is left of it. */
final class Deadline {

  private final long endNanos;
  private final Duration budget;

  private Deadline(long endNanos, Duration budget) {
    this.endNanos = endNanos;
    this.budget = budget;
  }

  static Deadline after(Duration budget) {
    return new Deadline(System.nanoTime() + budget.toNanos(), budget);
  }

  /**
   * @throws FetchException "page render exceeded N ms" for the page at {@code url} once expired
   */
  void check(String url) throws FetchException {
    if (expired()) {
      throw new FetchException(url, "page render exceeded " + budget.toMillis() + " ms");
    }
  }

  boolean expired() {
    return System.nanoTime() >= endNanos;
  }

  /** {@code wait} cut to the time left, in milliseconds (at least 1, as Playwright wants). */
  double millis(Duration wait) {
    long left = Math.max(0, endNanos - System.nanoTime()) / 1_000_000;
    return Math.max(1, Math.min(wait.toMillis(), left));
  }
}
