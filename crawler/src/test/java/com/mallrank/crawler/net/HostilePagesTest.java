package com.mallrank.crawler.net;

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
import com.mallrank.crawler.image.HttpImageSource;
import com.mallrank.crawler.politeness.AddressGuard;
import com.mallrank.crawler.politeness.AddressRefusedException;
import com.mallrank.crawler.politeness.Gate;
import com.mallrank.crawler.politeness.HostThrottle;
import com.mallrank.crawler.politeness.TimeSource;
import com.mallrank.crawler.profile.SiteProfile;
import com.mallrank.crawler.profile.SiteProfiles;
import com.mallrank.crawler.sampler.KeywordSampler;
import com.mallrank.crawler.testing.ApplicationDefaults;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Hostile pages against the static fetcher, the sampler and the image downloads (issue 8 rows 1 and
 * 2): redirects to loopback, private, metadata, 6to4 and Teredo addresses, long redirect chains,
 * DNS rebinding, cookies across redirects and over http. The browser's side is {@code
 * HostileBrowserIT}.
 */
class HostilePagesTest {

  static final List<String> HOSTILE_HOSTS = HostileNet.HOSTILE_HOSTS;

  private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

  private final HostileNet net = new HostileNet();

  @AfterEach
  void stop() {
    net.close();
  }

  /** Any host, private addresses refused: the address rules alone decide. */
  private AddressGuard anyPublicHost() {
    return new AddressGuard(List.of("*"), false, net.resolver());
  }

  private JsoupFetcher jsoup(int maxRedirects) {
    JsoupFetcher.Settings d = ApplicationDefaults.jsoup();
    return new JsoupFetcher(
        new JsoupFetcher.Settings(
            Duration.ofSeconds(5), 100_000, d.userAgent(), "zh-CN", maxRedirects),
        Clock.fixed(NOW, java.time.ZoneOffset.UTC),
        net.connector());
  }

  @ParameterizedTest
  @FieldSource("HOSTILE_HOSTS")
  void aStaticRedirectToANonPublicAddressIsRefusedAndNeverReachesIt(String host) {
    String target = net.hostileUrl(host, "/latest/meta-data/");

    assertThatThrownBy(
            () ->
                jsoup(5)
                    .fetch(
                        FetchRequest.anonymous(
                            URI.create(redirectTo(target)), Gate.unpaced(anyPublicHost()))))
        .isInstanceOf(RefusedFetchException.class)
        .hasMessageContaining("refused")
        .hasMessageContaining("[PRIVATE_ADDRESS]");
    assertThat(net.internal.requests).hasValue(0);
    assertThat(net.mall.requests).hasValue(1);
  }

  @Test
  void aRedirectToAnAddressWithoutAServerBasedHostIsRefusedNotAnError() throws Exception {
    // http://127.1/ is 127.0.0.1 to a browser; java.net.URI sees no host in it
    String target = "http://127.1:" + net.internal.port() + "/a.png";

    assertThatThrownBy(
            () ->
                jsoup(5)
                    .fetch(
                        FetchRequest.anonymous(
                            URI.create(redirectTo(target)), Gate.unpaced(anyPublicHost()))))
        .isInstanceOf(RefusedFetchException.class)
        .hasMessageContaining("refused: unusable redirect target");
    try (HttpImageSource images = images(5)) {
      assertThatThrownBy(() -> images.open(URI.create(redirectTo(target))))
          .isInstanceOf(java.io.IOException.class)
          .hasMessageContaining("unusable redirect target");
      assertThatThrownBy(() -> images.open(URI.create(target)))
          .isInstanceOf(java.io.IOException.class)
          .hasMessageContaining("unusable image URL");
    }
    assertThat(net.internal.requests).hasValue(0);
  }

  @Test
  void aStaticRedirectOffTheAllowListIsRefused() {
    AddressGuard mallOnly = new AddressGuard(List.of(MALL), false, net.resolver());

    assertThatThrownBy(
            () ->
                jsoup(5)
                    .fetch(
                        FetchRequest.anonymous(
                            URI.create(redirectTo("http://" + OTHER + "/x")),
                            Gate.unpaced(mallOnly))))
        .isInstanceOf(RefusedFetchException.class)
        .hasMessageContaining("host other.example is not on the allow-list");
    assertThat(net.other.requests).hasValue(0);
  }

  @Test
  void aRedirectChainLongerThanTheLimitIsRefused() {
    assertThatThrownBy(
            () ->
                jsoup(5)
                    .fetch(
                        FetchRequest.anonymous(
                            HostileNet.mall("/chain/0"), Gate.unpaced(anyPublicHost()))))
        .isInstanceOf(RefusedFetchException.class)
        .hasMessageContaining("refused: more than 5 redirects");
    // the first request and five redirects followed, not one more
    assertThat(net.mall.paths)
        .containsExactly("/chain/0", "/chain/1", "/chain/2", "/chain/3", "/chain/4", "/chain/5");
  }

  @Test
  void aNameThatRebindsToLoopbackAfterTheCheckIsRefusedByTheProxy() {
    assertThatThrownBy(
            () ->
                jsoup(5)
                    .fetch(
                        FetchRequest.anonymous(
                            URI.create("http://" + HostileNet.REBIND + "/page"),
                            Gate.unpaced(anyPublicHost()))))
        .isInstanceOf(RefusedFetchException.class)
        .hasMessageContaining("127.0.0.1 (Loopback)");
    assertThat(net.internal.requests).hasValue(0);
  }

