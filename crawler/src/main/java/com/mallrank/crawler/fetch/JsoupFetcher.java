package com.mallrank.crawler.fetch;

import com.mallrank.crawler.net.Connector;
import com.mallrank.crawler.net.GuardProxy;
import com.mallrank.crawler.net.ProxyRoutes;
import com.mallrank.crawler.politeness.AddressGuard;
import com.mallrank.crawler.politeness.AddressRefusedException;
import com.mallrank.crawler.politeness.BodyTooLargeException;
import com.mallrank.crawler.politeness.Gate;
import com.mallrank.crawler.politeness.RetryAfter;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.jsoup.Connection;
import org.jsoup.Jsoup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Fetcher} over jsoup's {@link Connection}: plain HTTP, no JavaScript. Every completed
 * exchange is a response (HTTP errors included); timeouts, refused connections and bodies larger
 * than {@link Settings#maxBodyBytes()} are {@link FetchException}s.
 *
 * <p>Redirects are followed here, hop by hop, at most {@link Settings#maxRedirects()}: each hop
 * passes the request's {@link Gate} (address guard, host allow-list, host throttle), carries only
 * the cookies its own URL may have ({@link CookieJar}), and goes through a {@link GuardProxy} that
 * connects to the checked address. A refused hop is a {@link RefusedFetchException}. Cookies are
 * never logged. Bodies are decoded with the charset the server declares, UTF-8 otherwise.
 * Thread-safe: each fetch uses its own connection.
 */
public final class JsoupFetcher implements Fetcher {

  private static final Logger LOG = LoggerFactory.getLogger(JsoupFetcher.class);

  /**
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

    /** The default of {@code crawler.max-redirects}. */
    public static final int DEFAULT_MAX_REDIRECTS = 5;

    /** 15 s, 8 MiB, a desktop browser user agent, Chinese first, 5 redirects. */
    public static final Settings DEFAULTS =
        new Settings(
            Duration.ofSeconds(15),
            8 * 1024 * 1024,
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko)"
                + " Chrome/124.0 Safari/537.36 mallrank/0.1",
            "zh-CN,zh;q=0.9",
            DEFAULT_MAX_REDIRECTS);

    /** With {@link #DEFAULT_MAX_REDIRECTS}. */
    public Settings(Duration timeout, int maxBodyBytes, String userAgent, String acceptLanguage) {
      this(timeout, maxBodyBytes, userAgent, acceptLanguage, DEFAULT_MAX_REDIRECTS);
    }

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
  private final Connector connector;
  private final ProxyRoutes routes;

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
    this.routes = Objects.requireNonNull(routes, "routes");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.connector = Objects.requireNonNull(connector, "connector");
  }

  @Override
  public FetchResponse fetch(FetchRequest request) throws FetchException {
    long started = System.nanoTime();
    try (GuardProxy proxy =
        GuardProxy.start(routes.connectorOf(request.identity(), connector), settings.timeout())) {
      proxy.use(request.gate().guard());
      URI current = request.url();
      for (int redirects = 0; ; redirects++) {
        Connection.Response response = exchange(request, current, proxy);
        String location = response.header("Location");
        if (!isRedirect(response.statusCode()) || location == null) {
          return toResponse(request, current, response, started);
        }
        if (redirects >= settings.maxRedirects()) {
          throw new RefusedFetchException(
              shown(current), "refused: more than " + settings.maxRedirects() + " redirects", null);
        }
        current = next(current, location);
      }
    } catch (IOException e) {
      throw new FetchException(shown(request.url()), "cannot start the guard proxy: " + e, e);
    }
  }

  /** One hop: passes the gate, sends only this URL's cookies, never follows a redirect itself. */
  private Connection.Response exchange(FetchRequest request, URI url, GuardProxy proxy)
      throws FetchException {
    String shown = shown(url);
    try (Gate.Passage passage = request.gate().enter(url)) {
      Connection connection =
          Jsoup.connect(url.toString())
              .proxy(proxy.proxy())
              .ignoreHttpErrors(true)
              .ignoreContentType(true)
              .followRedirects(false)
              .timeout((int) settings.timeout().toMillis())
              // One byte more than allowed, so that an oversized body is detected, not truncated.
              .maxBodySize(settings.maxBodyBytes() + 1)
              .userAgent(settings.userAgent())
              .header("Accept-Language", settings.acceptLanguage());
      String cookies = request.cookies().header(url, clock.instant());
      if (cookies != null) {
        connection.header("Cookie", cookies);
      }
      Connection.Response response = connection.execute();
      if (response.hasHeader(GuardProxy.ERROR_HEADER)) {
        // Not the site's answer: nothing arrived from it.
        throw new FetchException(shown, "fetch failed: " + response.body().strip());
      }
      if (!isRedirect(response.statusCode())) {
        response.bufferUp();
      }
      if (!proxy.refusals().isEmpty()) {
        AddressRefusedException refusal = proxy.refusals().get(0);
        throw new RefusedFetchException(shown, "refused: " + refusal.getMessage(), refusal);
      }
      return response;
    } catch (AddressRefusedException e) {
      throw new RefusedFetchException(shown, "refused: " + e.getMessage(), e);
    } catch (FetchException e) {
      throw e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FetchException(shown, "interrupted waiting for the host's turn", e);
    } catch (IOException | RuntimeException e) {
      if (!proxy.refusals().isEmpty()) {
        AddressRefusedException refusal = proxy.refusals().get(0);
        throw new RefusedFetchException(shown, "refused: " + refusal.getMessage(), refusal);
      }
      // jsoup's messages name the URL, never the cookies.
      throw new FetchException(shown, "fetch failed: " + e, e);
    }
  }

  private FetchResponse toResponse(
      FetchRequest request, URI url, Connection.Response response, long started)
      throws FetchException {
    byte[] bytes;
    try {
      bytes = response.bodyAsBytes();
    } catch (RuntimeException e) {
      throw new FetchException(shown(url), "fetch failed: " + e, e);
    }
    if (bytes.length > settings.maxBodyBytes()) {
      String message = "body larger than the " + settings.maxBodyBytes() + " bytes allowed";
      throw new FetchException(
          shown(url), message, new BodyTooLargeException(message, settings.maxBodyBytes()));
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
    Charset charset = charset(response.charset());
    String body = new String(bytes, charset);
    LOG.debug(
        "fetched {} as {}: HTTP {} in {} ms",
        shown(url),
        request.identity(),
        response.statusCode(),
        elapsed.toMillis());
    return new FetchResponse(
        url.toString(),
        response.statusCode(),
        response.contentType(),
        body,
        RetryAfter.parse(response.header("Retry-After"), clock.instant()).orElse(null),
        elapsed,
        null,
        // A UTF-8 body keeps its bytes: a streamed body whose frames split a character is read
        // from them exactly. Another charset's bytes are not JSON's; its decoded text is used.
        StandardCharsets.UTF_8.equals(charset) ? bytes : null,
        request.cookies().namesAfter(url, clock.instant(), response.headers("Set-Cookie")));
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

  private static Charset charset(String declared) {
    if (declared == null) {
      return StandardCharsets.UTF_8;
    }
    try {
      return Charset.forName(declared);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      return StandardCharsets.UTF_8;
    }
  }
}
