package com.mallrank.crawler.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mallrank.crawler.net.TestNet;
import com.mallrank.crawler.testing.ApplicationDefaults;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JsoupFetcherTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-28T14:00:00Z"), ZoneOffset.UTC);

  private final AtomicReference<String> cookieSeen = new AtomicReference<>();
  private HttpServer server;
  private String base;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/search",
        ex -> {
          cookieSeen.set(ex.getRequestHeaders().getFirst("Cookie"));
          send(ex, 200, "text/html; charset=utf-8", "<title>羽绒服女</title>", Map.of());
        });
    server.createContext(
        "/limited", ex -> send(ex, 429, "text/html", "slow down", Map.of("Retry-After", "7")));
    server.createContext(
        "/dated",
        ex ->
            send(
                ex,
                503,
                "text/html",
                "later",
                Map.of("Retry-After", "Sat, 28 Nov 2026 14:02:00 GMT")));
    server.createContext("/big", ex -> send(ex, 200, "text/html", "x".repeat(5000), Map.of()));
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private static void send(
      HttpExchange ex, int status, String type, String body, Map<String, String> headers)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", type);
    headers.forEach((k, v) -> ex.getResponseHeaders().set(k, v));
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  private JsoupFetcher fetcher(int maxBytes) {
    return new JsoupFetcher(ApplicationDefaults.jsoup(Duration.ofSeconds(5), maxBytes), CLOCK);
  }

  @Test
  void fetchesUtf8AndSendsTheIdentityCookies() throws Exception {
    FetchRequest request =
        new FetchRequest(
            URI.create(base + "/search?keyword=%E7%BE%BD"),
            "shop-a",
            CookieJar.of(List.of(Cookie.hostOnly("sessionid", "s3cr3t", "127.0.0.1"))),
            TestNet.loopback());

    FetchResponse response = fetcher(1000).fetch(request);

    assertThat(response.httpStatus()).isEqualTo(200);
    assertThat(response.body()).contains("羽绒服女");
    assertThat(response.retryAfter()).isNull();
    assertThat(cookieSeen.get()).contains("sessionid=s3cr3t");
    assertThat(request.toString()).doesNotContain("s3cr3t");
  }

  @Test
  void httpErrorsAreResponsesWithRetryAfter() throws Exception {
    FetchResponse limited =
        fetcher(1000)
            .fetch(FetchRequest.anonymous(URI.create(base + "/limited"), TestNet.loopback()));
    assertThat(limited.httpStatus()).isEqualTo(429);
    assertThat(limited.retryAfter()).isEqualTo(Duration.ofSeconds(7));

    FetchResponse dated =
        fetcher(1000)
            .fetch(FetchRequest.anonymous(URI.create(base + "/dated"), TestNet.loopback()));
    assertThat(dated.httpStatus()).isEqualTo(503);
    assertThat(dated.retryAfter()).isEqualTo(Duration.ofMinutes(2));
  }

  @Test
  void oversizedBodiesAndDeadServersAreFetchExceptions() {
    assertThatThrownBy(
            () ->
                fetcher(1000)
                    .fetch(FetchRequest.anonymous(URI.create(base + "/big"), TestNet.loopback())))
        .isInstanceOf(FetchException.class)
        .hasMessageContaining("1000 bytes")
        .hasCauseInstanceOf(com.mallrank.crawler.politeness.BodyTooLargeException.class);

    server.stop(0);
    assertThatThrownBy(
            () ->
                fetcher(1000)
                    .fetch(
                        new FetchRequest(
                            URI.create(base + "/search"),
                            "shop-a",
                            CookieJar.of(
                                List.of(Cookie.hostOnly("sessionid", "s3cr3t", "127.0.0.1"))),
                            TestNet.loopback())))
        .isInstanceOf(FetchException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cr3t"));
  }
}
