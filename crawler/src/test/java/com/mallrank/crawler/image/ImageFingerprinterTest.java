package com.mallrank.crawler.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallrank.crawler.image.ImageFingerprint.SkipReason;
import com.mallrank.crawler.image.MainImageComparison.Basis;
import com.mallrank.crawler.image.MainImageComparison.Verdict;
import com.mallrank.crawler.net.Connector;
import com.mallrank.crawler.net.TestNet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against a real HTTP server on 127.0.0.1 that stands in for the image CDN. */
class ImageFingerprinterTest {

  private static final String SANDBOX_CDN = "https://p%d-ecom.sandbox-img.test";
  private static final String A1B2C3 =
      "/obj/ecom-shop-material/a1b2c3.jpeg~tplv-resize:400:400.jpeg";
  private static final String D4E5F6 =
      "/obj/ecom-shop-material/d4e5f6.jpeg~tplv-resize:400:400.jpeg";
  private static final String REUPLOADED =
      "/obj/ecom-shop-material/f0f0f0.jpeg~tplv-resize:400:400.jpeg";

  private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
  private HttpServer server;
  private HttpImageSource http;
  private ImageSource toLocalServer;

  @BeforeEach
  void startCdn() throws IOException {
    Map<String, byte[]> images =
        Map.of(
            A1B2C3,
            TestImages.jpeg(TestImages.product(1), 0.9f),
            D4E5F6,
            TestImages.jpeg(TestImages.product(2), 0.9f),
            REUPLOADED,
            TestImages.jpeg(TestImages.resized(TestImages.product(1), 800, 800), 0.5f),
            "/obj/ecom-shop-material/anim.webp",
            "RIFF\0\0\0\0WEBPVP8 ....".getBytes(StandardCharsets.ISO_8859_1));
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().getRawPath();
          requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
          try (exchange) {
            if (path.startsWith("/obj/ecom-shop-material/huge")) {
              streamHuge(exchange);
            } else if (images.containsKey(path)) {
              exchange.getResponseHeaders().set("Content-Type", "image/jpeg");
              exchange.sendResponseHeaders(200, images.get(path).length);
              exchange.getResponseBody().write(images.get(path));
            } else {
              exchange.sendResponseHeaders(404, -1);
            }
          }
        });
    server.start();
    http =
        new HttpImageSource(
            TestNet.loopback(), Connector.direct(), Duration.ofSeconds(5), "mallrank-test", 5);
    String local = "http://127.0.0.1:" + server.getAddress().getPort();
    // The sandbox CDN host does not resolve: send its paths to the local server, as a hosts entry
    // would.
    toLocalServer =
        url -> http.open(URI.create(local + url.getRawPath() + "?" + url.getRawQuery()));
  }

  @AfterEach
  void stopCdn() {
    http.close();
    server.stop(0);
  }

  @Test
  void reSignedUrlsOnAnyShardAreDownloadedOnce() {
    ImageFingerprinter fingerprinter = new ImageFingerprinter(toLocalServer, 1 << 20, 100);

    ImageFingerprint first = fingerprinter.fingerprint(sandboxUrl(3, A1B2C3, 1795860000, "Zk9aa"));
    ImageFingerprint second = fingerprinter.fingerprint(sandboxUrl(6, A1B2C3, 1795860060, "Qq1bb"));
    ImageFingerprint third = fingerprinter.fingerprint(sandboxUrl(9, A1B2C3, 1795860120, "Xx2cc"));

    assertThat(first.hasHash()).isTrue();
    assertThat(second).isEqualTo(first);
    assertThat(third).isEqualTo(first);
    assertThat(requests.get(A1B2C3)).hasValue(1);
    assertThat(fingerprinter.cachedKeys()).isEqualTo(1);
  }

  @Test
  void comparesPicturesNotUrls() {
    ImageFingerprinter fingerprinter = new ImageFingerprinter(toLocalServer, 1 << 20, 100);
    String original = sandboxUrl(3, A1B2C3, 1, "a");
    String reSigned = sandboxUrl(9, A1B2C3, 2, "b");
    String reUploaded = sandboxUrl(6, REUPLOADED, 3, "c");
    String other = sandboxUrl(3, D4E5F6, 4, "d");

    MainImage before = MainImage.of(original, fingerprinter.fingerprint(original));

    assertThat(compare(before, reSigned, fingerprinter))
        .isEqualTo(new MainImageComparison(Verdict.SAME, Basis.KEY, null));
    MainImageComparison uploadedAgain = compare(before, reUploaded, fingerprinter);
    assertThat(uploadedAgain.verdict()).isEqualTo(Verdict.SAME);
    assertThat(uploadedAgain.basis()).isEqualTo(Basis.HASH);
    assertThat(uploadedAgain.hashDistance()).isLessThanOrEqualTo(4);
    MainImageComparison changed = compare(before, other, fingerprinter);
    assertThat(changed.verdict()).isEqualTo(Verdict.CHANGED);
    assertThat(changed.basis()).isEqualTo(Basis.HASH);
    assertThat(changed.hashDistance()).isGreaterThan(PerceptualHash.SAME_PICTURE_MAX_DISTANCE);
  }

  @Test
  void oversizedImageIsSkippedAfterTheCapAndRemembered() {
    ImageFingerprinter fingerprinter = new ImageFingerprinter(toLocalServer, 64 * 1024, 100);
    String url = sandboxUrl(3, "/obj/ecom-shop-material/huge.jpeg", 1, "a");

    ImageFingerprint result = fingerprinter.fingerprint(url);
    ImageFingerprint again =
        fingerprinter.fingerprint(sandboxUrl(6, "/obj/ecom-shop-material/huge.jpeg", 2, "b"));

    assertThat(result.hash()).isNull();
    assertThat(result.skipped()).isEqualTo(SkipReason.TOO_LARGE);
    assertThat(result.detail()).contains("65536");
    assertThat(again).isEqualTo(result);
    assertThat(requests.get("/obj/ecom-shop-material/huge.jpeg")).hasValue(1);
  }

  @Test
  void failedDownloadIsNotRemembered() {
    ImageFingerprinter fingerprinter = new ImageFingerprinter(toLocalServer, 1 << 20, 100);
    String url = sandboxUrl(3, "/obj/ecom-shop-material/gone.jpeg", 1, "secret");

    ImageFingerprint result = fingerprinter.fingerprint(url);
    fingerprinter.fingerprint(url);

    assertThat(result.skipped()).isEqualTo(SkipReason.FETCH_FAILED);
    assertThat(result.detail()).contains("HTTP 404").contains("gone.jpeg").doesNotContain("secret");
    assertThat(result.key()).isEqualTo(ImageKey.of(url));
    assertThat(requests.get("/obj/ecom-shop-material/gone.jpeg")).hasValue(2);
    assertThat(fingerprinter.cachedKeys()).isZero();
  }

  @Test
  void unsupportedFormatIsSkippedWithItsReason() {
    ImageFingerprinter fingerprinter = new ImageFingerprinter(toLocalServer, 1 << 20, 100);

    ImageFingerprint result =
        fingerprinter.fingerprint(sandboxUrl(3, "/obj/ecom-shop-material/anim.webp", 1, "a"));

    assertThat(result.skipped()).isEqualTo(SkipReason.UNSUPPORTED_FORMAT);
    assertThat(result.detail()).contains("unsupported image format");
  }

  @Test
  void leastRecentlyUsedKeyIsForgotten() {
    ImageFingerprinter fingerprinter = new ImageFingerprinter(toLocalServer, 1 << 20, 2);

    fingerprinter.fingerprint(sandboxUrl(3, A1B2C3, 1, "a"));
    fingerprinter.fingerprint(sandboxUrl(3, D4E5F6, 1, "a"));
    fingerprinter.fingerprint(sandboxUrl(3, A1B2C3, 2, "b"));
    fingerprinter.fingerprint(sandboxUrl(3, REUPLOADED, 1, "a"));
    fingerprinter.fingerprint(sandboxUrl(3, D4E5F6, 2, "b"));

    assertThat(fingerprinter.cachedKeys()).isEqualTo(2);
    assertThat(requests.get(A1B2C3)).hasValue(1);
    assertThat(requests.get(D4E5F6)).hasValue(2);
  }

  @Test
  void urlsThatCannotBeFetchedAreSkippedWithoutTheNetwork() {
    ImageFingerprinter fingerprinter = new ImageFingerprinter(toLocalServer, 1 << 20, 2);

    assertThat(fingerprinter.fingerprint(null).skipped()).isEqualTo(SkipReason.NO_URL);
    assertThat(fingerprinter.fingerprint(" ").skipped()).isEqualTo(SkipReason.NO_URL);
    ImageFingerprint relative = fingerprinter.fingerprint("/obj/ecom-shop-material/a1b2c3.jpeg");
    assertThat(relative.skipped()).isEqualTo(SkipReason.BAD_URL);
    assertThat(relative.key()).isNotNull();
    assertThat(fingerprinter.fingerprint("ftp://cdn.example.com/x.jpg").skipped())
        .isEqualTo(SkipReason.BAD_URL);
    assertThat(requests).isEmpty();
  }

  private static MainImageComparison compare(
      MainImage before, String afterUrl, ImageFingerprinter fingerprinter) {
    return MainImageComparison.compare(
        before, MainImage.of(afterUrl, fingerprinter.fingerprint(afterUrl)));
  }

  private static String sandboxUrl(int shard, String path, long expires, String signature) {
    return SANDBOX_CDN.formatted(shard)
        + path
        + "?x-expires="
        + expires
        + "&x-signature="
        + signature;
  }

  /** 8 MiB, chunked, written until the client hangs up. */
  private static void streamHuge(HttpExchange exchange) throws IOException {
    exchange.sendResponseHeaders(200, 0);
    byte[] chunk = new byte[64 * 1024];
    try (OutputStream out = exchange.getResponseBody()) {
      for (int i = 0; i < 128; i++) {
        out.write(chunk);
      }
    } catch (IOException clientClosed) {
      // expected: the fingerprinter stops reading at its cap
    }
  }
}
