package com.mallrank.crawler.sampler;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallrank.crawler.fetch.JsoupFetcher;
import com.mallrank.crawler.fetch.browser.BrowserSettings;
import com.mallrank.crawler.fetch.browser.BrowserTimeouts;
import com.mallrank.crawler.fetch.browser.RenderOptions;
import com.mallrank.crawler.fetch.browser.StorageStates;
import com.mallrank.crawler.model.Listing;
import com.mallrank.crawler.model.SampleStatus;
import com.mallrank.crawler.net.TestNet;
import com.mallrank.crawler.profile.SiteProfile;
import com.mallrank.crawler.profile.SiteProfiles;
import com.mallrank.crawler.sandbox.Fault;
import com.mallrank.crawler.sandbox.SandboxCard;
import com.mallrank.crawler.sandbox.SandboxMall;
import com.mallrank.crawler.testing.BrowserFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The built-in {@code sandbox-selection} profile in real Chromium against the sandbox's 精选联盟-like
 * page: the keyword is typed into the search box, the page's script signs its POST, the streamed
 * answers are captured, the "为你推荐" feed shown before the search is never taken, and the list loads
 * deeper on its inner container's scroll (the window cannot scroll).
 */
class SelectionSamplerIT {

  private static final Instant SLOT = Instant.parse("2026-11-28T06:00:00Z");
  private static final String KEYWORD = "加厚羽绒服女长款";
  private static final String UID = "mx-hangzhou";

  @RegisterExtension
  static final BrowserFixture BROWSER =
      BrowserFixture.sandboxMallAt(SLOT)
          .clearingFaultsAfterEach()
          .withFetcher(
              BrowserSettings.defaults()
                  .withTimeouts(
                      BrowserTimeouts.defaults()
                          .withWaitForSelector(Duration.ofSeconds(4))
                          .withGrowth(Duration.ofMillis(2000))
                          .withPage(Duration.ofSeconds(40))),
              RenderOptions.dom("body"),
              () -> StorageStates.none());

  private static final SiteProfile PROFILE = SiteProfiles.builtIn("sandbox-selection");

  private SampleResult sample(String identity, int depth) {
    return BROWSER.sample(PROFILE, KEYWORD, identity, depth);
  }

  private static List<String> ids(List<SandboxCard> cards) {
    return cards.stream().map(SandboxCard::productId).toList();
  }

  @Test
  void theTypedKeywordsTop20IsTheGroundTruthAndTheFeedIsNeverStored() {
    // Both answers are held back, so the feed's (asked for at page load) arrives after the search
    // was sent and before the search's answer: a capture that took every response arriving after
    // the search action would read the feed as the keyword's first 12 results.
    BROWSER.mall().faults().setSlowDelay(Duration.ofMillis(1500));
    BROWSER.mall().faults().set("", Fault.SLOW);
    BROWSER.mall().faults().set(KEYWORD, Fault.SLOW);
    long feedsBefore = BROWSER.mall().selectionFeedAnswers();

    SampleResult result = sample(UID, 20);

    assertThat(BROWSER.mall().selectionFeedAnswers()).isEqualTo(feedsBefore + 1);
    List<SandboxCard> truth = BROWSER.mall().world().results(KEYWORD, SLOT, UID).subList(0, 20);
    assertThat(result.page().status()).isEqualTo(SampleStatus.OK);
    List<Listing> listings = result.page().listings();
    assertThat(listings).extracting(Listing::productId).containsExactlyElementsOf(ids(truth));
    for (int i = 0; i < 20; i++) {
      assertThat(listings.get(i).position()).isEqualTo(i + 1);
      assertThat(listings.get(i).price()).isEqualByComparingTo(truth.get(i).price());
      assertThat(listings.get(i).commissionRate())
          .isEqualByComparingTo(truth.get(i).commissionRate());
      assertThat(listings.get(i).shopName()).isEqualTo(truth.get(i).shopName());
      assertThat(listings.get(i).imageUrl()).contains(truth.get(i).imageKey());
    }
  }

  @Test
  void depth60LoadsOnTheInnerContainersScroll() {
    SampleResult result = sample(UID, 60);

    List<SandboxCard> truth = BROWSER.mall().world().results(KEYWORD, SLOT, UID);
    assertThat(truth.size()).isGreaterThanOrEqualTo(60);
    assertThat(result.page().status()).isEqualTo(SampleStatus.OK);
    assertThat(result.page().listings())
        .extracting(Listing::productId)
        .containsExactlyElementsOf(ids(truth.subList(0, 60)));
  }

  @Test
  void refusalsAreClassifiedFromTheStreamedAnswers() {
    Map<Fault, SampleStatus> expected =
        Map.of(
            Fault.CAPTCHA, SampleStatus.BLOCKED,
            Fault.LOGIN_WALL, SampleStatus.LOGIN_REQUIRED,
            Fault.HTTP_429, SampleStatus.BLOCKED,
            Fault.EMPTY, SampleStatus.EMPTY);
    expected.forEach(
        (fault, status) -> {
          BROWSER.mall().faults().set(KEYWORD, fault);

          SampleResult result = sample(UID, 20);

          assertThat(result.page().status()).as(fault.name()).isEqualTo(status);
          assertThat(result.page().listings()).as(fault.name()).isEmpty();
        });
  }

  @Test
  void aCaptchaPageServedInsteadOfTheAppIsBlockedByItsElement() {
    BROWSER.mall().faults().setGlobal(Fault.CAPTCHA);

    SampleResult result = sample(UID, 20);

    assertThat(result.page().status()).isEqualTo(SampleStatus.BLOCKED);
    assertThat(result.page().evidence().marker()).isEqualTo("blocked: select #captcha-verify");
  }

  @Test
  void withoutTheDomMarkerTheSameCaptchaIsLayoutChangedNamingCaptureUrl() {
    BROWSER.mall().faults().setGlobal(Fault.CAPTCHA);
    SiteProfile withoutDomMarker =
        SiteProfiles.parse(
            "sel.yml", builtInText().replace("    - select: \"#captcha-verify\"\n", ""));

    SampleResult result =
        KeywordSampler.builder(
                new JsoupFetcher(JsoupFetcher.Settings.DEFAULTS), SamplerSettings.UNTHROTTLED)
            .browser(BROWSER.fetcher())
            .build()
            .sample(
                withoutDomMarker,
                BROWSER.mall().baseUrl(),
                KEYWORD,
                UID,
                TestNet.sandboxIdentity(SandboxMall.IDENTITY_COOKIE, UID),
                20);

    assertThat(result.page().status()).isEqualTo(SampleStatus.LAYOUT_CHANGED);
    assertThat(result.page().evidence().detail())
        .isEqualTo("no response matched capture-url '**/selection/api/material_list*'");
  }

  private static String builtInText() {
    try (var in =
        SiteProfiles.class.getResourceAsStream(
            "/" + SiteProfiles.BUILT_IN_FOLDER + "sandbox-selection.yml")) {
      String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertThat(text).contains("    - select: \"#captcha-verify\"\n");
      return text;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void withoutALoginTheLoginPageIsLoginRequired() {
    SampleResult result = sample("anonymous", 20);

    assertThat(result.page().status()).isEqualTo(SampleStatus.LOGIN_REQUIRED);
    assertThat(result.page().evidence().marker()).contains("/mpa/account/login");
    assertThat(result.page().listings()).isEmpty();
  }
}
