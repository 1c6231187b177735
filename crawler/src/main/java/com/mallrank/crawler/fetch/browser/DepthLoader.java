package com.mallrank.crawler.fetch.browser;

import com.fasterxml.jackson.core.JsonPointer;
import com.mallrank.crawler.fetch.FetchException;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.options.ViewportSize;
import java.time.Duration;

/**
 * Loads a result page to depth: scrolls to the bottom (infinite scroll: the window, the cards'
 * scrollable container, a wheel over the last card, see {@link DeepScroll}) and, when that brings
 * nothing, clicks "load more", until {@link RenderOptions#targetCount()} listings are there, the
 * results say they ended, or {@value #MAX_IDLE_ROUNDS} rounds of scroll and click bring no growth
 * within {@link BrowserTimeouts#growth()} each. A round after one that brought nothing makes the
 * stronger gesture ({@link DeepScroll#unstick}: scroll events, and a viewport shrunk until the
 * document can scroll), so a list shorter than the window that loads on the window's {@code scroll}
 * event still loads; the viewport is given back when loading ends.
 */
final class DepthLoader {

  private static final double POLL_MILLIS = 50;

  /** Rounds of scroll + "load more" that bring nothing before loading stops. */
  static final int MAX_IDLE_ROUNDS = 2;

  private final Page page;
  private final RenderOptions options;
  private final CapturedResponses captured;
  private final JsonPointer items;
  private final JsonPointer hasMore;
  private final JsonPointer itemId;
  private final Deadline deadline;
  private final BrowserTimeouts timeouts;

  /**
   * @param captured the capture of this page, or {@code null} in {@link RenderMode#DOM}
   */
  DepthLoader(
      Page page,
      RenderOptions options,
      CapturedResponses captured,
      Deadline deadline,
      BrowserTimeouts timeouts) {
    this.page = page;
    this.options = options;
    this.captured = captured;
    this.items =
        captured != null && options.itemsPointer() != null
            ? JsonPointer.compile(options.itemsPointer())
            : null;
    this.hasMore =
        captured != null && options.hasMorePointer() != null
            ? JsonPointer.compile(options.hasMorePointer())
            : null;
    this.itemId =
        captured != null && options.itemIdPointer() != null
            ? JsonPointer.compile(options.itemIdPointer())
            : null;
    this.deadline = deadline;
    this.timeouts = timeouts;
  }

  /** Waits for the first listings or markers after navigation. */
  void awaitFirstContent() throws FetchException {
    if (options.waitForSelector() != null) {
      try {
        page.waitForSelector(
            options.waitForSelector(),
            new Page.WaitForSelectorOptions()
                .setState(com.microsoft.playwright.options.WaitForSelectorState.ATTACHED)
                .setTimeout(deadline.millis(timeouts.waitForSelector())));
      } catch (com.microsoft.playwright.TimeoutError e) {
        // Not fatal: the page is returned as it is and the extractor says what it is.
      }
    } else if (captured != null) {
      waitUntil(captured::any, timeouts.waitForSelector());
    }
    if (captured != null) {
      // The first response may still be on its way while the DOM marker is already shown.
      waitUntil(captured::any, timeouts.growth());
      captured.drain();
    }
  }

  /** Loads more until the target, the end, or no growth; returns the listings counted. */
  int load() throws FetchException {
    ViewportSize original = null;
    try {
      int count = count();
      int idle = 0;
      // A page without a single listing (captcha, login wall, empty) has nothing to scroll.
      while (count > 0 && count < options.targetCount() && !ended()) {
        checkDeadline();
        if (idle == 0) {
          DeepScroll.once(page, options.cardSelector());
        } else {
          ViewportSize before = DeepScroll.unstick(page, options.cardSelector());
          original = original == null ? before : original;
        }
        int grown = awaitGrowth(count);
        if (grown == count && options.loadMoreSelector() != null && !ended()) {
          Locator button = page.locator(options.loadMoreSelector()).first();
          if (button.isVisible()) {
            button.click(new Locator.ClickOptions().setTimeout(deadline.millis(timeouts.growth())));
            grown = awaitGrowth(count);
          }
        }
        if (grown == count) {
          if (++idle >= MAX_IDLE_ROUNDS) {
            break;
          }
          continue; // a slow next page, or a window that cannot scroll: the stronger gesture
        }
        idle = 0;
        count = grown;
      }
      return count;
    } finally {
      restore(original);
    }
  }

  /** Gives the page its viewport back after {@link DeepScroll#unstick} shrank it. */
  private void restore(ViewportSize original) {
    if (original != null) {
      try {
        page.setViewportSize(original.width, original.height);
      } catch (PlaywrightException e) {
        // the page is gone or navigated on; the next page of this tab starts from the context's
      }
    }
  }

  private int awaitGrowth(int before) throws FetchException {
    long end = System.nanoTime() + timeouts.growth().toNanos();
    while (System.nanoTime() < end) {
      checkDeadline();
      page.waitForTimeout(POLL_MILLIS);
      int now = count();
      if (now > before || ended()) {
        return now;
      }
    }
    return count();
  }

  private int count() throws FetchException {
    if (captured != null) {
      captured.drain();
      if (items != null) {
        return captured.itemCount(items, itemId);
      }
    }
    return page.locator(options.cardSelector()).count();
  }

  private boolean ended() {
    if (captured != null && hasMore != null && Boolean.FALSE.equals(captured.hasMore(hasMore))) {
      return true;
    }
    return options.endSelector() != null && page.locator(options.endSelector()).count() > 0;
  }

  private void waitUntil(java.util.function.BooleanSupplier condition, Duration max)
      throws FetchException {
    long end = System.nanoTime() + max.toNanos();
    while (!condition.getAsBoolean() && System.nanoTime() < end) {
      checkDeadline();
      page.waitForTimeout(POLL_MILLIS);
    }
  }

  private void checkDeadline() throws FetchException {
    deadline.check(page.url());
  }
}
