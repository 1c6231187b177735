package com.mallrank.crawler.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mallrank.crawler.fetch.CookieJar;
import com.mallrank.crawler.fetch.FetchException;
import com.mallrank.crawler.fetch.FetchRequest;
import com.mallrank.crawler.fetch.FetchResponse;
import com.mallrank.crawler.fetch.JsoupFetcher;
import com.mallrank.crawler.politeness.AddressGuard;
import com.mallrank.crawler.politeness.Gate;
import com.mallrank.crawler.sandbox.SandboxMall;
import com.mallrank.crawler.sandbox.SandboxMall.Served;
import com.mallrank.crawler.testing.ApplicationDefaults;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An identity's {@code socks5://} proxy (issue 10 item 2) on loopback, through the new way out (the
 * JDK's SOCKS5 client under {@link HttpClients}, credentials the identity's own): the static
 * fetcher reaches the sandbox only through it, asking for the address the guard checked as bytes
 * (never a name), authenticated as that identity; a wrong password, no password or a dead proxy is
 * an error naming the proxy, a refused target the proxy's reply, with nothing at the sandbox and
 * nothing on the direct network.
 */
class Socks5ProxyTest {

  private static final String ID = "mx-socks";
  private static final String KEYWORD = "加厚羽绒服女长款";

  private static SandboxMall mall;

  /** Every connection the fetchers would open without a proxy. */
  private final CountingConnector countingDirect = new CountingConnector();

  @BeforeAll
  static void start() {
    mall = SandboxMall.start();
  }

  @AfterAll
  static void stop() {
    if (mall != null) {
      mall.close();
    }
  }

  @Test
  void aStaticFetchGoesThroughTheIdentitysSocks5ProxyWithItsCredentialsAndTheIpLiteral()
      throws Exception {
    try (Socks5TestServer socks = Socks5TestServer.withCredentials("mx-a", "pa55")) {
      UpstreamProxy proxy = UpstreamProxy.parse(socks.url()).withCredentials("mx-a:pa55");
      long before = mall.served(Served.SEARCH_PAGES);
      FetchResponse response = fetch(proxy);
      assertThat(response.httpStatus()).isEqualTo(200);
      assertThat(mall.served(Served.SEARCH_PAGES) - before).isEqualTo(1);
      int mallPort = URI.create(mall.baseUrl()).getPort();
      assertThat(socks.log())
          .containsExactly(new Socks5TestServer.Entry(1, "127.0.0.1:" + mallPort, "mx-a", true));
      assertThat(socks.refusedUsers()).isEmpty();
      assertThat(countingDirect.count()).as("connections on the direct network").isZero();
    }
  }

  @Test
  void aWrongPasswordIsAnErrorNamingTheProxyAndNothingReachesTheSite() throws Exception {
    try (Socks5TestServer socks = Socks5TestServer.withCredentials("mx-a", "pa55")) {
      UpstreamProxy proxy = UpstreamProxy.parse(socks.url()).withCredentials("mx-a:wrong-s3cr3t");
      long before = mall.served(Served.SEARCH_PAGES);
      assertThatThrownBy(() -> fetch(proxy))
          .isInstanceOf(FetchException.class)
          .hasMessageContaining("proxy " + socks.url() + " refused the credentials")
          .hasMessageNotContaining("wrong-s3cr3t");
      assertThat(socks.refusedUsers()).containsExactly("mx-a");
      assertThat(socks.log()).isEmpty();
      assertThat(mall.served(Served.SEARCH_PAGES)).isEqualTo(before);
      assertThat(countingDirect.count()).isZero();

      // and without credentials at all, the proxy's demand is named
      assertThatThrownBy(() -> fetch(UpstreamProxy.parse(socks.url())))
          .isInstanceOf(FetchException.class)
          .hasMessageContaining("proxy " + socks.url() + " asks for credentials");
      assertThat(mall.served(Served.SEARCH_PAGES)).isEqualTo(before);
    }
  }

  @Test
  void aDeadSocks5ProxyIsAnErrorAndNothingGoesDirect() throws Exception {
    int deadPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      deadPort = s.getLocalPort();
    }
    String dead = "socks5://127.0.0.1:" + deadPort;
    long before = mall.served(Served.SEARCH_PAGES);
    assertThatThrownBy(() -> fetch(UpstreamProxy.parse(dead)))
        .isInstanceOf(FetchException.class)
        .hasMessageContaining("proxy " + dead + " unreachable");
    assertThat(mall.served(Served.SEARCH_PAGES)).isEqualTo(before);
    assertThat(countingDirect.count()).isZero();
  }

  @Test
  void aRefusedTargetIsTheReplysMeaningAndIpv6GoesAsIpv6Bytes() throws Exception {
    int deadPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      deadPort = s.getLocalPort();
    }
    try (Socks5TestServer socks = Socks5TestServer.open()) {
      UpstreamProxy proxy = UpstreamProxy.parse(socks.url());
      Gate loopback = Gate.unpaced(new AddressGuard(List.of("127.0.0.1", "[::1]"), true));
      for (String host : List.of("127.0.0.1", "[::1]")) {
        URI dead = URI.create("http://" + host + ":" + deadPort + "/search");
        assertThatThrownBy(
                () -> fetcher(proxy).fetch(new FetchRequest(dead, ID, CookieJar.empty(), loopback)))
            .isInstanceOf(FetchException.class)
            .hasMessageContaining(
                "proxy " + socks.url() + " refused the connection: connection refused");
      }
      assertThat(socks.log())
          .containsExactly(
              new Socks5TestServer.Entry(1, "127.0.0.1:" + deadPort, null, false),
              new Socks5TestServer.Entry(4, "0:0:0:0:0:0:0:1:" + deadPort, null, false));
      assertThat(countingDirect.count()).isZero();
    }
  }

  @Test
  void aNameIsResolvedByTheGuardAndOnlyItsCheckedAddressIsAskedFor() throws Exception {
    // mall.example resolves (by the test's DNS) to a public-looking address the SOCKS proxy would
    // refuse to reach; what matters is what it was asked for: those bytes, never the name
    try (HostileNet net = new HostileNet();
        Socks5TestServer socks = Socks5TestServer.open()) {
      Gate mall = Gate.unpaced(new AddressGuard(List.of(HostileNet.MALL), false, net.resolver()));
      assertThatThrownBy(
              () ->
                  fetcher(UpstreamProxy.parse(socks.url()))
                      .fetch(
                          new FetchRequest(HostileNet.mall("/page"), ID, CookieJar.empty(), mall)))
          .isInstanceOf(FetchException.class)
          .hasMessageContaining("refused the connection: connection not allowed by ruleset");
      assertThat(socks.log())
          .containsExactly(new Socks5TestServer.Entry(1, "93.184.216.34:80", null, false));
      assertThat(net.mall.requests).hasValue(0);
    }
  }

  private JsoupFetcher fetcher(UpstreamProxy proxy) {
    return new JsoupFetcher(
        ApplicationDefaults.jsoup(Duration.ofSeconds(5)),
        Clock.systemUTC(),
        countingDirect,
        ProxyRoutes.of(Map.of(ID, proxy)));
  }

  private FetchResponse fetch(UpstreamProxy proxy) throws Exception {
    return fetcher(proxy)
        .fetch(
            new FetchRequest(
                URI.create(mall.searchUrl(KEYWORD)),
                ID,
                TestNet.sandboxIdentity(SandboxMall.IDENTITY_COOKIE, ID),
                TestNet.loopback()));
  }
}
