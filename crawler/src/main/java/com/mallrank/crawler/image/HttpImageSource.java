package com.mallrank.crawler.image;

import com.mallrank.crawler.net.Connector;
import com.mallrank.crawler.net.GuardProxy;
import com.mallrank.crawler.politeness.AddressGuard;
import com.mallrank.crawler.politeness.AddressRefusedException;
import com.mallrank.crawler.politeness.Gate;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;

/**
 * An {@link ImageSource} over the JDK {@link HttpClient}. It asks for JPEG, PNG or GIF first so a
 * negotiating CDN does not answer with WebP, which {@link PerceptualHash} cannot decode.
 *
 * <p>Redirects are followed here, hop by hop, at most {@code maxRedirects}: each hop passes the
 * {@link Gate} (address guard and the host throttle shared with the sampler) and goes through a
 * {@link GuardProxy} that connects to the checked address. A refused hop is an {@link
 * AddressRefusedException}. Thread-safe; {@link #close()} stops its proxy.
 */
public final class HttpImageSource implements ImageSource, AutoCloseable {

  private static final String ACCEPT = "image/jpeg,image/png,image/gif;q=0.9,image/*;q=0.5";

  private final Gate gate;
  private final GuardProxy proxy;
  private final HttpClient client;
  private final Duration timeout;
  private final String userAgent;
  private final int maxRedirects;

  /**
   * @param gate what every hop passes
   * @param connector opens the proxy's connections to checked addresses
   * @param timeout the time allowed to connect, and until the response headers arrive
   * @param userAgent the {@code User-Agent} to send
   * @param maxRedirects the most redirects followed
   */
  public HttpImageSource(
      Gate gate, Connector connector, Duration timeout, String userAgent, int maxRedirects)
      throws IOException {
    this.gate = Objects.requireNonNull(gate, "gate");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
    this.maxRedirects = maxRedirects;
    this.proxy = GuardProxy.start(connector, timeout);
    proxy.use(gate.guard());
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .proxy(ProxySelector.of(new InetSocketAddress("127.0.0.1", proxy.port())))
            .build();
  }

  @Override
  public InputStream open(URI url) throws IOException {
    URI current = url;
    for (int redirects = 0; ; redirects++) {
      HttpResponse<InputStream> response = exchange(current);
      int status = response.statusCode();
      String location = response.headers().firstValue("Location").orElse(null);
      if (status / 100 == 3 && location != null) {
        response.body().close();
        if (redirects >= maxRedirects) {
          throw new AddressRefusedException(
              withoutQuery(url),
              AddressRefusedException.Rule.HOST_NOT_ALLOWED,
              "more than " + maxRedirects + " redirects");
        }
        try {
          current = current.resolve(location.strip());
        } catch (IllegalArgumentException e) {
          current = null;
        }
        if (current == null || current.getHost() == null) {
          throw new IOException("unusable redirect target from " + withoutQuery(url));
        }
        continue;
      }
      if (status / 100 != 2) {
        response.body().close();
        throw new IOException("HTTP " + status + " for " + withoutQuery(current));
      }
      return response.body();
    }
  }

  private HttpResponse<InputStream> exchange(URI url) throws IOException {
    HttpRequest request;
    try {
      request =
          HttpRequest.newBuilder(url)
              .timeout(timeout)
              .header("Accept", ACCEPT)
              .header("User-Agent", userAgent)
              .GET()
              .build();
    } catch (IllegalArgumentException e) {
      // e.g. http://127.1/: no server-based host; never a runtime error for a page's URL
      throw new IOException("unusable image URL " + withoutQuery(url));
    }
    try (Gate.Passage passage = gate.enter(url)) {
      HttpResponse<InputStream> response =
          client.send(request, HttpResponse.BodyHandlers.ofInputStream());
      String refused = response.headers().firstValue(GuardProxy.REFUSED_HEADER).orElse(null);
      if (refused != null) {
        // The proxy refused a checked URL: its address changed between check and connect.
        response.body().close();
        throw new AddressRefusedException(
            withoutQuery(url), ruleOf(refused), "refused by the guard proxy");
      }
      return response;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted fetching " + withoutQuery(url));
    }
  }

  private static AddressRefusedException.Rule ruleOf(String name) {
    for (AddressRefusedException.Rule rule : AddressRefusedException.Rule.values()) {
      if (rule.name().equals(name)) {
        return rule;
      }
    }
    return AddressRefusedException.Rule.PRIVATE_ADDRESS;
  }

  @Override
  public void close() {
    proxy.close();
  }

  /** The URL as it may be logged: signatures and tokens live in the query. */
  static String withoutQuery(URI url) {
    return AddressGuard.withoutQueryOf(url);
  }
}
