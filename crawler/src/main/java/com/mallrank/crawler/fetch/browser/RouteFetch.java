package com.mallrank.crawler.fetch.browser;

import com.mallrank.crawler.fetch.SetCookie;
import com.mallrank.crawler.net.HttpClients;
import com.mallrank.crawler.net.UpstreamProxyException;
import com.mallrank.crawler.politeness.AddressGuard;
import com.mallrank.crawler.politeness.AddressRefusedException;
import com.mallrank.crawler.politeness.BodyTooLargeException;
import com.mallrank.crawler.politeness.BoundedBody;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.SameSiteAttribute;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Fetches a request Chromium made, on the identity's own OkHttp client ({@link HttpClients}), and
 * answers the route with the response: so every byte of a page passes the guard's lookup at connect
 * time and the identity's proxy, with the request's own headers (Chromium's cookies, user agent,
 * referer). The body is read up to {@link BrowserSettings#maxPageBytes()}; every call is bounded by
 * the navigation timeout.
 *
 * <p>A subrequest's redirects are followed here, hop by hop, each checked by the {@link
 * RequestGuard} and carrying the context's cookies for its own URL (cookies a hop sets go into the
 * context), at most {@code maxRedirects}; the page gets the last answer. A main navigation's
 * redirect is recorded for {@link PageRender}, which navigates to the next hop itself; Chromium
 * gets an empty page with the redirect's cookies in its place. Used on the browser's thread only.
 */
final class RouteFetch {

  /** Headers never passed on: the connection's own, and the encoding OkHttp negotiates itself. */
  private static final Set<String> HOP_BY_HOP =
      Set.of(
          "host",
          "connection",
          "keep-alive",
          "proxy-connection",
          "proxy-authorization",
          "proxy-authenticate",
          "te",
          "trailer",
          "upgrade",
          "transfer-encoding",
          "content-length",
          "content-encoding",
          "accept-encoding");

  private final HttpClients clients;
  private final String identity;
  private final BrowserContext context;
  private final Duration timeout;
  private final int maxBytes;
  private final int maxRedirects;

  RouteFetch(
      HttpClients clients,
      String identity,
      BrowserContext context,
      BrowserSettings settings,
      int maxRedirects) {
    this(
        clients,
        identity,
        context,
        settings.timeouts().navigation(),
        settings.maxPageBytes(),
        maxRedirects);
  }

  /**
   * @param timeout the bound of every call
   * @param maxBytes the largest body read
   */
  RouteFetch(
      HttpClients clients,
      String identity,
      BrowserContext context,
      Duration timeout,
      long maxBytes,
      int maxRedirects) {
    this.clients = clients;
    this.identity = identity;
    this.context = context;
    this.timeout = timeout;
    this.maxBytes = (int) Math.min(maxBytes, Integer.MAX_VALUE - 1L);
    this.maxRedirects = maxRedirects;
  }

  /** Fetches the route's request (already checked at {@code url}) and answers the route. */
  void forward(
      Route route, URI url, boolean navigation, AddressGuard guard, RequestGuard requests) {
    com.microsoft.playwright.Request asked = route.request();
    String method = asked.method();
    byte[] body = asked.postDataBuffer();
    Headers.Builder headers = new Headers.Builder();
    for (Map.Entry<String, String> h : asked.allHeaders().entrySet()) {
      add(headers, h.getKey(), h.getValue());
    }
    URI current = url;
    for (int hop = 0; ; hop++) {
      if (hop > 0 && requests.check(current, navigation) != null) {
        route.abort("blockedbyclient");
        return;
      }
      HttpUrl target = HttpUrl.parse(current.toString());
      if (target == null || guard == null) {
        route.abort("failed");
        return;
      }
      Request call;
      try {
        call =
            new Request.Builder()
                .url(target)
                .headers(headers.build())
                .method(method, requestBody(method, body, headers))
                .build();
      } catch (IllegalArgumentException e) {
        route.abort("failed");
        return;
      }
      try (Response response = clients.client(identity, guard, timeout).newCall(call).execute()) {
        String location = response.header("Location");
        if (isRedirect(response.code()) && location != null) {
          URI next = resolve(current, location);
          if (navigation) {
            if (next != null) {
              requests.redirected(next);
            }
            // An empty page in its place, with its cookies (Chromium keeps them): following the
            // redirect itself, Chromium would fail (it has no network) and its error page would
            // race the next hop's navigation.
            Map<String, String> cookies = new LinkedHashMap<>();
            cookies.put("content-type", "text/html; charset=utf-8");
            String set = headersOf(response).get("set-cookie");
            if (set != null) {
              cookies.put("set-cookie", set);
            }
            route.fulfill(
                new Route.FulfillOptions().setStatus(200).setHeaders(cookies).setBody(""));
            return;
          }
          if (next == null || hop >= maxRedirects) {
            route.abort("failed");
            return;
          }
          keepCookies(current, response.headers("Set-Cookie"));
          if (response.code() == 303 || (response.code() <= 302 && method.equals("POST"))) {
            method = "GET";
            body = null;
            headers.removeAll("Content-Type");
          }
          headers.removeAll("Cookie");
          String cookies = cookieHeader(next);
          if (cookies != null) {
            headers.add("Cookie", cookies);
          }
          current = next;
          continue;
        }
        byte[] bytes =
            method.equals("HEAD")
                ? new byte[0]
                : BoundedBody.readBytes(response.body().byteStream(), maxBytes);
        route.fulfill(
            new Route.FulfillOptions()
                .setStatus(response.code())
                .setHeaders(headersOf(response))
                .setBodyBytes(bytes));
        return;
      } catch (BodyTooLargeException e) {
        if (navigation) {
          String why = "page is more than " + maxBytes + " bytes";
          // typed: the sampler does not fetch the same oversized page again
          requests.navigationFailed(why, new BodyTooLargeException(why, maxBytes));
        }
        route.abort("failed");
        return;
      } catch (IOException e) {
        failed(route, navigation, requests, e);
        return;
      }
    }
  }

