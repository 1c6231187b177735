package com.mallrank.batch.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mallrank.batch.config.ApplicationYaml;
import com.mallrank.batch.config.CrawlerProperties;
import com.mallrank.batch.demo.SandboxProperties;
import com.mallrank.batch.demo.SandboxRuntime;
import com.mallrank.crawler.net.RecordingProxy;
import com.mallrank.crawler.politeness.AddressRefusedException;
import com.mallrank.crawler.sandbox.SandboxMall.Served;
import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Main-image downloads while sampling the sandbox (blank {@code crawler.base-url}): the sandbox's
 * own CDN hosts are answered by the sandbox mall, and no other private address is ever fetched
 * (issue 8 row 1: before, a blank base URL allowed private addresses for every image); a vantage
 * with a proxy in the plan downloads through it (issue 20).
 */
class MainImagesTest {

  private final AtomicInteger internalRequests = new AtomicInteger();
  private HttpServer internal;
  private SandboxRuntime sandbox;
  private BrowserRuntime network;
  private MainImages images;
  private Target target;
  private RecordingProxy proxy;
  @TempDir Path dir;

  @BeforeEach
  void start() throws Exception {
    internal = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    internal.createContext(
        "/",
        ex -> {
          internalRequests.incrementAndGet();
          ex.sendResponseHeaders(200, -1);
          ex.close();
        });
    internal.start();
    CrawlerProperties properties =
        ApplicationYaml.bind(
            "crawler",
            CrawlerProperties.class,
            Map.of("crawler.images.fingerprint", "true", "crawler.sandbox.port", "0"));
    sandbox =
        new SandboxRuntime(
            ApplicationYaml.bind(
                "crawler.sandbox", SandboxProperties.class, Map.of("crawler.sandbox.port", "0")));
    proxy = RecordingProxy.start();
    // a plan whose account mx-proxied leaves through the recording proxy
    Path plan = dir.resolve("plan.yml");
    Files.writeString(
        plan,
        """
        accounts:
          - id: mx-proxied
            shop-ids: ["7201283738326735002"]
            proxy: %s
        groups:
          - name: core
            profile: sandbox-static
            vantages: [anonymous, mx-proxied]
            keywords: [加厚羽绒服女长款]
        """
            .formatted(proxy.url()));
    network = PlanNetwork.of(properties, plan, dir).network();
    images = new MainImages(properties, new SamplerFactory(properties, network), network);
    target = new Targets(properties, Optional.of(sandbox)).target();
  }

  @AfterEach
  void stop() {
    images.destroy();
    network.destroy();
    sandbox.destroy();
    internal.stop(0);
    proxy.close();
  }

  @Test
  void aPrivateAddressIsRefusedEvenWhileSamplingTheSandbox() {
    int port = internal.getAddress().getPort();
    for (String url :
        new String[] {
          "http://127.0.0.1:" + port + "/obj/ecom-shop-material/a.jpeg",
          "http://localhost:" + port + "/a.png",
          "http://[::ffff:127.0.0.1]:" + port + "/a.png"
        }) {
      assertThatThrownBy(() -> images.source(target, "anonymous").open(URI.create(url)))
          .as(url)
          .isInstanceOf(AddressRefusedException.class)
          .hasMessageContaining("[PRIVATE_ADDRESS]");
    }
    assertThat(internalRequests).hasValue(0);
  }

  @Test
  void theSandboxCdnIsAnsweredByTheSandboxMall() throws Exception {
    String image = sandboxCdnImage();
    long before = sandbox.mall().served(Served.IMAGES);

    try (InputStream in = images.source(target, "anonymous").open(URI.create(image))) {
      assertThat(in.readAllBytes()).hasSizeGreaterThan(100);
    }
    assertThat(sandbox.mall().served(Served.IMAGES) - before).isEqualTo(1);
    assertThat(proxy.log()).isEmpty();
  }

  @Test
  void aVantageWithAProxyDownloadsItsImagesThroughIt() throws Exception {
    String image = sandboxCdnImage();
    long before = sandbox.mall().served(Served.IMAGES);

    try (InputStream in = images.source(target, "mx-proxied").open(URI.create(image))) {
      assertThat(in.readAllBytes()).hasSizeGreaterThan(100);
    }
    assertThat(sandbox.mall().served(Served.IMAGES) - before).isEqualTo(1);
    String path = URI.create(image).getRawPath();
    assertThat(proxy.log())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.target()).isEqualTo(URI.create(sandbox.baseUrl()).getAuthority());
              assertThat(e.request()).isEqualTo("GET " + path);
            });
  }

  /** A sandbox CDN image URL from the sandbox's search page. */
  private String sandboxCdnImage() throws Exception {
    String page =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            sandbox.baseUrl()
                                + "/search?keyword="
                                + URLEncoder.encode("加厚羽绒服女长款", StandardCharsets.UTF_8)))
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    Matcher cdn = Pattern.compile("https://[a-z0-9-]+\\.sandbox-img\\.test/[^\"]+").matcher(page);
    assertThat(cdn.find()).as("a sandbox CDN image in the page").isTrue();
    return cdn.group().replace("&amp;", "&");
  }
}
