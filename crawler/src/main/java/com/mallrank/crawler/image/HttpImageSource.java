package com.mallrank.crawler.image;

import com.mallrank.crawler.fetch.FetchRequest;
import com.mallrank.crawler.net.Connector;
import com.mallrank.crawler.net.HttpClients;
import com.mallrank.crawler.net.ProxyRoutes;
import com.mallrank.crawler.politeness.AddressGuard;
import com.mallrank.crawler.politeness.AddressRefusedException;
import com.mallrank.crawler.politeness.Gate;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;

/**
 * An {@link ImageSource} over the identity's OkHttp client ({@link HttpClients}): the account's own
 * proxy when it has one, the direct network otherwise. It asks for JPEG, PNG or GIF first so a
 * negotiating CDN does not answer with WebP, which {@link PerceptualHash} cannot decode.
 *
 * <p>Redirects are followed here, hop by hop, at most {@code maxRedirects}: each hop passes the
 * {@link Gate} (address guard and the host throttle shared with the sampler) on the URL as OkHttp
 * reads it, and connects only to addresses the guard decided when the connection was opened. A
 * refused hop is an {@link AddressRefusedException}. Thread-safe; nothing is started for a
 * download, and {@link #close()} drops the pooled connections of clients it made itself.
 */
public final class HttpImageSource implements ImageSource, AutoCloseable {

  private static final String ACCEPT = "image/jpeg,image/png,image/gif;q=0.9,image/*;q=0.5";

  private final Gate gate;
  private final HttpClients clients;
  private final boolean ownClients;
  private final String identity;
  private final Duration timeout;
  private final String userAgent;
  private final int maxRedirects;

  /**
   * Downloads on the direct network, anonymously.
   *
   * @param gate what every hop passes
   * @param connector opens the connections to checked addresses (tests map public-looking addresses
   *     to loopback)
   * @param timeout the time allowed for one hop, body included
   * @param userAgent the {@code User-Agent} to send
   * @param maxRedirects the most redirects followed
   */
  public HttpImageSource(
      Gate gate, Connector connector, Duration timeout, String userAgent, int maxRedirects) {
    this(
        gate,
        new HttpClients(connector, ProxyRoutes.none()),
        true,
        FetchRequest.ANONYMOUS,
        timeout,
        userAgent,
        maxRedirects);
  }

  /**
   * Downloads as {@code identity}: through its own proxy when it has one.
   *
   * @param clients the process's clients (one per identity's network)
   */
  public HttpImageSource(
      Gate gate,
      HttpClients clients,
      String identity,
      Duration timeout,
      String userAgent,
      int maxRedirects) {
    this(gate, clients, false, identity, timeout, userAgent, maxRedirects);
  }

  private HttpImageSource(
      Gate gate,
      HttpClients clients,
      boolean ownClients,
      String identity,
      Duration timeout,
      String userAgent,
      int maxRedirects) {
    this.gate = Objects.requireNonNull(gate, "gate");
    this.clients = Objects.requireNonNull(clients, "clients");
    this.ownClients = ownClients;
    this.identity = Objects.requireNonNull(identity, "identity");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
    this.maxRedirects = maxRedirects;
  }

  @Override
  public InputStream open(URI url) throws IOException {
    URI current = url;
    for (int redirects = 0; ; redirects++) {
      Response response = exchange(current);
      int status = response.code();
      String location = response.header("Location");
      if (status / 100 == 3 && location != null) {
        response.close();
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
        response.close();
        throw new IOException("HTTP " + status + " for " + withoutQuery(current));
      }
      // closing the stream closes the response
      return response.body().byteStream();
    }
  }

  private Response exchange(URI url) throws IOException {
    HttpUrl target = url.getHost() == null ? null : HttpUrl.parse(url.toString());
    if (target == null) {
      // e.g. http://127.1/: no server-based host; never a runtime error for a page's URL
      throw new IOException("unusable image URL " + withoutQuery(url));
    }
    Request request =
        new Request.Builder()
            .url(target)
            .header("Accept", ACCEPT)
            .header("User-Agent", userAgent)
            .build();
    try (Gate.Passage passage = gate.enter(target.uri())) {
      return clients.client(identity, gate.guard(), timeout).newCall(request).execute();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted fetching " + withoutQuery(url));
    } catch (IOException e) {
      AddressRefusedException refusal = HttpClients.refusalIn(e).orElse(null);
      if (refusal != null) {
        throw refusal;
      }
      throw clients.proxyFailure(identity, e).map(IOException.class::cast).orElse(e);
    }
  }

  @Override
  public void close() {
    if (ownClients) {
      clients.close();
    }
  }

  /** The URL as it may be logged: signatures and tokens live in the query. */
  static String withoutQuery(URI url) {
    return AddressGuard.withoutQueryOf(url);
  }
}
