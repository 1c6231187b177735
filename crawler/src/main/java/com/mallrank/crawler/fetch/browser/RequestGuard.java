package com.mallrank.crawler.fetch.browser;

import com.mallrank.crawler.politeness.AddressGuard;
import com.mallrank.crawler.politeness.AddressRefusedException;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.Route;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The route every request of an identity's pages passes before it leaves Chromium (navigation,
 * fetch/XHR, frames, scripts, images), so a refusal is early and can be reported. The page's main
 * navigation is checked against the current page's {@link AddressGuard} (the profile's search
 * allow-list); every other request against its {@link AddressGuard#subrequests() subrequest guard}
 * (the allow-list plus the profile's {@code fetch.subrequest-hosts}: a signing SDK or bundle on
 * another company's CDN), with the same address rules. Refused requests are aborted. Refusals that
 * matter are recorded: the page's navigation, and any request to a non-public address; a request to
 * a public host that is only off the list (a tracker, an ad) is aborted quietly. Then images, fonts
 * and media are aborted when resources are blocked ({@link ResourceBlocker}).
 *
 * <p>Redirect hops never reach a route (Playwright routes only the first request of a chain):
 * {@link com.mallrank.crawler.net.GuardProxy} checks those (with the subrequest guard: it cannot
 * tell a navigation from a page's own request), and {@link PageRender} refuses a navigation whose
 * chain left the allow-list. Between pages no guard is set and everything is refused. Cookies are
 * Chromium's to scope: a login's cookies (of the site's domains) never go to a CDN's host.
 */
final class RequestGuard {

  private static final Logger log = LoggerFactory.getLogger(RequestGuard.class);

  private final boolean blockResources;
  private final List<AddressRefusedException> refusals = new ArrayList<>();
  private AddressGuard guard;
  private AddressGuard subrequests;
  private int quietlyBlocked;

  RequestGuard(boolean blockResources) {
    this.blockResources = blockResources;
  }

  /** Guards the requests of the next page with {@code next}; {@code null} refuses them all. */
  synchronized void use(AddressGuard next) {
    guard = next;
    subrequests = next == null ? null : next.subrequests();
    refusals.clear();
    quietlyBlocked = 0;
  }

  /** The refusals recorded since {@link #use}. */
  synchronized List<AddressRefusedException> refusals() {
    return List.copyOf(refusals);
  }

  synchronized int quietlyBlocked() {
    return quietlyBlocked;
  }

  void handle(Route route) {
    Request request = route.request();
    String url = request.url();
    String scheme = url.substring(0, Math.max(0, url.indexOf(':'))).toLowerCase(Locale.ROOT);
    if (scheme.equals("data") || scheme.equals("blob")) {
      route.resume();
      return;
    }
    AddressRefusedException refusal = check(request, url);
    if (refusal != null) {
      route.abort("blockedbyclient");
      return;
    }
    if (blockResources && ResourceBlocker.BLOCKED_TYPES.contains(request.resourceType())) {
      route.abort("blockedbyclient");
    } else {
      route.resume();
    }
  }

  private AddressRefusedException check(Request request, String url) {
    boolean navigation = isMainNavigation(request);
    AddressGuard current;
    synchronized (this) {
      current = navigation ? guard : subrequests;
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      return record(
          new AddressRefusedException(
              url.length() > 200 ? url.substring(0, 200) + "…" : url,
              AddressRefusedException.Rule.NO_HOST,
              "not a valid URL"));
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
