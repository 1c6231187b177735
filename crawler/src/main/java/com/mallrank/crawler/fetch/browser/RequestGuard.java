package com.mallrank.crawler.fetch.browser;

import com.mallrank.crawler.net.UpstreamProxyException;
import com.mallrank.crawler.politeness.AddressGuard;
import com.mallrank.crawler.politeness.AddressRefusedException;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.Route;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The route every request of an identity's pages passes (navigation, fetch/XHR, frames, scripts,
 * images), and the only way any of them reaches a network: Chromium itself has none ({@link
 * BrowserSession#NO_NETWORK_ARGS}). The page's main navigation is checked against the current
 * page's {@link AddressGuard} (the profile's search allow-list); every other request against its
 * {@link AddressGuard#subrequests() subrequest guard} (the allow-list plus the profile's {@code
 * fetch.subrequest-hosts}: a signing SDK or bundle on another company's CDN), with the same address
 * rules. Refused requests are aborted. Refusals that matter are recorded: the page's navigation,
 * and any request to a non-public address; a request to a public host that is only off the list (a
 * tracker, an ad) is aborted quietly. Then images, fonts and media are aborted when resources are
 * blocked ({@link ResourceBlocker}). What passes is fetched by {@link RouteFetch} on the identity's
 * own client (its proxy, the guard deciding every address when it connects) and handed to Chromium
 * as the response.
 *
 * <p>Redirects: a subrequest's hops are followed by {@link RouteFetch}, each checked here again; a
 * navigation's redirect is recorded ({@link #takeRedirect()}, its cookies given to Chromium) and
 * {@link PageRender} navigates to the next hop itself, so every hop of a navigation is a navigation
 * this route checks. Between pages no guard is set and everything is refused. Cookies are
 * Chromium's to scope: a login's cookies (of the site's domains) never go to a CDN's host.
 */
final class RequestGuard {

  private static final Logger log = LoggerFactory.getLogger(RequestGuard.class);

  private final boolean blockResources;
  private final RouteFetch fetch;
  private final List<AddressRefusedException> refusals = new ArrayList<>();
  private final List<UpstreamProxyException> networkFailures = new ArrayList<>();
  private AddressGuard guard;
  private AddressGuard subrequests;
  private int quietlyBlocked;
  private URI redirect;
  private String navigationFailure;
  private IOException navigationFailureCause;

  /**
   * @param fetch fetches what passes ({@code null}: nothing is fetched, every passing request is
   *     aborted)
   */
  RequestGuard(boolean blockResources, RouteFetch fetch) {
    this.blockResources = blockResources;
    this.fetch = fetch;
  }

  /** Guards the requests of the next page with {@code next}; {@code null} refuses them all. */
  synchronized void use(AddressGuard next) {
    guard = next;
    subrequests = next == null ? null : next.subrequests();
    refusals.clear();
    networkFailures.clear();
    quietlyBlocked = 0;
    redirect = null;
    navigationFailure = null;
    navigationFailureCause = null;
  }

  /** The refusals recorded since {@link #use}. */
  synchronized List<AddressRefusedException> refusals() {
    return List.copyOf(refusals);
  }

  /** The identity's proxy failures since {@link #use} (oldest first). */
  synchronized List<UpstreamProxyException> networkFailures() {
    return List.copyOf(networkFailures);
  }

  synchronized int quietlyBlocked() {
    return quietlyBlocked;
  }

  /**
   * Where the last main navigation was redirected to ({@code null}: it was not), and forgets it:
   * {@link PageRender} navigates there itself.
   */
  synchronized URI takeRedirect() {
    URI next = redirect;
    redirect = null;
    return next;
  }

  /** Why the main navigation's own fetch failed (timeout, size, connection), or {@code null}. */
  synchronized String navigationFailure() {
    return navigationFailure;
  }

  /**
   * What the main navigation's failure was when it is typed (a {@link
   * com.mallrank.crawler.politeness.BodyTooLargeException}: not worth fetching again), or {@code
   * null}.
   */
  synchronized IOException navigationFailureCause() {
    return navigationFailureCause;
  }

  void handle(Route route) {
    Request request = route.request();
    String url = request.url();
    String scheme = url.substring(0, Math.max(0, url.indexOf(':'))).toLowerCase(Locale.ROOT);
    if (scheme.equals("data") || scheme.equals("blob")) {
      route.resume();
      return;
    }
    boolean navigation = isMainNavigation(request);
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      record(
          new AddressRefusedException(
              url.length() > 200 ? url.substring(0, 200) + "…" : url,
              AddressRefusedException.Rule.NO_HOST,
              "not a valid URL"));
      route.abort("blockedbyclient");
      return;
    }
    if (check(uri, navigation) != null) {
      route.abort("blockedbyclient");
      return;
    }
    if (blockResources && ResourceBlocker.BLOCKED_TYPES.contains(request.resourceType())) {
      route.abort("blockedbyclient");
    } else if (fetch == null) {
      route.abort("failed");
    } else {
      AddressGuard current;
      synchronized (this) {
        current = navigation ? guard : subrequests;
      }
      fetch.forward(route, uri, navigation, current, this);
    }
  }

  /**
   * Checks one request (or redirect hop) of the current page: {@code null} when it may go, else the
   * refusal (recorded when it matters, see the class comment).
   */
  AddressRefusedException check(URI uri, boolean navigation) {
    AddressGuard current;
    synchronized (this) {
      current = navigation ? guard : subrequests;
    }
    if (current == null) {
      return record(
          new AddressRefusedException(
              AddressGuard.withoutQueryOf(uri),
              AddressRefusedException.Rule.HOST_NOT_ALLOWED,
              "no page is being rendered"));
    }
    try {
      current.check(uri);
      return null;
    } catch (AddressRefusedException e) {
      if (e.rule() != AddressRefusedException.Rule.HOST_NOT_ALLOWED || navigation) {
        return record(e);
      }
      try {
        current.anyHost().check(uri);
      } catch (AddressRefusedException other) {
        if (other.rule() == AddressRefusedException.Rule.PRIVATE_ADDRESS) {
          return record(other);
        }
      }
      synchronized (this) {
        quietlyBlocked++;
      }
      log.debug("blocked a request off the allow-list: {}", e.getMessage());
      return e;
    }
  }

  /** A refusal at connect time (the guard's lookup): always recorded. */
  synchronized void refused(AddressRefusedException e) {
    refusals.add(e);
  }

  synchronized void proxyFailed(UpstreamProxyException e) {
    networkFailures.add(e);
  }

  synchronized void redirected(URI next) {
    redirect = next;
  }

  synchronized void navigationFailed(String why) {
    navigationFailed(why, null);
  }

  synchronized void navigationFailed(String why, IOException cause) {
    if (navigationFailure == null) {
      navigationFailure = why;
      navigationFailureCause = cause;
    }
  }

  private synchronized AddressRefusedException record(AddressRefusedException e) {
    refusals.add(e);
    return e;
  }

  private static boolean isMainNavigation(Request request) {
    try {
      return request.isNavigationRequest() && request.frame().parentFrame() == null;
    } catch (RuntimeException e) {
      return false;
    }
  }
}