  private void failed(Route route, boolean navigation, RequestGuard requests, IOException e) {
    AddressRefusedException refusal = HttpClients.refusalIn(e).orElse(null);
    if (refusal != null) {
      requests.refused(refusal);
      route.abort("blockedbyclient");
      return;
    }
    UpstreamProxyException proxy = clients.proxyFailure(identity, e).orElse(null);
    if (proxy != null) {
      requests.proxyFailed(proxy);
    } else if (navigation) {
      requests.navigationFailed(
          e instanceof InterruptedIOException
              ? "timed out: no answer within " + timeout.toMillis() + " ms"
              : "fetch failed: " + e);
    }
    route.abort("failed");
  }

  private static void add(Headers.Builder headers, String name, String value) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.startsWith(":") || HOP_BY_HOP.contains(lower)) {
      return;
    }
    try {
      headers.addUnsafeNonAscii(name, value);
    } catch (IllegalArgumentException e) {
      // a header OkHttp cannot send is left out
    }
  }

  private static RequestBody requestBody(String method, byte[] body, Headers.Builder headers) {
    if (method.equals("GET") || method.equals("HEAD")) {
      return null;
    }
    boolean required = Set.of("POST", "PUT", "PATCH", "PROPPATCH", "REPORT").contains(method);
    if (body == null && !required) {
      return null;
    }
    String type = headers.get("Content-Type");
    return RequestBody.create(
        body == null ? new byte[0] : body, type == null ? null : MediaType.parse(type));
  }

  /** The response's headers for Chromium: one entry per name, {@code Set-Cookie} lines apart. */
  private static Map<String, String> headersOf(Response response) {
    Map<String, List<String>> grouped = new LinkedHashMap<>();
    Headers headers = response.headers();
    for (int i = 0; i < headers.size(); i++) {
      String name = headers.name(i).toLowerCase(Locale.ROOT);
      if (!HOP_BY_HOP.contains(name)) {
        grouped.computeIfAbsent(name, n -> new ArrayList<>()).add(headers.value(i));
      }
    }
    Map<String, String> joined = new LinkedHashMap<>();
    grouped.forEach(
        (name, values) ->
            joined.put(name, String.join(name.equals("set-cookie") ? "\n" : ", ", values)));
    return joined;
  }

  /** Cookies a subrequest's redirect hop set go into the context, as Chromium would keep them. */
  private void keepCookies(URI url, List<String> setCookies) {
    Instant now = Instant.now();
    List<Cookie> cookies = new ArrayList<>();
    for (String header : setCookies) {
      SetCookie set = SetCookie.parse(url, header, now).orElse(null);
      if (set == null) {
        continue;
      }
      com.mallrank.crawler.fetch.Cookie c = set.cookie();
      Cookie cookie =
          new Cookie(c.name(), c.value())
              .setDomain(c.hostOnly() ? c.domain() : "." + c.domain())
              .setPath(c.path())
              .setSecure(c.secure())
              .setHttpOnly(set.httpOnly())
              .setSameSite(SameSiteAttribute.valueOf(set.sameSite().toUpperCase(Locale.ROOT)));
      if (c.expires() != null) {
        cookie.setExpires(c.expires().getEpochSecond());
      }
      cookies.add(cookie);
    }
    if (!cookies.isEmpty()) {
      try {
        context.addCookies(cookies);
      } catch (PlaywrightException e) {
        // a cookie Chromium refuses is not kept, as a browser would not keep it
      }
    }
  }

  /** The context's cookies for {@code url}, as a {@code Cookie} header, or {@code null}. */
  private String cookieHeader(URI url) {
    List<Cookie> cookies;
    try {
      cookies = context.cookies(url.toString());
    } catch (PlaywrightException e) {
      return null;
    }
    return cookies.isEmpty()
        ? null
        : cookies.stream().map(c -> c.name + "=" + c.value).collect(Collectors.joining("; "));
  }

  private static boolean isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  private static URI resolve(URI current, String location) {
    try {
      URI next = current.resolve(location.strip());
      String scheme = next.getScheme() == null ? "" : next.getScheme().toLowerCase(Locale.ROOT);
      return next.getHost() != null && (scheme.equals("http") || scheme.equals("https"))
          ? next
          : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
