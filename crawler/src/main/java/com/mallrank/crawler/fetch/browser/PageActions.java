package com.mallrank.crawler.fetch.browser;

import com.mallrank.crawler.fetch.FetchException;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a profile's page actions after navigation and before the page is read: fill the search box,
 * press Enter, wait for the result call. Why: on 精选联盟 the keyword goes into a search box and the
 * list is a POST the page's own script signs; no URL can be fetched instead.
 *
 * <p>The action that sends the search ({@link BrowserAction#search()}) empties the capture, so the
 * feed a page shows before a search is never taken for the keyword's results. When an action cannot
 * be done (its element never appears: a login page, a captcha, a changed layout), the rest are
 * skipped and the page is read as it is, so the profile's markers say what it is; if the search was
 * never sent, nothing is captured at all. Every wait is bounded by the render's deadline.
 */
final class PageActions {

  private static final Logger log = LoggerFactory.getLogger(PageActions.class);
  private static final int MAX_URLS = 5_000;
  private static final double POLL_MILLIS = 50;

  private final Page page;
  private final List<BrowserAction> actions;
  private final CapturedResponses captured;
  private final Deadline deadline;
  private final BrowserTimeouts timeouts;

  /** Responses to requests sent since the search action (or since the actions began). */
  private final List<String> responseUrls = new ArrayList<>();

  private final Set<Request> sentSinceMark = Collections.newSetFromMap(new IdentityHashMap<>());

  PageActions(
      Page page,
      List<BrowserAction> actions,
      CapturedResponses captured,
      Deadline deadline,
      BrowserTimeouts timeouts) {
    this.page = page;
    this.actions = actions;
    this.captured = captured;
    this.deadline = deadline;
    this.timeouts = timeouts;
  }

  /**
   * Runs the actions in order.
   *
   * @return whether every action was done
   * @throws FetchException when the render's deadline passes
   */
  boolean run() throws FetchException {
    if (actions.isEmpty()) {
      return true;
    }
    Consumer<Request> requests =
        request -> {
          if (sentSinceMark.size() < MAX_URLS) {
            sentSinceMark.add(request);
          }
        };
    Consumer<Response> listener =
        response -> {
          if (responseUrls.size() < MAX_URLS && sentSinceMark.contains(response.request())) {
            responseUrls.add(response.url());
          }
        };
    page.onRequest(requests);
    page.onResponse(listener);
    boolean searched = false;
    try {
      for (int i = 0; i < actions.size(); i++) {
        BrowserAction action = actions.get(i);
        checkDeadline();
        if (action.search()) {
          sentSinceMark.clear();
          responseUrls.clear();
          if (captured != null) {
            captured.startOver();
          }
          searched = true;
        }
        try {
          perform(action);
        } catch (PlaywrightException e) {
          log.info(
              "page action {} ({}) not done on {}: {}",
              i + 1,
              action.describe(),
              page.url(),
              firstLine(e.getMessage()));
          if (!searched && captured != null) {
            captured.close();
          }
          return false;
        }
      }
      return true;
    } finally {
      page.offResponse(listener);
      page.offRequest(requests);
    }
  }

  private void perform(BrowserAction action) throws FetchException {
    double timeout = deadline.millis(timeouts.waitForSelector());
    switch (action.kind()) {
      case FILL ->
          page.locator(action.selector())
              .first()
              .fill(action.text(), new Locator.FillOptions().setTimeout(timeout));
      case PRESS -> {
        if (action.selector() != null) {
          page.locator(action.selector())
              .first()
              .press(action.key(), new Locator.PressOptions().setTimeout(timeout));
        } else {
          page.keyboard().press(action.key());
        }
      }
      case CLICK ->
          page.locator(action.selector())
              .first()
              .click(new Locator.ClickOptions().setTimeout(timeout));
      case WAIT_FOR -> {
        if (action.selector() != null) {
          page.waitForSelector(
              action.selector(),
              new Page.WaitForSelectorOptions()
                  .setState(WaitForSelectorState.ATTACHED)
                  .setTimeout(timeout));
        } else {
          awaitResponse(UrlPattern.parse(action.responsePattern()), timeout);
        }
      }
      case SCROLL -> {
        if (action.selector() == null) {
          page.evaluate("() => window.scrollTo(0, document.scrollingElement.scrollHeight)");
        } else {
          page.locator(action.selector())
              .first()
              .evaluate(
                  "el => { el.scrollTop = el.scrollHeight; }",
                  null,
                  new Locator.EvaluateOptions().setTimeout(timeout));
        }
      }
      case WAIT -> page.waitForTimeout(Math.min(action.millis(), deadline.millis(timeouts.page())));
    }
  }

  /** Waits for a matching response to a request sent since the search action. */
  private void awaitResponse(UrlPattern pattern, double timeoutMillis) throws FetchException {
    long end = System.nanoTime() + (long) (timeoutMillis * 1_000_000);
    int checked = 0;
    while (true) {
      for (; checked < responseUrls.size(); checked++) {
        if (pattern.matches(responseUrls.get(checked))) {
          return;
        }
      }
      if (System.nanoTime() >= end) {
        throw new com.microsoft.playwright.TimeoutError(
            "no response matched the pattern within " + (long) timeoutMillis + " ms");
      }
      checkDeadline();
      page.waitForTimeout(POLL_MILLIS);
    }
  }

  private void checkDeadline() throws FetchException {
    deadline.check(page.url());
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
