package com.mallrank.crawler.fetch;

import com.mallrank.crawler.politeness.RetryAfter;
import java.io.IOException;
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
 * than {@link Settings#maxBodyBytes()} are {@link FetchException}s. The identity's cookies are sent
 * with the request and never logged. Bodies are decoded with the charset the server declares, UTF-8
 * otherwise. Thread-safe: each fetch uses its own connection.
 */
public final class JsoupFetcher implements Fetcher {

  private static final Logger LOG = LoggerFactory.getLogger(JsoupFetcher.class);

  /**
   * @param timeout connect + read timeout
   * @param maxBodyBytes the largest body accepted; a larger one is a {@link FetchException}
   * @param userAgent the {@code User-Agent} header
   * @param acceptLanguage the {@code Accept-Language} header
   */
  public record Settings(
      Duration timeout, int maxBodyBytes, String userAgent, String acceptLanguage) {

    /** 15 s, 8 MiB, a desktop browser user agent, Chinese first. */
    public static final Settings DEFAULTS =
        new Settings(
            Duration.ofSeconds(15),
            8 * 1024 * 1024,
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko)"
                + " Chrome/124.0 Safari/537.36 mallrank/0.1",
            "zh-CN,zh;q=0.9");

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
    }
  }

  private final Settings settings;
  private final Clock clock;

  public JsoupFetcher(Settings settings) {
    this(settings, Clock.systemUTC());
  }

  /** With a clock for {@code Retry-After} dates (tests). */
  public JsoupFetcher(Settings settings, Clock clock) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public FetchResponse fetch(FetchRequest request) throws FetchException {
    String url = request.url().toString();
    long started = System.nanoTime();
    Connection.Response response;
    byte[] bytes;
    try {
      response =
          Jsoup.connect(url)
              .ignoreHttpErrors(true)
              .ignoreContentType(true)
              .followRedirects(true)
              .timeout((int) settings.timeout().toMillis())
              // One byte more than allowed, so that an oversized body is detected, not truncated.
              .maxBodySize(settings.maxBodyBytes() + 1)
              .userAgent(settings.userAgent())
              .header("Accept-Language", settings.acceptLanguage())
              .cookies(request.cookies())
              .execute();
      bytes = response.bodyAsBytes();
    } catch (IOException | RuntimeException e) {
      // jsoup's messages name the URL, never the cookies.
      throw new FetchException(url, "fetch failed: " + e, e);
    }
    if (bytes.length > settings.maxBodyBytes()) {
      throw new FetchException(
          url, "body larger than the " + settings.maxBodyBytes() + " bytes allowed");
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
    String body = new String(bytes, charset(response.charset()));
    LOG.debug(
        "fetched {} as {}: HTTP {} in {} ms",
        url,
        request.identity(),
        response.statusCode(),
        elapsed.toMillis());
    return new FetchResponse(
        response.url().toString(),
        response.statusCode(),
        response.contentType(),
        body,
        RetryAfter.parse(response.header("Retry-After"), clock.instant()).orElse(null),
        elapsed);
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
