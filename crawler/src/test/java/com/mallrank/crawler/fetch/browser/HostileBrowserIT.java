package com.mallrank.crawler.fetch.browser;

import static com.mallrank.crawler.net.HostileNet.MALL;
import static com.mallrank.crawler.net.HostileNet.OTHER;
import static com.mallrank.crawler.net.HostileNet.redirectTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mallrank.crawler.fetch.Cookie;
import com.mallrank.crawler.fetch.CookieJar;
import com.mallrank.crawler.fetch.FetchRequest;
import com.mallrank.crawler.fetch.FetchResponse;
import com.mallrank.crawler.fetch.JsoupFetcher;
import com.mallrank.crawler.fetch.RefusedFetchException;
import com.mallrank.crawler.net.HostileNet;
import com.mallrank.crawler.politeness.AddressGuard;
import com.mallrank.crawler.politeness.Gate;
import com.mallrank.crawler.profile.SiteProfile;
import com.mallrank.crawler.profile.SiteProfiles;
import com.mallrank.crawler.sampler.KeywordSampler;
import com.mallrank.crawler.testing.ApplicationDefaults;
import com.mallrank.crawler.testing.BrowserFixture;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Hostile pages in real Chromium (issue 8 rows 1 and 2): navigation redirected to non-public
 * addresses, a page's own {@code fetch()} to them (directly and through a redirect), long redirect
 * chains, and cookies across a redirect and over http. Every request leaves Chromium through the
 * guard proxy, whose test connector maps the public-looking names to loopback servers.
 */
class HostileBrowserIT {

  static final List<String> HOSTILE_HOSTS = HostileNet.HOSTILE_HOSTS;

  private static HostileNet net;

  @RegisterExtension
  static final BrowserFixture BROWSER =
      BrowserFixture.withoutMall()
          .withFetcher(
              () ->
                  new PlaywrightFetcher(
                      BrowserIT.settings(),
                      // Every page here has one card: asking for one loads no deeper, so no
                      // test waits out the growth timeout of a list that cannot grow.
                      RenderOptions.dom("li.card").withWaitForSelector("#done").withTargetCount(1),
                      StorageStates.none(),
                      net.connector(),
                      5));

  @BeforeAll
  static void prepare() {
    net = new HostileNet();
  }

  @AfterAll
  static void stopNet() {
    if (net != null) {
      net.close();
    }
  }

  @AfterEach
  void nothingReachedTheInternalServer() {
    try {
      assertThat(net.internal.paths).isEmpty();
    } finally {
      net.reset();
    }
  }

  private static Gate anyPublicHost() {
    return Gate.unpaced(new AddressGuard(List.of("*"), false, net.resolver()));
  }

  private static FetchRequest anonymous(String url) {
    return FetchRequest.anonymous(URI.create(url), anyPublicHost());
  }

  @ParameterizedTest
  @FieldSource("HOSTILE_HOSTS")
  void aNavigationRedirectedToANonPublicAddressIsRefused(String host) {
    String target = net.hostileUrl(host, "/latest/meta-data/");

    assertThatThrownBy(() -> BROWSER.fetcher().fetch(anonymous(redirectTo(target))))
        .isInstanceOf(RefusedFetchException.class)
        .hasMessageContaining("refused");
    assertThat(net.internal.requests).hasValue(0);
    assertThat(net.mall.paths).hasSize(1);
  }

  @ParameterizedTest
  @FieldSource("HOSTILE_HOSTS")
  void thePagesOwnFetchOfANonPublicAddressIsRefused(String host) {
    String target = net.hostileUrl(host, "/admin");

    assertThatThrownBy(
            () ->
                BROWSER
                    .fetcher()
                    .fetch(anonymous("http://" + MALL + "/fetcher?to=" + encode(target))))
        .isInstanceOf(RefusedFetchException.class)
        .hasMessageContaining("[PRIVATE_ADDRESS]");
    assertThat(net.internal.requests).hasValue(0);
  }

