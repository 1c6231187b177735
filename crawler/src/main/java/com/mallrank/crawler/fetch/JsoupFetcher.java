package com.mallrank.crawler.fetch;

import com.mallrank.crawler.fetch.browser.StorageStates;
import com.mallrank.crawler.net.Connector;
import com.mallrank.crawler.net.HttpClients;
import com.mallrank.crawler.net.ProxyRoutes;
import com.mallrank.crawler.net.UpstreamProxyException;
import com.mallrank.crawler.politeness.AddressGuard;
import com.mallrank.crawler.politeness.AddressRefusedException;
import com.mallrank.crawler.politeness.BodyTooLargeException;
import com.mallrank.crawler.politeness.BoundedBody;
import com.mallrank.crawler.politeness.Gate;
import com.mallrank.crawler.politeness.RetryAfter;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The static {@link Fetcher}: plain HTTP, no JavaScript, over the identity's OkHttp client ({@link
 * HttpClients}; the name is from when jsoup's connection did the HTTP). Every completed exchange is
 * a response (HTTP errors included); timeouts, refused connections and bodies larger than {@link
 * Settings#maxBodyBytes()} are {@link FetchException}s.
 *
 * <p>Redirects are followed here, hop by hop, at most {@link Settings#maxRedirects()}: each hop
 * passes the request's {@link Gate} (address guard, host allow-list, host throttle) on the URL as
 * OkHttp reads it, carries only the cookies its own URL may have ({@link CookieJar}: the request's,
 * with what earlier hops set), and connects only to addresses the guard decided when the connection
 * was opened (no DNS rebinding), through the identity's proxy if it has one. A refused hop is a
 * {@link RefusedFetchException}; a failing proxy a {@link FetchException} naming it. Cookies are
 * never logged. Bodies are decoded with the charset the server declares, UTF-8 otherwise.
 *
 * <p>Cookies the site sets or deletes for a logged-in identity are saved back to its login state
 * when the fetcher has the identities' files ({@link #savingRotatedCookies}): only those for the
 * requested URL's own domain, merged into the file, atomically, owner-only ({@link
 * RotatedCookies}); never for {@link FetchRequest#ANONYMOUS}. Thread-safe: calls share the
 * identity's pooled connections.
 */
public final class JsoupFetcher implements Fetcher {

  private static final Logger LOG = LoggerFactory.getLogger(JsoupFetcher.class);

  /** What a browser asks for when it loads a page. */
  private static final String ACCEPT =
      "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

  /**
   * The static fetcher's settings: production takes every one from {@code application.yml} ({@code
   * crawler.timeout}, {@code max-page-size}, {@code user-agent}, {@code accept-language}, {@code
   * max-redirects}), the one home of their defaults.
   *
   * @param timeout connect + read timeout
   * @param maxBodyBytes the largest body accepted; a larger one is a {@link FetchException}
   * @param userAgent the {@code User-Agent} header
   * @param acceptLanguage the {@code Accept-Language} header
   * @param maxRedirects the most redirects followed (each hop passes the gate); one more is a
   *     {@link RefusedFetchException}
   */
  public record Settings(
      Duration timeout,
      int maxBodyBytes,
      String userAgent,
      String acceptLanguage,
      int maxRedirects) {

    public Settings {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative() || timeout.isZero() || timeout.toMillis() > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("timeout must be positive, was " + timeout);
      }
      if (maxBodyBytes < 1 || maxBodyBytes == Integer.MAX_VALUE) {
        throw new IllegalArgumentException("maxBodyBytes out of range: " + maxBodyBytes);
      }
      Objects.requireNonNull(userAgent, "userAgent");
      Objects.requireNonNull(acceptLanguage, "acceptLanguage");
      if (maxRedirects < 0 || maxRedirects > 20) {
        throw new IllegalArgumentException("maxRedirects must be 0..20, was " + maxRedirects);
      }
    }
  }

  private final Settings settings;
  private final Clock clock;
  private final HttpClients clients;
  private final StorageStates loginStates;

  public JsoupFetcher(Settings settings) {
    this(settings, Clock.systemUTC(), Connector.direct());
  }

  /** With a clock for {@code Retry-After} dates and cookie expiry (tests). */
  public JsoupFetcher(Settings settings, Clock clock) {
    this(settings, clock, Connector.direct());
  }

  /**
   * @param connector opens the connections of every hop to its checked address (tests map
   *     public-looking addresses to loopback)
   */
  public JsoupFetcher(Settings settings, Clock clock, Connector connector) {
    this(settings, clock, connector, ProxyRoutes.none());
  }

  /**
   * @param routes each identity's own upstream proxy: its fetches connect only through it, and a
   *     proxy that fails is a fetch error naming the proxy, never a direct connection
   */
  public JsoupFetcher(Settings settings, Clock clock, Connector connector, ProxyRoutes routes) {
    this(settings, clock, new HttpClients(connector, routes));
  }

  /** On shared clients (one per identity's network, for every fetcher of the process). */
  public JsoupFetcher(Settings settings, Clock clock, HttpClients clients) {
    this(settings, clock, clients, null);
  }

  private JsoupFetcher(
      Settings settings, Clock clock, HttpClients clients, StorageStates loginStates) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.clients = Objects.requireNonNull(clients, "clients");
    this.loginStates = loginStates;
  }

  /**
   * This fetcher, saving the cookies a site sets or deletes for an identity into that identity's
   * login state file (the same file the browser loads and the cookies of requests come from).
   */
  public JsoupFetcher savingRotatedCookies(StorageStates states) {
    return new JsoupFetcher(settings, clock, clients, Objects.requireNonNull(states, "states"));
  }

  @Override
  public FetchResponse fetch(FetchRequest request) throws FetchException {
    long started = System.nanoTime();
    URI current = request.url();
    CookieJar cookies = request.cookies();
    List<RotatedCookies.Hop> rotated = new ArrayList<>();
    try {
      for (int redirects = 0; ; redirects++) {
        Hop hop = exchange(request, current, cookies);
        if (!hop.setCookies().isEmpty()) {
          rotated.add(new RotatedCookies.Hop(current, hop.setCookies()));
        }
        if (!isRedirect(hop.status()) || hop.location() == null) {
          return toResponse(request, current, cookies, hop, started);
        }
        if (redirects >= settings.maxRedirects()) {
          throw new RefusedFetchException(
              shown(current), "refused: more than " + settings.maxRedirects() + " redirects", null);
        }
        cookies = cookies.after(current, clock.instant(), hop.setCookies());
        current = next(current, hop.location());
      }
    } finally {
      saveRotated(request, rotated);
    }
  }

  /** One hop's answer: status, headers and (unless a redirect) the body's bytes. */
  private record Hop(
      int status,
      String contentType,
      Charset charset,
      String location,
      String retryAfter,
      List<String> setCookies,
      byte[] body) {}

  /** One hop: passes the gate, sends only this URL's cookies, never follows a redirect itself. */
  private Hop exchange(FetchRequest request, URI url, CookieJar cookies) throws FetchException {
    String shown = shown(url);
    HttpUrl target = HttpUrl.parse(url.toString());
    if (target == null) {
      throw new RefusedFetchException(shown, "refused: not a fetchable URL", null);
    }
    // The gate judges the URL as OkHttp will connect to it, not as another parser reads it.
    try (Gate.Passage passage = request.gate().enter(target.uri())) {
      Request.Builder call =
          new Request.Builder()
              .url(target)
              .header("User-Agent", settings.userAgent())
              .header("Accept", ACCEPT)
              .header("Accept-Language", settings.acceptLanguage());
      String cookie = cookies.header(url, clock.instant());
      if (cookie != null) {
        call.header("Cookie", cookie);
      }
      try (Response response =
          clients
              .client(request.identity(), request.gate().guard(), settings.timeout())
              .newCall(call.build())
              .execute()) {
        ResponseBody body = response.body();
        MediaType type = body.contentType();
        byte[] bytes = null;
        if (!isRedirect(response.code())) {
          BoundedBody.checkDeclaredLength(body.contentLength(), settings.maxBodyBytes());
          bytes = BoundedBody.readBytes(body.byteStream(), settings.maxBodyBytes());
        }
        return new Hop(
            response.code(),
            response.header("Content-Type"),
            type == null ? null : type.charset(),
            response.header("Location"),
            response.header("Retry-After"),
            response.headers("Set-Cookie"),
            bytes);
      }
    } catch (AddressRefusedException e) {
      throw new RefusedFetchException(shown, "refused: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FetchException(shown, "interrupted waiting for the host's turn", e);
    } catch (BodyTooLargeException e) {
      throw new FetchException(
          shown, "body larger than the " + settings.maxBodyBytes() + " bytes allowed", e);
    } catch (IOException | RuntimeException e) {
      throw failed(request, shown, e);
    }
  }

  /** What a failed exchange was: a refusal at connect time, the identity's proxy, or the site. */
  private FetchException failed(FetchRequest request, String shown, Exception e) {
    Optional<AddressRefusedException> refusal = HttpClients.refusalIn(e);
    if (refusal.isPresent()) {
      return new RefusedFetchException(
          shown, "refused: " + refusal.get().getMessage(), refusal.get());
    }
    if (e instanceof IOException io) {
      Optional<UpstreamProxyException> proxy = clients.proxyFailure(request.identity(), io);
      if (proxy.isPresent()) {
        return new FetchException(shown, "fetch failed: " + proxy.get().getMessage(), proxy.get());
      }
      if (e instanceof InterruptedIOException && !(e instanceof SocketTimeoutException)) {
        // OkHttp's whole-call timeout: a timeout like a read's, for the retry policy too.
        SocketTimeoutException timeout =
            new SocketTimeoutException("no complete answer within " + settings.timeout());
        timeout.initCause(e);
        return new FetchException(shown, "fetch failed: " + timeout, timeout);
      }
    }
    // OkHttp's messages name the host, never the cookies.
    return new FetchException(shown, "fetch failed: " + e, e);
  }

  private FetchResponse toResponse(
      FetchRequest request, URI url, CookieJar cookies, Hop hop, long started) {
    Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
    Charset charset = hop.charset() == null ? StandardCharsets.UTF_8 : hop.charset();
    byte[] bytes = hop.body() == null ? new byte[0] : hop.body();
    String body = new String(bytes, charset);
    LOG.debug(
        "fetched {} as {}: HTTP {} in {} ms",
        shown(url),
        request.identity(),
        hop.status(),
        elapsed.toMillis());
    return new FetchResponse(
        url.toString(),
        hop.status(),
        hop.contentType(),
        body,
        RetryAfter.parse(hop.retryAfter(), clock.instant()).orElse(null),
        elapsed,
        null,
        // A UTF-8 body keeps its bytes: a streamed body whose frames split a character is read
        // from them exactly. Another charset's bytes are not JSON's; its decoded text is used.
        StandardCharsets.UTF_8.equals(charset) ? bytes : null,
        cookies.namesAfter(url, clock.instant(), hop.setCookies()));
  }

  /** Merges what the site set into the identity's login state; a failure never loses the page. */
  private void saveRotated(FetchRequest request, List<RotatedCookies.Hop> rotated) {
    if (loginStates == null
        || rotated.isEmpty()
        || FetchRequest.ANONYMOUS.equals(request.identity())) {
      return;
    }
    Path file;
    try {
      file = loginStates.fileOf(request.identity()).orElse(null);
    } catch (RuntimeException e) {
      LOG.warn("rotated cookies of {} not saved: {}", request.identity(), e.getMessage());
      return;
    }
    if (file != null) {
      RotatedCookies.save(file, request.url(), rotated, clock.instant());
    }
  }

  static boolean isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  /** The next hop: {@code Location} resolved against the current URL. */
  static URI next(URI current, String location) throws FetchException {
    try {
      URI next = current.resolve(location.strip());
      if (next.getHost() == null) {
        throw new IllegalArgumentException("no host");
      }
      return next;
    } catch (IllegalArgumentException e) {
      throw new RefusedFetchException(
          shown(current), "refused: unusable redirect target (" + e.getMessage() + ")", e);
    }
  }

  private static String shown(URI url) {
    return AddressGuard.withoutQueryOf(url);
  }
}
