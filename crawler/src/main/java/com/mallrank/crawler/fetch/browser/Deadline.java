package com.mallrank.crawler.fetch.browser;

import com.mallrank.crawler.fetch.FetchException;
import com.microsoft.playwright.Page;
import java.time.Duration;

/** The end of a page's total time budget; every wait is cut to what is left of it. */
final class Deadline {

  /** How long a page's polls wait between two looks. */
  private static final double POLL_MILLIS = 50;

  private final Duration budget;
  private final long endNanos;

  private Deadline(Duration budget) {
    this.budget = budget;
    this.endNanos = System.nanoTime() + budget.toNanos();
  }

  static Deadline after(Duration budget) {
    return new Deadline(budget);
  }

  /** Throws when the budget is spent: the one message of a render that ran out of time. */
  void check(Page page) throws FetchException {
    check(page.url());
  }

  /** {@link #check(Page)} naming {@code url} (the requested page, once the render is over). */
  void check(String url) throws FetchException {
    if (expired()) {
      throw new FetchException(url, "page render exceeded " + budget.toMillis() + " ms");
    }
  }

  /** One step of a poll: {@link #check}, then a short wait on the page. */
  void pause(Page page) throws FetchException {
    check(page);
    page.waitForTimeout(POLL_MILLIS);
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
