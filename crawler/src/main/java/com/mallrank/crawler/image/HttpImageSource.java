package com.mallrank.crawler.image;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;

/**
 * An {@link ImageSource} over the JDK {@link HttpClient}. It asks for JPEG, PNG or GIF first so a
 * negotiating CDN does not answer with WebP, which {@link PerceptualHash} cannot decode.
 */
public final class HttpImageSource implements ImageSource {

  private static final String ACCEPT = "image/jpeg,image/png,image/gif;q=0.9,image/*;q=0.5";

  private final HttpClient client;
  private final Duration timeout;
  private final String userAgent;

  /**
   * @param client the client (its connect timeout and redirect policy apply)
   * @param timeout the time allowed until the response headers arrive
   * @param userAgent the {@code User-Agent} to send
   */
  public HttpImageSource(HttpClient client, Duration timeout, String userAgent) {
    this.client = Objects.requireNonNull(client, "client");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
  }

  /** A source with a fresh client: 10 s to connect, 20 s for the response, normal redirects. */
  public static HttpImageSource withDefaults(String userAgent) {
    HttpClient client =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    return new HttpImageSource(client, Duration.ofSeconds(20), userAgent);
  }

  @Override
  public InputStream open(URI url) throws IOException {
    HttpRequest request =
        HttpRequest.newBuilder(url)
            .timeout(timeout)
            .header("Accept", ACCEPT)
            .header("User-Agent", userAgent)
            .GET()
            .build();
    HttpResponse<InputStream> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted fetching " + withoutQuery(url));
    }
    int status = response.statusCode();
    if (status / 100 != 2) {
      response.body().close();
      throw new IOException("HTTP " + status + " for " + withoutQuery(url));
    }
    return response.body();
  }

  /** The URL as it may be logged: signatures and tokens live in the query. */
  static String withoutQuery(URI url) {
    String s = url.toString();
    int cut = s.indexOf('?');
    return cut < 0 ? s : s.substring(0, cut) + "?…";
  }
}
