package com.mallrank.crawler.fetch.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mallrank.crawler.fetch.FetchException;
import com.mallrank.crawler.fetch.FetchRequest;
import com.mallrank.crawler.fetch.FetchResponse;
import com.mallrank.crawler.fetch.JsoupFetcher;
import com.mallrank.crawler.net.CountingConnector;
import com.mallrank.crawler.net.ProxyRoutes;
import com.mallrank.crawler.net.RecordingProxy;
import com.mallrank.crawler.net.Socks5TestServer;
import com.mallrank.crawler.net.TestNet;
import com.mallrank.crawler.net.UpstreamProxy;
import com.mallrank.crawler.sandbox.SandboxMall;
import com.mallrank.crawler.sandbox.SandboxMall.Served;
import com.mallrank.crawler.testing.ApplicationDefaults;
import com.mallrank.crawler.testing.BrowserFixture;
import com.mallrank.crawler.testing.SharedChromium;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Per-identity network and device (issue 10 item 2) in the real Chromium and the static fetcher:
 * two recording HTTP proxies on loopback see exactly their own identity's requests (by the sandbox
 * identity cookie and the device's user agent), nothing goes through the direct network, and a dead
 * proxy makes that identity's fetches errors naming the proxy, with nothing sent direct.
 */
class IdentityProxyIT {

  private static RecordingProxy proxyA;
  private static RecordingProxy proxyB;

  @TempDir static Path states;

  @RegisterExtension
  static final BrowserFixture BROWSER = BrowserFixture.sandboxMallAt(BrowserIT.TIME);

  @BeforeAll
  static void start() throws Exception {
    proxyA = RecordingProxy.start();
    proxyB = RecordingProxy.start();
  }

  @AfterAll
  static void stop() {
    if (proxyA != null) {
      proxyA.close();
      proxyB.close();
    }
  }

  /** Every connection the fetchers would open without a proxy. */
  private final CountingConnector countingDirect = new CountingConnector();

  @BeforeEach
  void clearLogs() {
    proxyA.clear();
    proxyB.clear();
  }