  @Test
  void thePagesOwnFetchRedirectedToLoopbackIsRefusedAtTheProxy() {
    String target = redirectTo(net.hostileUrl("127.0.0.1", "/admin"));

    assertThatThrownBy(
            () ->
                BROWSER
                    .fetcher()
                    .fetch(anonymous("http://" + MALL + "/fetcher?to=" + encode(target))))
        .isInstanceOf(RefusedFetchException.class)
        .hasMessageContaining("127.0.0.1 (Loopback) [PRIVATE_ADDRESS]");
    assertThat(net.internal.requests).hasValue(0);
    assertThat(net.mall.paths).anyMatch(p -> p.startsWith("/redirect?to="));
  }

  @Test
  void aPagesRequestToAPublicHostOffTheAllowListIsBlockedQuietly() throws Exception {
    // a tracker or an ad: aborted before it leaves Chromium, the page still counts
    Gate mallOnly = Gate.unpaced(new AddressGuard(List.of(MALL), false, net.resolver()));

    FetchResponse response =
        BROWSER
            .fetcher()
            .fetch(
                FetchRequest.anonymous(
                    URI.create(
                        "http://" + MALL + "/fetcher?to=" + encode("http://" + OTHER + "/track")),
                    mallOnly));

    assertThat(response.httpStatus()).isEqualTo(200);
    assertThat(response.body()).contains("<li class=\"card\" data-id=\"1\">");
    assertThat(net.other.requests).hasValue(0);
  }

  @Test
  void aNavigationRedirectedOffTheAllowListIsRefused() {
    Gate mallOnly = Gate.unpaced(new AddressGuard(List.of(MALL), false, net.resolver()));

    assertThatThrownBy(
            () ->
                BROWSER
                    .fetcher()
                    .fetch(
                        FetchRequest.anonymous(
                            URI.create(redirectTo("http://" + OTHER + "/x")), mallOnly)))
        .isInstanceOf(RefusedFetchException.class)
        .hasMessageContaining(
            "refused: the page redirected to http://other.example/x (its host is not on the"
                + " allow-list) [HOST_NOT_ALLOWED]");
    assertThat(net.other.requests).hasValue(0);
  }

  @Test
  void aRedirectChainLongerThanTheLimitIsRefusedAShortOneIsFollowed() throws Exception {
    FetchResponse shortChain =
        BROWSER.fetcher().fetch(anonymous("http://" + MALL + "/chain/0?stop=5"));
    assertThat(shortChain.httpStatus()).isEqualTo(200);
    assertThat(shortChain.url()).isEqualTo("http://mall.example/chain/5?stop=5");

    assertThatThrownBy(
            () -> BROWSER.fetcher().fetch(anonymous("http://" + MALL + "/chain/0?stop=6")))
        .isInstanceOf(RefusedFetchException.class)
        .hasMessageContaining("refused: more than 5 redirects");
  }

  @Test
  void cookiesStayWithTheirSiteAcrossARedirectAndSecureOnesOffHttp() throws Exception {
    CookieJar jar =
        CookieJar.of(
            List.of(
                Cookie.hostOnly("sessionid", "s3cr3t", MALL),
                new Cookie("sid_guard", "g3", MALL, true, "/", true, null),
                new Cookie("odin_tt", "o1", MALL, false, "/", false, null)));
    Gate both = Gate.unpaced(new AddressGuard(List.of(MALL, OTHER), false, net.resolver()));

    FetchResponse response =
        BROWSER
            .fetcher()
            .fetch(
                new FetchRequest(
                    URI.create(redirectTo("http://" + OTHER + "/landing")), "mx-a", jar, both));

    assertThat(response.httpStatus()).isEqualTo(200);
    assertThat(response.url()).isEqualTo("http://other.example/landing");
    assertThat(net.mall.pageCookies()).hasSize(1);
    assertThat(net.mall.pageCookies().get(0).split("; "))
        .containsExactlyInAnyOrder("sessionid=s3cr3t", "odin_tt=o1");
    assertThat(net.other.pageCookies()).containsExactly("");
  }

