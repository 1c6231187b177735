package com.mallrank.crawler.fetch.browser;

import com.mallrank.crawler.fetch.FetchException;
import com.mallrank.crawler.fetch.FetchResponse;
import com.mallrank.crawler.fetch.RefusedFetchException;
import com.mallrank.crawler.politeness.AddressGuard;
import com.mallrank.crawler.politeness.BodyTooLargeException;
import com.mallrank.crawler.politeness.RetryAfter;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.LoadState;
import com.microsoft.playwright.options.WaitUntilState;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Renders one page that is already open: navigate, check status and size, wait for content, load to
 * depth, return the DOM or the captured JSON. Playwright exceptions pass through; the fetcher maps
 * them.
 */
final class PageRender {

  private final Page page;
  private final BrowserSettings settings;
  private final RenderOptions options;
  private final Deadline deadline;
  private final long startNanos;

  private final int maxRedirects;
  private final AddressGuard navigation;
  private final RequestGuard requests;

  /**
   * @param maxRedirects the most redirects the navigation may take; more is a {@link
   *     RefusedFetchException}
   * @param navigation the page's guard: every hop of the navigation and every captured response
   *     must be on its allow-list; {@code null}: not checked here
   * @param requests the route of the page's requests, which records where a navigation was
   *     redirected ({@code null}: Chromium follows redirects itself)
   */
  PageRender(
      Page page,
      BrowserSettings settings,
      RenderOptions options,
      int maxRedirects,
      AddressGuard navigation,
      RequestGuard requests) {
    this.maxRedirects = maxRedirects;
    this.navigation = navigation;
    this.requests = requests;
    this.page = page;
    this.settings = settings;
    this.options = options;
    this.startNanos = System.nanoTime();
    this.deadline = Deadline.after(settings.timeouts().page());
  }

  FetchResponse render(String url) throws FetchException {
    // Capture listens before navigating: the first API call may start while the document loads.
    CapturedResponses captured = null;
    Consumer<Response> listener = null;
    Consumer<Request> sent = null;
    if (options.mode() == RenderMode.CAPTURE) {
      captured =
          new CapturedResponses(
              UrlPattern.parse(options.captureUrlPattern()),
              url,
              settings.maxPageBytes(),
              0,
              navigation,
              options.captureKeyword(),
              options.keyword());
      listener = captured::offer;
      page.onResponse(listener);
      sent = captured::requested; // page actions: which requests the search sent
      page.onRequest(sent);
    }
    try {
      return render(url, main(url), captured);
    } finally {
      if (listener != null) {
        page.offResponse(listener);
        page.offRequest(sent);
      }
    }
  }

  private Response main(String url) throws FetchException {
    BrowserTimeouts timeouts = settings.timeouts();
    // Each hop of a redirect is a navigation of its own: the route answered the one before with
    // its redirect (Chromium kept its cookies) and recorded where it leads.
    String target = url;
    String referer = null;
    Response main;
    for (int redirects = 0; ; redirects++) {
      Page.NavigateOptions navigate =
          new Page.NavigateOptions()
              // COMMIT: status and headers are known before the body is loaded, so an oversized
              // document is refused before Chromium holds it.
              .setWaitUntil(WaitUntilState.COMMIT)
              .setTimeout(deadline.millis(timeouts.navigation()));
      if (referer != null) {
        navigate.setReferer(referer);
      }
      PlaywrightException failed = null;
      main = null;
      try {
        main = page.navigate(target, navigate);
      } catch (PlaywrightException e) {
        failed = e;
      }
      URI next = requests == null ? null : requests.takeRedirect();
      if (next == null) {
        if (failed != null) {
          throw failed;
        }
        break;
      }
      // Every hop of the navigation stays on the allow-list.
      if (navigation != null && !navigation.allowsHost(next.getHost())) {
        throw new RefusedFetchException(
            url,
            "refused: the page redirected to "
                + AddressGuard.withoutQueryOf(next)
                + " (its host is not on the allow-list) [HOST_NOT_ALLOWED]",
            null);
      }
      if (redirects >= maxRedirects) {
        throw new RefusedFetchException(
            url, "refused: more than " + maxRedirects + " redirects", null);
      }
      referer = target;
      target = next.toString();
    }
    if (main == null) {
      throw new FetchException(url, "no main document response");
    }
    long declared = PageBytes.declaredLength(main);
    if (declared > settings.maxPageBytes()) {
      String message = "page is " + declared + " bytes, more than " + settings.maxPageBytes();
      throw new FetchException(
          url, message, new BodyTooLargeException(message, settings.maxPageBytes()));
    }
    page.waitForLoadState(
        LoadState.DOMCONTENTLOADED,
        new Page.WaitForLoadStateOptions().setTimeout(deadline.millis(timeouts.navigation())));
    return main;
  }

  private FetchResponse render(String url, Response main, CapturedResponses captured)
      throws FetchException {
    BrowserTimeouts timeouts = settings.timeouts();

    DepthLoader loader = new DepthLoader(page, options, captured, deadline, timeouts);
    // An error status page has no results to wait for; return it as it is.
    if (main.status() < 400) {
      if (settings.emulation().isMobile()) {
        PhoneViewport.ensure(page);
      }
      new PageActions(page, options.actions(), captured, deadline, timeouts).run();
      loader.awaitFirstContent();
      loader.load();
    }
    deadline.check(url);
    String body;
    String contentType;
    if (captured != null) {
      body = captured.document(page.url(), DomSnapshot.of(page, settings.maxPageBytes() / 4));
      contentType = "application/json";
    } else {
      body = domContent(url);
      contentType = main.headerValue("content-type");
    }
    return new FetchResponse(
        page.url(),
        main.status(),
        contentType,
        body,
        RetryAfter.parse(main.headerValue("retry-after"), Instant.now()).orElse(null),
        Duration.ofNanos(System.nanoTime() - startNanos));
  }

  private String domContent(String url) throws FetchException {
    // Measured inside the browser first, so a huge DOM is never copied into this JVM.
    Number chars = (Number) page.evaluate("() => document.documentElement.outerHTML.length");
    if (chars.longValue() > settings.maxPageBytes()) {
      throw new FetchException(
          url, "rendered page has " + chars + " characters, more than " + settings.maxPageBytes());
    }
    String html = page.content();
    int bytes = html.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > settings.maxPageBytes()) {
      throw new FetchException(
          url, "rendered page is " + bytes + " bytes, more than " + settings.maxPageBytes());
    }
    return html;
  }
}