  @Test
  void eachIdentityGoesOnlyThroughItsOwnProxyAsItsOwnDevice() throws Exception {
    ProxyRoutes routes =
        ProxyRoutes.of(
            Map.of(
                BrowserIT.HANGZHOU,
                UpstreamProxy.parse(proxyA.url()),
                BrowserIT.GUANGZHOU,
                UpstreamProxy.parse(proxyB.url()).withCredentials("mx-gz:pa55")));
    Emulation iphone = Devices.named("iPhone 13", "zh-CN").orElseThrow();
    IdentityDevices devices =
        IdentityDevices.of(
            Map.of(BrowserIT.HANGZHOU, new DeviceProfile(iphone, "Asia/Shanghai", 30.27, 120.15)));
    long spaBefore = BROWSER.mall().served(Served.SPA_SHELLS);
    long apiBefore = BROWSER.mall().served(Served.API_ANSWERS);
    try (PlaywrightFetcher fetcher = fetcher(routes, devices)) {
      FetchResponse a =
          fetcher.fetch(request(BROWSER.mall().spaUrl(BrowserIT.KEYWORD), BrowserIT.HANGZHOU));
      FetchResponse b =
          fetcher.fetch(request(BROWSER.mall().spaUrl(BrowserIT.KEYWORD), BrowserIT.GUANGZHOU));
      assertThat(a.httpStatus()).isEqualTo(200);
      assertThat(b.httpStatus()).isEqualTo(200);
      assertThat(a.body()).contains("goods-card");
      assertThat(b.body()).contains("goods-card");
    }
    assertThat(BROWSER.mall().served(Served.SPA_SHELLS) - spaBefore).isEqualTo(2);
    assertThat(BROWSER.mall().served(Served.API_ANSWERS) - apiBefore).isEqualTo(4);
    assertThat(countingDirect.count()).as("connections on the direct network").isZero();
    // each proxy saw exactly its identity's page and its two API pages, and nothing else
    List<String> onePage = List.of("GET /spa/search", "GET /api/search", "GET /api/search");
    assertThat(proxyA.log()).extracting(RecordingProxy.Entry::request).isEqualTo(onePage);
    assertThat(proxyB.log()).extracting(RecordingProxy.Entry::request).isEqualTo(onePage);
    assertThat(proxyA.log())
        .allSatisfy(
            e -> {
              assertThat(e.identity()).isEqualTo(BrowserIT.HANGZHOU);
              assertThat(e.userAgent()).isEqualTo(iphone.userAgent());
              assertThat(e.authorized()).isFalse();
            });
    assertThat(proxyB.log())
        .allSatisfy(
            e -> {
              assertThat(e.identity()).isEqualTo(BrowserIT.GUANGZHOU);
              assertThat(e.userAgent()).isEqualTo(BrowserIT.settings().emulation().userAgent());
              assertThat(e.authorized()).isTrue();
            });

    // static fetches: the same routes
    proxyA.clear();
    proxyB.clear();
    JsoupFetcher jsoup = jsoup(routes);
    FetchResponse staticA =
        jsoup.fetch(
            new FetchRequest(
                URI.create(BROWSER.mall().searchUrl(BrowserIT.KEYWORD)),
                BrowserIT.HANGZHOU,
                TestNet.sandboxIdentity(SandboxMall.IDENTITY_COOKIE, BrowserIT.HANGZHOU),
                TestNet.loopback()));
    assertThat(staticA.httpStatus()).isEqualTo(200);
    assertThat(proxyA.log())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.request()).isEqualTo("GET /search");
              assertThat(e.identity()).isEqualTo(BrowserIT.HANGZHOU);
              assertThat(e.target())
                  .isEqualTo("127.0.0.1:" + URI.create(BROWSER.mall().baseUrl()).getPort());
            });
    assertThat(proxyB.log()).isEmpty();
    assertThat(countingDirect.count()).isZero();
  }

  @Test
  void aDeadProxyIsThatIdentitysErrorAndNothingGoesDirect() throws Exception {
    int deadPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      deadPort = s.getLocalPort();
    }
    String dead = "http://127.0.0.1:" + deadPort;
    ProxyRoutes routes =
        ProxyRoutes.of(
            Map.of(
                BrowserIT.HANGZHOU,
                UpstreamProxy.parse(dead),
                BrowserIT.GUANGZHOU,
                UpstreamProxy.parse(proxyB.url())));
    long spaBefore = BROWSER.mall().served(Served.SPA_SHELLS);
    long searchBefore = BROWSER.mall().served(Served.SEARCH_PAGES);
    try (PlaywrightFetcher fetcher = fetcher(routes, IdentityDevices.none())) {
      assertThatThrownBy(
              () ->
                  fetcher.fetch(
                      request(BROWSER.mall().spaUrl(BrowserIT.KEYWORD), BrowserIT.HANGZHOU)))
          .isInstanceOf(FetchException.class)
          .hasMessageContaining(
              "the proxy of identity mx-hangzhou failed: proxy " + dead + " unreachable");
      // the other identity goes on through its own proxy
      FetchResponse b =
          fetcher.fetch(request(BROWSER.mall().spaUrl(BrowserIT.KEYWORD), BrowserIT.GUANGZHOU));
      assertThat(b.body()).contains("goods-card");
    }
    assertThat(BROWSER.mall().served(Served.SPA_SHELLS) - spaBefore)
        .as("only the live identity's page")
        .isEqualTo(1);
    assertThatThrownBy(
            () ->
                jsoup(routes)
                    .fetch(
                        new FetchRequest(
                            URI.create(BROWSER.mall().searchUrl(BrowserIT.KEYWORD)),
                            BrowserIT.HANGZHOU,
                            TestNet.sandboxIdentity(
                                SandboxMall.IDENTITY_COOKIE, BrowserIT.HANGZHOU),
                            TestNet.loopback())))
        .isInstanceOf(FetchException.class)
        .hasMessageContaining("proxy " + dead + " unreachable");
    assertThat(BROWSER.mall().served(Served.SEARCH_PAGES)).isEqualTo(searchBefore);
    assertThat(countingDirect.count()).as("connections on the direct network").isZero();
    assertThat(proxyB.log())
        .allSatisfy(e -> assertThat(e.identity()).isEqualTo(BrowserIT.GUANGZHOU));
  }

  @Test
  void aBrowserContextGoesThroughItsSocks5ProxyAsThatUserToTheIpLiteral() throws Exception {
    try (Socks5TestServer socks = Socks5TestServer.withCredentials("mx-hz", "pa55")) {
      ProxyRoutes routes =
          ProxyRoutes.of(
              Map.of(
                  BrowserIT.HANGZHOU,
                  UpstreamProxy.parse(socks.url()).withCredentials("mx-hz:pa55")));
      long spaBefore = BROWSER.mall().served(Served.SPA_SHELLS);
      long apiBefore = BROWSER.mall().served(Served.API_ANSWERS);
      try (PlaywrightFetcher fetcher =
          new PlaywrightFetcher(
                  BrowserIT.settings(),
                  BrowserIT.domOptions(),
                  BrowserIT.storageStates(states, BrowserIT.HANGZHOU),
                  countingDirect,
                  5,
                  routes,
                  IdentityDevices.none())
              .withBrowserSource(SharedChromium.source())) {
        FetchResponse a =
            fetcher.fetch(request(BROWSER.mall().spaUrl(BrowserIT.KEYWORD), BrowserIT.HANGZHOU));
        assertThat(a.httpStatus()).isEqualTo(200);
        assertThat(a.body()).contains("goods-card");
      }
      assertThat(BROWSER.mall().served(Served.SPA_SHELLS) - spaBefore).isEqualTo(1);
      assertThat(BROWSER.mall().served(Served.API_ANSWERS) - apiBefore).isEqualTo(2);
      assertThat(countingDirect.count()).as("connections on the direct network").isZero();
      String target = "127.0.0.1:" + URI.create(BROWSER.mall().baseUrl()).getPort();
      // one SOCKS5 CONNECT per connection the browser opened: IPv4 bytes, never a name
      assertThat(socks.log())
          .isNotEmpty()
          .containsOnly(new Socks5TestServer.Entry(1, target, "mx-hz", true));
      assertThat(socks.refusedUsers()).isEmpty();
    }
  }

  private JsoupFetcher jsoup(ProxyRoutes routes) {
    return new JsoupFetcher(
        ApplicationDefaults.jsoup(Duration.ofSeconds(5)),
        Clock.systemUTC(),
        countingDirect,
        routes);
  }

  private static FetchRequest request(String url, String identity) {
    return BrowserIT.request(url, identity);
  }

  /**
   * A DOM-mode fetcher of both logged-in identities on these routes, direct connections counted.
   */
  private PlaywrightFetcher fetcher(ProxyRoutes routes, IdentityDevices devices) throws Exception {
    return new PlaywrightFetcher(
            BrowserIT.settings(),
            BrowserIT.domOptions(),
            BrowserIT.storageStates(states, BrowserIT.HANGZHOU, BrowserIT.GUANGZHOU),
            countingDirect,
            5,
            routes,
            devices)
        .withBrowserSource(SharedChromium.source());
  }
}