  @Test
  void aBrowserSampleWhosePageFetchesLoopbackIsAnErrorSayingRefused() {
    SiteProfile profile =
        SiteProfiles.parse(
            "hostile-browser.yml",
            """
            id: hostile-browser
            name: Hostile browser
            mode: html
            search:
              url-template: "{base}/fetcher?to={keyword}"
              allowed-hosts: [mall.example]
              allow-private-addresses: false
            fetch:
              with: browser
              wait-for: "#done"
              end: "#done"
            cards:
              select: li.card
            fields:
              product-id:
                attr: data-id
            """);
    KeywordSampler sampler =
        net.sampler(new JsoupFetcher(ApplicationDefaults.jsoup()), BROWSER.fetcher());

    net.assertRefused(
        sampler,
        profile,
        net.hostileUrl("127.0.0.1", "/_cluster/health"),
        "127.0.0.1 (Loopback) [PRIVATE_ADDRESS]");
  }

  /** The profile default: the allow-list for the navigation, any public host for the page's own. */
  private static Gate mallWithAnyPublicSubrequest() {
    return Gate.unpaced(
        new AddressGuard(List.of(MALL), false, net.resolver()).withSubrequestHosts(List.of("*")));
  }

  @Test
  void aPagesOwnRequestToAPublicHostFollowsTheSubrequestPolicyWithoutTheSellersCookies()
      throws Exception {
    // a signing SDK on another company's CDN: it loads, and the login cookies stay with the site
    CookieJar jar =
        CookieJar.of(
            List.of(
                Cookie.hostOnly("sessionid", "s3cr3t", MALL),
                new Cookie("sid_guard", "g3", MALL, false, "/", false, null)));

    FetchResponse response =
        BROWSER
            .fetcher()
            .fetch(
                new FetchRequest(
                    URI.create(
                        "http://" + MALL + "/fetcher?to=" + encode("http://" + OTHER + "/sdk.js")),
                    "mx-sdk",
                    jar,
                    mallWithAnyPublicSubrequest()));

    assertThat(response.httpStatus()).isEqualTo(200);
    assertThat(net.other.paths).containsExactly("/sdk.js");
    assertThat(net.other.cookies).containsExactly("");
    assertThat(net.mall.pageCookies()).hasSize(1);
    assertThat(net.mall.pageCookies().get(0).split("; "))
        .containsExactlyInAnyOrder("sessionid=s3cr3t", "sid_guard=g3");
  }

  @ParameterizedTest
  @FieldSource("HOSTILE_HOSTS")
  void underTheWiderSubrequestPolicyANonPublicAddressIsStillRefused(String host) {
    String target = net.hostileUrl(host, "/admin");

    assertThatThrownBy(
            () ->
                BROWSER
                    .fetcher()
                    .fetch(
                        FetchRequest.anonymous(
                            URI.create("http://" + MALL + "/fetcher?to=" + encode(target)),
                            mallWithAnyPublicSubrequest())))
        .isInstanceOf(RefusedFetchException.class)
        .hasMessageContaining("[PRIVATE_ADDRESS]");
    assertThat(net.internal.requests).hasValue(0);
  }

  @Test
  void underTheWiderSubrequestPolicyANavigationRedirectedOffTheAllowListIsStillRefused() {
    // The proxy cannot tell the redirect hop from a page's own request and lets it pass to the
    // public host; the page is still refused: its navigation left the allow-list.
    assertThatThrownBy(
            () ->
                BROWSER
                    .fetcher()
                    .fetch(
                        FetchRequest.anonymous(
                            URI.create(redirectTo("http://" + OTHER + "/x")),
                            mallWithAnyPublicSubrequest())))
        .isInstanceOf(RefusedFetchException.class)
        .hasMessageStartingWith(
            "refused: the page redirected to http://other.example/x (its host is not on the"
                + " allow-list) [HOST_NOT_ALLOWED]");
  }

  private static String encode(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
  }
}
