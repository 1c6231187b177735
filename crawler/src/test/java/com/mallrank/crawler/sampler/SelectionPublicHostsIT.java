package com.mallrank.crawler.sampler;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallrank.crawler.fetch.Cookie;
import com.mallrank.crawler.fetch.CookieJar;
import com.mallrank.crawler.fetch.JsoupFetcher;
import com.mallrank.crawler.fetch.browser.PlaywrightFetcher;
import com.mallrank.crawler.fetch.browser.RenderOptions;
import com.mallrank.crawler.fetch.browser.StorageStates;
import com.mallrank.crawler.model.Listing;
import com.mallrank.crawler.model.SampleStatus;
import com.mallrank.crawler.net.HostileNet;
import com.mallrank.crawler.profile.SiteProfile;
import com.mallrank.crawler.profile.SiteProfiles;
import com.mallrank.crawler.sandbox.SandboxCard;
import com.mallrank.crawler.sandbox.SandboxMall;
import com.mallrank.crawler.sandbox.SandboxMall.Served;
import com.mallrank.crawler.testing.ApplicationDefaults;
import com.mallrank.crawler.testing.BrowserFixture;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 17's "Done when" for 百应, with the SSRF guard as on a real site: the sandbox's 百应 stand-in
 * served under public-looking names ({@value HostileNet#MALL} for the page, {@value
 * HostileNet#OTHER} for the host of its signing SDK, both resolved by {@link HostileNet}'s test DNS
 * and connected to the mall's two loopback listeners) and sampled through the built-in {@code
 * sandbox-selection} flow with {@code allow-private-addresses: false}: the typed keyword's list
 * only, deduplicated, the SDK loaded from the other host without the seller's cookie and its
 * signature on every list call; a subrequest to a private address is still refused (the internal
 * server counts nothing); a profile restricting {@code fetch.subrequest-hosts} never gets a list.
 */
class SelectionPublicHostsIT {

  private static final Instant SLOT = Instant.parse("2026-11-28T06:00:00Z");
  private static final String KEYWORD = "加厚羽绒服女长款";
  private static final String UID = "mx-hangzhou";
  private static final String BASE = "http://" + HostileNet.MALL;

  private static HostileNet net;

  @RegisterExtension
  static final BrowserFixture BROWSER =
      BrowserFixture.sandboxMallAt(SLOT)
          .withFetcher(
              () ->
                  new PlaywrightFetcher(
                      SelectionSamplerIT.settings(),
                      RenderOptions.dom("body"),
                      StorageStates.none(),
                      connector(),
                      5));

  /** mall.example to the mall's page listener, other.example to its script host. */
  private static com.mallrank.crawler.net.Connector connector() {
    SandboxMall mall = BROWSER.mall();
    return net.connector(java.net.URI.create(mall.baseUrl()).getPort(), mall.scriptPort());
  }

  @BeforeAll
  static void prepare() {
    net = new HostileNet();
    BROWSER.mall().setSelectionScriptOrigin("http://" + HostileNet.OTHER);
  }

  @AfterEach
  void nothingReachedTheInternalServer() {
    try {
      assertThat(net.internal.requests).hasValue(0);
    } finally {
      net.reset();
      BROWSER.mall().setSelectionScriptOrigin("http://" + HostileNet.OTHER);
    }
  }

  @AfterAll
  static void stopNet() {
    if (net != null) {
      net.close();
    }
  }

  /** The built-in flow, on the public-looking page host, private addresses refused. */
  private static SiteProfile profile(String fetchExtra) {
    String text = SelectionSamplerIT.builtInText();
    String search = "  allowed-hosts: [127.0.0.1]\n  allow-private-addresses: true\n";
    assertThat(text).contains(search);
    String fetch = "  capture-keyword: json:/search_text\n";
    assertThat(text).contains(fetch);
    return SiteProfiles.parse(
        "selection-public.yml",
        text.replace(
                search,
                "  allowed-hosts: [" + HostileNet.MALL + "]\n  allow-private-addresses: false\n")
            .replace(fetch, fetch + fetchExtra));
  }

  private static SampleResult sample(SiteProfile profile, int depth) {
    CookieJar cookies =
        CookieJar.of(List.of(Cookie.hostOnly(SandboxMall.IDENTITY_COOKIE, UID, HostileNet.MALL)));
    return net.sampler(new JsoupFetcher(ApplicationDefaults.jsoup()), BROWSER.fetcher())
        .sample(profile, BASE, KEYWORD, UID, cookies, depth);
  }

  /** The stand-in's list: the world's organic results (the selection list has no ads). */
  private static List<String> truth() {
    return BROWSER.mall().world().results(KEYWORD, SLOT, UID).stream()
        .filter(c -> !c.sponsored())
        .map(SandboxCard::productId)
        .toList();
  }

  @Test
  void theTypedKeywordsListOnlyDeduplicatedWithTheSdkFromTheOtherHost() {
    long scripts = BROWSER.mall().served(Served.SCRIPT_REQUESTS);
    long signed = BROWSER.mall().served(Served.SELECTION_SIGNED_CALLS);
    long refused = BROWSER.mall().served(Served.SELECTION_UNSIGNED_CALLS);
    long feeds = BROWSER.mall().served(Served.SELECTION_FEED_ANSWERS);

    SampleResult result = sample(profile(""), 40);

    assertThat(result.page().status()).isEqualTo(SampleStatus.OK);
    List<Listing> listings = result.page().listings();
    assertThat(listings)
        .extracting(Listing::productId)
        .containsExactlyElementsOf(truth().subList(0, 40));
    for (int i = 0; i < 40; i++) {
      assertThat(listings.get(i).position()).isEqualTo(i + 1);
    }
    assertThat(result.page().evidence().detail())
        .contains("20 repeated product ids dropped (first: card 21 repeats card 1)");
    // the SDK came from other.example, without the sandbox_uid cookie of mall.example
    assertThat(BROWSER.mall().served(Served.SCRIPT_REQUESTS)).isEqualTo(scripts + 1);
    assertThat(BROWSER.mall().scriptCookies().get((int) scripts)).isEmpty();
    // the feed, the search and one scroll: every list call carried the SDK's signature
    assertThat(BROWSER.mall().served(Served.SELECTION_FEED_ANSWERS)).isEqualTo(feeds + 1);
    assertThat(BROWSER.mall().served(Served.SELECTION_SIGNED_CALLS)).isEqualTo(signed + 3);
    assertThat(BROWSER.mall().served(Served.SELECTION_UNSIGNED_CALLS)).isEqualTo(refused);
  }

  @Test
  void anSdkOnAPrivateAddressIsRefusedAndNeverReached() {
    BROWSER.mall().setSelectionScriptOrigin(net.hostileUrl("10.0.0.1", ""));
    long scripts = BROWSER.mall().served(Served.SCRIPT_REQUESTS);

    SampleResult result = sample(profile(""), 20);

    assertThat(result.page().status()).isEqualTo(SampleStatus.ERROR);
    assertThat(result.page().evidence().marker()).isEqualTo("refused");
    assertThat(result.page().evidence().detail())
        .contains("10.0.0.1 (Private-Use) [PRIVATE_ADDRESS]");
    assertThat(result.page().listings()).isEmpty();
    assertThat(net.internal.requests).hasValue(0);
    assertThat(BROWSER.mall().served(Served.SCRIPT_REQUESTS)).isEqualTo(scripts);
  }

  @Test
  void subrequestHostsWithoutTheSdksHostNeverGetASignedList() {
    // What a browser that aborts every request off the search allow-list does to 百应 (§8).
    long scripts = BROWSER.mall().served(Served.SCRIPT_REQUESTS);
    long refused = BROWSER.mall().served(Served.SELECTION_UNSIGNED_CALLS);

    SampleResult result = sample(profile("  subrequest-hosts: [\"*.bytetos.com\"]\n"), 20);

    assertThat(result.page().status()).isEqualTo(SampleStatus.LAYOUT_CHANGED);
    assertThat(result.page().listings()).isEmpty();
    assertThat(BROWSER.mall().served(Served.SCRIPT_REQUESTS)).isEqualTo(scripts);
    assertThat(BROWSER.mall().served(Served.SELECTION_UNSIGNED_CALLS)).isGreaterThan(refused);
  }
}