  @Test
  void cookiesStayWithTheirSiteAcrossARedirectAndSecureOnesOffHttp() throws Exception {
    CookieJar jar =
        CookieJar.of(
            List.of(
                Cookie.hostOnly("sessionid", "s3cr3t", MALL),
                new Cookie("sid_guard", "g3", MALL, true, "/", true, null),
                new Cookie("odin_tt", "o1", MALL, false, "/", false, null)));
    AddressGuard both = new AddressGuard(List.of(MALL, OTHER), false, net.resolver());

    FetchResponse response =
        jsoup(5)
            .fetch(
                new FetchRequest(
                    URI.create(redirectTo("http://" + OTHER + "/landing")),
                    "mx-a",
                    jar,
                    Gate.unpaced(both)));

    assertThat(response.httpStatus()).isEqualTo(200);
    assertThat(response.url()).isEqualTo("http://other.example/landing");
    // the mall got its own cookies, except the Secure one over plain http
    assertThat(net.mall.cookies).containsExactly("sessionid=s3cr3t; odin_tt=o1");
    // the other site got none of them
    assertThat(net.other.cookies).containsExactly("");
  }

  @Test
  void aSampleRedirectedToLoopbackIsAnErrorSayingRefusedAndIsNotRetried() {
    SiteProfile profile =
        SiteProfiles.parse(
            "hostile-static.yml",
            """
            id: hostile-static
            name: Hostile static
            mode: html
            search:
              url-template: "{base}/redirect?to={keyword}"
              allowed-hosts: ["*"]
              allow-private-addresses: false
            cards:
              select: li.card
            fields:
              product-id:
                attr: data-id
            """);
    KeywordSampler sampler = net.sampler(jsoup(5), null);

    net.assertRefused(
        sampler,
        profile,
        net.hostileUrl("169.254.169.254", "/latest/meta-data/"),
        "169.254.169.254 (Link Local) [PRIVATE_ADDRESS]");
    assertThat(net.internal.requests).hasValue(0);
  }

  @ParameterizedTest
  @FieldSource("HOSTILE_HOSTS")
  void anImageRedirectedToANonPublicAddressIsRefused(String host) throws Exception {
    try (HttpImageSource images = images(5)) {
      assertThatThrownBy(() -> images.open(URI.create(redirectTo(net.hostileUrl(host, "/a.png")))))
          .isInstanceOf(AddressRefusedException.class)
          .hasMessageContaining("[PRIVATE_ADDRESS]");
    }
    assertThat(net.internal.requests).hasValue(0);
  }

  @Test
  void imagesFollowRedirectsHopByHopUpToTheLimit() throws Exception {
    try (HttpImageSource images = images(5)) {
      try (InputStream in = images.open(URI.create(redirectTo("http://" + OTHER + "/img.png")))) {
        assertThat(in.readAllBytes()).isEqualTo(HostileNet.png());
      }
      assertThatThrownBy(() -> images.open(HostileNet.mall("/chain/0")))
          .isInstanceOf(AddressRefusedException.class)
          .hasMessageContaining("more than 5 redirects");
    }
    assertThat(net.other.paths).containsExactly("/img.png");
    assertThat(net.mall.paths).hasSize(1 + 6);
  }

  @Test
  void everyHopOfAPageAndOfAnImageWaitsItsHostsTurnAtOneSharedThrottle() throws Exception {
    List<Duration> sleeps = new java.util.concurrent.CopyOnWriteArrayList<>();
    TimeSource fakeTime =
        new TimeSource() {
          private Instant now = NOW;

          @Override
          public synchronized Instant now() {
            return now;
          }

          @Override
          public synchronized void sleep(Duration duration) {
            sleeps.add(duration);
            now = now.plus(duration);
          }
        };
    HostThrottle throttle =
        new HostThrottle(
            new HostThrottle.Settings(Duration.ofSeconds(2), Duration.ZERO, 1),
            new Random(1),
            fakeTime);
    Gate gate = new Gate(anyPublicHost(), throttle);

    FetchResponse page =
        jsoup(5).fetch(FetchRequest.anonymous(HostileNet.mall("/chain/0?stop=2"), gate));
    try (HttpImageSource images =
            new HttpImageSource(gate, net.connector(), Duration.ofSeconds(5), "mallrank-test", 5);
        InputStream in = images.open(URI.create(redirectTo("http://" + MALL + "/img.png")))) {
      assertThat(in.readAllBytes()).isEqualTo(HostileNet.png());
    }

    assertThat(page.httpStatus()).isEqualTo(200);
    assertThat(net.mall.paths).hasSize(5);
    // five requests to one host: the first at once, each later one 2 s after the one before
    assertThat(sleeps)
        .containsExactly(
            Duration.ofSeconds(2),
            Duration.ofSeconds(2),
            Duration.ofSeconds(2),
            Duration.ofSeconds(2));
  }

  private HttpImageSource images(int maxRedirects) throws Exception {
    return new HttpImageSource(
        Gate.unpaced(anyPublicHost()),
        net.connector(),
        Duration.ofSeconds(5),
        "mallrank-test",
        maxRedirects);
  }
}
