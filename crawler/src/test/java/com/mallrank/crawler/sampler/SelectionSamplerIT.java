package com.mallrank.crawler.sampler;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallrank.crawler.fetch.JsoupFetcher;
import com.mallrank.crawler.fetch.browser.BrowserSettings;
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
import com.mallrank.crawler.sandbox.SandboxMall.Served;
import com.mallrank.crawler.testing.ApplicationDefaults;
import com.mallrank.crawler.testing.BrowserFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The built-in {@code sandbox-selection} profile in real Chromium against the sandbox's 百应
 * stand-in: the keyword is typed into the search box and the button clicked, the page's signing SDK
 * loads from another host (without the seller's cookie) and signs the POST, only answers whose
 * request carries the keyword are captured (the "为你推荐" feed, before or after the search, never is),
 * the first screen sent again on every scroll is dropped, and the list loads deeper on its inner
 * container's scroll (the window cannot scroll).
 */
class SelectionSamplerIT {

  private static final Instant SLOT = Instant.parse("2026-11-28T06:00:00Z");
  private static final String KEYWORD = "加厚羽绒服女长款";
  private static final String UID = "mx-hangzhou";

  @RegisterExtension
  static final BrowserFixture BROWSER =
      BrowserFixture.sandboxMallAt(SLOT)
          .clearingFaultsAfterEach()
          .withFetcher(settings(), RenderOptions.dom("body"), () -> StorageStates.none());

  /** Short waits: a fault page returns quickly; a slow answer (1.5 s) is still waited for. */
  static BrowserSettings settings() {
    return ApplicationDefaults.browser()
        .withTimeouts(
            ApplicationDefaults.browserTimeouts()
                .withWaitForSelector(Duration.ofSeconds(4))
                .withGrowth(Duration.ofMillis(2000))
                .withPage(Duration.ofSeconds(40)));
  }

  private static final SiteProfile PROFILE = SiteProfiles.builtIn("sandbox-selection");

  private SampleResult sample(String identity, int depth) {
    return BROWSER.sample(PROFILE, KEYWORD, identity, depth);
  }

  /** The selection list of the keyword: the world's organic results (it has no ads). */
  private static List<SandboxCard> truth() {
    return BROWSER.mall().world().results(KEYWORD, SLOT, UID).stream()
        .filter(c -> !c.sponsored())
        .toList();
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
    long feedsBefore = BROWSER.mall().served(Served.SELECTION_FEED_ANSWERS);

    SampleResult result = sample(UID, 20);

    assertThat(BROWSER.mall().served(Served.SELECTION_FEED_ANSWERS)).isEqualTo(feedsBefore + 1);
    List<SandboxCard> truth = truth().subList(0, 20);
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
  void depth60LoadsOnTheInnerContainersScrollToTheEndAndDropsTheFirstScreenSentAgain() {
    SampleResult result = sample(UID, 60);

    // The keyword's whole list: 58 products, all of them loaded (a loader counting the repeated
    // first screen would have stopped at 60 cards, 40 products).
    List<SandboxCard> truth = truth();
    assertThat(truth).hasSize(58);
    assertThat(result.page().status()).isEqualTo(SampleStatus.PARTIAL);
    List<Listing> listings = result.page().listings();
    assertThat(listings).extracting(Listing::productId).containsExactlyElementsOf(ids(truth));
    assertThat(listings).extracting(Listing::position).containsExactlyElementsOf(range(1, 58));
    // three answers: 20, then 20 again + 20, then 20 again + 18 (their live cards skipped)
    assertThat(result.page().evidence().detail())
        .contains("40 repeated product ids dropped (first: card 21 repeats card 1)");
  }

  private static List<Integer> range(int from, int to) {
    return java.util.stream.IntStream.rangeClosed(from, to).boxed().toList();
  }

  @Test
  void theSigningSdkComesFromAnotherHostWithoutTheSellersCookie() {
    long scripts = BROWSER.mall().served(Served.SCRIPT_REQUESTS);
    long signed = BROWSER.mall().served(Served.SELECTION_SIGNED_CALLS);
    long refused = BROWSER.mall().served(Served.SELECTION_UNSIGNED_CALLS);

    SampleResult result = sample(UID, 20);

    assertThat(result.page().status()).isEqualTo(SampleStatus.OK);
    assertThat(BROWSER.mall().selectionScriptOrigin()).startsWith("http://localhost:");
    assertThat(BROWSER.mall().served(Served.SCRIPT_REQUESTS)).isEqualTo(scripts + 1);
    assertThat(BROWSER.mall().scriptCookies().subList((int) scripts, (int) scripts + 1))
        .as("the sandbox_uid cookie of 127.0.0.1 stays with the site")
        .containsExactly("");
    assertThat(BROWSER.mall().served(Served.SELECTION_SIGNED_CALLS))
        .as("the feed and the search's answer, both signed by the SDK")
        .isEqualTo(signed + 2);
    assertThat(BROWSER.mall().served(Served.SELECTION_UNSIGNED_CALLS)).isEqualTo(refused);
  }

  /**
   * The page refreshes a feed right after each search, and the search's answer is held back so the
   * feed's (sent after the search action) arrives first.
   */
  private static void feedAfterTheSearchArrivingFirst() {
    BROWSER.mall().setSelectionFeedAfterSearch(true);
    BROWSER.mall().faults().setSlowDelay(Duration.ofMillis(1500));
    BROWSER.mall().faults().set(KEYWORD, Fault.SLOW);
  }

  @Test
  void aFeedRefreshedAfterTheSearchIsNeverStored() {
    feedAfterTheSearchArrivingFirst();
    try {
      long feeds = BROWSER.mall().served(Served.SELECTION_FEED_ANSWERS);

      SampleResult result = sample(UID, 20);

      assertThat(BROWSER.mall().served(Served.SELECTION_FEED_ANSWERS))
          .as("before and after")
          .isEqualTo(feeds + 2);
      assertThat(result.page().status()).isEqualTo(SampleStatus.OK);
      assertThat(result.page().listings())
          .extracting(Listing::productId)
          .containsExactlyElementsOf(ids(truth().subList(0, 20)));
    } finally {
      BROWSER.mall().setSelectionFeedAfterSearch(false);
    }
  }

  @Test
  void withoutCaptureKeywordWhetherTheFeedIsStoredIsARace() {
    // The control of the test above: the same page, the profile without capture-keyword. Which
    // answer is read first is a race between the slow search and the feed requested after it:
    // with Chromium's own network the feed always won (its 12 products stored as the keyword's);
    // since every request of a page is fetched by RouteFetch, the search sometimes answers first
    // (seen locally) and sometimes the feed does (seen in CI: 12 feed products among 20, status
    // ok). Either way nothing but capture-keyword tells the two apart, which is the point.
    feedAfterTheSearchArrivingFirst();
    try {
      SiteProfile unchecked = variant("  capture-keyword: json:/search_text\n", "");

      SampleResult result = sample(unchecked, UID, 20);

      List<String> stored = result.page().listings().stream().map(Listing::productId).toList();
      boolean theKeywords = stored.equals(ids(truth().subList(0, 20)));
      boolean theFeed = stored.containsAll(feedIds());
      assertThat(result.page().status()).isIn(SampleStatus.OK, SampleStatus.PARTIAL);
      assertThat(theKeywords || theFeed)
          .as("either the keyword's 20 or a list holding the feed's 12: %s", stored)
          .isTrue();
    } finally {
      BROWSER.mall().setSelectionFeedAfterSearch(false);
    }
  }

  /** The feed's products: the first 12 of the world's middle keyword. */
  private static List<String> feedIds() {
    List<String> keywords = BROWSER.mall().world().keywords();
    return ids(
        BROWSER.mall().world().results(keywords.get(keywords.size() / 2), SLOT, UID).stream()
            .filter(c -> !c.sponsored())
            .limit(12)
            .toList());
  }

  @Test
  void answersWhoseRequestLacksTheKeywordAreLayoutChangedSayingWhy() {
    SiteProfile elsewhere =
        variant("capture-keyword: json:/search_text\n", "capture-keyword: json:/keyword\n");

    SampleResult result = sample(elsewhere, UID, 20);

    assertThat(result.page().status()).isEqualTo(SampleStatus.LAYOUT_CHANGED);
    assertThat(result.page().listings()).isEmpty();
    assertThat(result.page().evidence().detail())
        .isEqualTo(
            "1 response matched capture-url '**/pc/selection/common/material_list*' but none was"
                + " the search's (first: its request does not carry the keyword: json:/keyword is"
                + " absent)");
  }

  @Test
  void enterDoesNotSearchOnThisPageTheButtonDoes() {
    SiteProfile pressing =
        variant(
            "    - click: \"#SearchBarWrapper button\"\n",
            "    - press: {key: Enter, selector: \"#SearchBarWrapper input\"}\n");

    SampleResult result = sample(pressing, UID, 20);

    assertThat(result.page().status()).isEqualTo(SampleStatus.LAYOUT_CHANGED);
    assertThat(result.page().evidence().detail())
        .isEqualTo("no response matched capture-url '**/pc/selection/common/material_list*'");
  }

  private static SiteProfile variant(String line, String replacement) {
    String text = builtInText();
    assertThat(text).contains(line);
    return SiteProfiles.parse("sel.yml", text.replace(line, replacement));
  }

  private SampleResult sample(SiteProfile profile, String identity, int depth) {
    return BROWSER.sample(profile, KEYWORD, identity, depth);
  }

  @Test
  void refusalsAreClassifiedFromTheAnswers() {
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
                new JsoupFetcher(ApplicationDefaults.jsoup()), SamplerSettings.UNTHROTTLED)
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
        .isEqualTo("no response matched capture-url '**/pc/selection/common/material_list*'");
  }

  /** The built-in sandbox-selection.yml as text, for variants. */
  static String builtInText() {
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
