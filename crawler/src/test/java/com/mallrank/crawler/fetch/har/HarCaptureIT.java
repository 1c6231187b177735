package com.mallrank.crawler.fetch.har;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallrank.crawler.fetch.CookieJar;
import com.mallrank.crawler.fetch.browser.PlaywrightFetcher;
import com.mallrank.crawler.fetch.browser.RenderOptions;
import com.mallrank.crawler.fetch.browser.StorageStates;
import com.mallrank.crawler.model.Listing;
import com.mallrank.crawler.model.ResultPage;
import com.mallrank.crawler.model.SampleStatus;
import com.mallrank.crawler.parse.ExtractOptions;
import com.mallrank.crawler.parse.Extractors;
import com.mallrank.crawler.profile.SiteProfile;
import com.mallrank.crawler.profile.SiteProfiles;
import com.mallrank.crawler.sampler.KeywordSampler;
import com.mallrank.crawler.sampler.SampleResult;
import com.mallrank.crawler.sampler.SamplerSettings;
import com.mallrank.crawler.sandbox.SandboxCard;
import com.mallrank.crawler.sandbox.SandboxClock;
import com.mallrank.crawler.sandbox.SandboxMall;
import com.mallrank.crawler.sandbox.SandboxWorld;
import com.mallrank.crawler.testing.ApplicationDefaults;
import com.mallrank.crawler.testing.BrowserFixture;
import com.mallrank.crawler.testing.SharedChromium;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.HarContentPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HAR round trip: real Chromium records a HAR (Playwright's {@code recordHar}, the format
 * mitmproxy and Charles export) while a user searches the sandbox SPA and scrolls; the capture
 * rebuilt from that file gives the ground-truth listings with the same profile as a live capture.
 */
class HarCaptureIT {

  private static final Instant SLOT = Instant.parse("2026-11-28T06:00:00Z");
  private static final String KEYWORD = "加厚羽绒服女长款";
  private static final SiteProfile PROFILE = SiteProfiles.builtIn("sandbox-spa");

  @TempDir static Path dir;

  private static SandboxMall mall;
  private static Path har;

  @BeforeAll
  static void record() throws Exception {
    BrowserFixture.assumeChromium();
    mall = SandboxMall.start(SandboxWorld.create(), new SandboxClock(), 0);
    mall.setTime(SLOT);
    har = dir.resolve("phone.har");
    try (Playwright playwright =
        Playwright.create(
            new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")))) {
      Browser browser =
          playwright
              .chromium()
              .launch(
                  new BrowserType.LaunchOptions()
                      .setExecutablePath(ApplicationDefaults.browser().executable()));
      BrowserContext context =
          browser.newContext(
              new Browser.NewContextOptions()
                  .setRecordHarPath(har)
                  .setRecordHarContent(HarContentPolicy.EMBED));
      Page page = context.newPage();
      // An older search of another keyword first: it must not be taken for this one.
      page.navigate(mall.spaUrl("羽绒服女小个子"));
      page.waitForSelector("li.goods-card");
      page.navigate(mall.spaUrl(KEYWORD));
      page.waitForSelector("li.goods-card");
      for (int i = 0; i < 10 && page.locator("li.goods-card").count() < 20; i++) {
        page.evaluate("() => window.scrollTo(0, document.scrollingElement.scrollHeight)");
        page.waitForTimeout(300);
      }
      context.close(); // writes the HAR
      browser.close();
    }
  }

  @AfterAll
  static void stop() {
    if (mall != null) {
      mall.close();
    }
  }

  /** What {@code profile test --har} extracts (depth 20) from the recorded file. */
  private static ResultPage extract() {
    HarCapture.Outcome outcome =
        new HarCapture(PROFILE.fetch().captureUrl()).find(List.of(har), KEYWORD, null, null);
    assertThat(outcome.kind()).as(outcome.detail()).isEqualTo(HarCapture.Kind.FOUND);
    return Extractors.forProfile(PROFILE, ExtractOptions.depth(20))
        .extract(outcome.response(Duration.ZERO));
  }

  @Test
  void aRecordedHarGivesTheGroundTruthTop20() throws Exception {
    ResultPage page = extract();

    List<SandboxCard> truth = mall.world().results(KEYWORD, SLOT, null).subList(0, 20);
    assertThat(page.status()).isEqualTo(SampleStatus.OK);
    assertThat(page.listings())
        .extracting(Listing::productId)
        .containsExactlyElementsOf(truth.stream().map(SandboxCard::productId).toList());
    assertThat(page.listings().get(0).price()).isEqualByComparingTo(truth.get(0).price());
  }

  @Test
  void aWindowWithoutTheSearchHasNoCapture() throws Exception {
    Instant later = Instant.now().plusSeconds(3600);
    HarCapture.Outcome outcome =
        new HarCapture(PROFILE.fetch().captureUrl())
            .find(List.of(har), KEYWORD, later, later.plusSeconds(60));

    assertThat(outcome.kind()).isEqualTo(HarCapture.Kind.NO_REQUEST);
    assertThat(outcome.kind().noCapture()).isTrue(); // a sample is skipped, never layout_changed
    assertThat(outcome.detail())
        .startsWith(
            "no capture: no request to the search URL (capture-url **/api/search?*) within ")
        .endsWith(" in 1 HAR file(s)");
  }

  @Test
  void aFileThatIsNotAHarIsRefusedNamingIt() throws Exception {
    Path notJson = dir.resolve("broken.har");
    Files.writeString(notJson, "<html>proxy error</html>");
    Path notHar = dir.resolve("other.har");
    Files.writeString(notHar, "{\"entries\": []}");
    HarCapture capture = new HarCapture(PROFILE.fetch().captureUrl());

    assertThat(capture.find(List.of(notJson), KEYWORD, null, null).badFiles())
        .singleElement()
        .asString()
        .startsWith(notJson + ": not a HAR file: not JSON");
    assertThat(capture.find(List.of(notHar), KEYWORD, null, null).badFiles())
        .containsExactly(notHar + ": not a HAR file: no \"log\" object at the top");
  }

  /** sandbox-spa read from HAR files instead of a browser: {@code fetch.with: har}. */
  private static SiteProfile harProfile() throws Exception {
    String yaml;
    try (var in =
        HarCaptureIT.class
            .getClassLoader()
            .getResourceAsStream(SiteProfiles.BUILT_IN_FOLDER + "sandbox-spa.yml")) {
      yaml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    String fetch =
        "fetch:\n  with: har\n  mode: capture\n  capture-url: \"**/api/search?*\"\n"
            + "  items-pointer: /data/items\n  has-more-pointer: /data/has_more\n\n";
    yaml = yaml.replaceFirst("(?ms)^fetch:\n.*?(?=^expect-cards:)", fetch);
    // its login proof is the rendered page's header: a capture has none (refused with har)
    String proof = "  logged-in:\n    - select: \"#user-info .nickname\"\n";
    assertThat(yaml).contains(proof);
    yaml = yaml.replace(proof, "");
    return SiteProfiles.parse("sandbox-spa-har.yml", yaml);
  }

  private static KeywordSampler harSampler(Path folder) {
    return KeywordSampler.builder(null, SamplerSettings.UNTHROTTLED)
        .random(new Random(1))
        .har(folder, Duration.ofHours(1))
        .build();
  }

  @Test
  void aHarProfileSamplesTheKeywordFromTheFolderLikeTheLiveCapture() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("har-drop"));
    Files.copy(har, folder.resolve("phone-1.har"));
    SiteProfile profile = harProfile();
    assertThat(profile.fetch().har()).isTrue();
    Instant slot = Instant.now().minus(Duration.ofMinutes(30));

    SampleResult result =
        harSampler(folder)
            .sample(profile, mall.baseUrl(), KEYWORD, "anonymous", CookieJar.empty(), 20, slot);

    List<SandboxCard> truth = mall.world().results(KEYWORD, SLOT, null).subList(0, 20);
    assertThat(result.page().status()).isEqualTo(SampleStatus.OK);
    assertThat(result.page().listings())
        .extracting(Listing::productId)
        .containsExactlyElementsOf(truth.stream().map(SandboxCard::productId).toList());
    assertThat(result.page().listings())
        .usingRecursiveFieldByFieldElementComparator()
        .containsExactlyElementsOf(extract().listings());

    // the live capture of the same search, in Chromium, reads the same listings
    SampleResult live;
    try (PlaywrightFetcher browser =
        ApplicationDefaults.playwright(
                ApplicationDefaults.browser(),
                RenderOptions.dom("li.goods-card"),
                StorageStates.none())
            .withBrowserSource(SharedChromium.source())) {
      live =
          KeywordSampler.builder(null, SamplerSettings.UNTHROTTLED)
              .browser(browser)
              .build()
              .sample(PROFILE, mall.baseUrl(), KEYWORD, "anonymous", CookieJar.empty(), 20);
    }
    assertThat(live.page().status()).isEqualTo(SampleStatus.OK);
    assertThat(result.page().listings())
        .extracting(
            Listing::position,
            Listing::organicRank,
            Listing::sponsored,
            Listing::productId,
            Listing::title,
            Listing::price,
            Listing::shopId,
            Listing::commissionRate)
        .containsExactlyElementsOf(
            live.page().listings().stream()
                .map(
                    l ->
                        org.assertj.core.groups.Tuple.tuple(
                            l.position(),
                            l.organicRank(),
                            l.sponsored(),
                            l.productId(),
                            l.title(),
                            l.price(),
                            l.shopId(),
                            l.commissionRate()))
                .toList());

    // another slot: the capture is not of it
    SampleResult other =
        harSampler(folder)
            .sample(
                profile,
                mall.baseUrl(),
                KEYWORD,
                "anonymous",
                CookieJar.empty(),
                20,
                slot.plus(Duration.ofHours(5)));
    // not captured in that slot: skipped, never an empty ranking or a changed layout
    assertThat(other.page().status()).isEqualTo(SampleStatus.SKIPPED);
    assertThat(other.page().evidence().marker()).isEqualTo("no-capture");
    assertThat(other.page().evidence().detail())
        .startsWith(
            "no capture: no request to the search URL (capture-url **/api/search?*) within");
    assertThat(other.page().listings()).isEmpty();
  }

  @Test
  void aHarThatIsNotJsonInTheFolderIsNamedAndTheKeywordSkipped() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("har-broken"));
    Path broken = folder.resolve("phone-2.har");
    Files.writeString(broken, "<html>proxy error</html>");

    SampleResult result =
        harSampler(folder)
            .sample(
                harProfile(),
                mall.baseUrl(),
                KEYWORD,
                "anonymous",
                CookieJar.empty(),
                20,
                Instant.now());

    assertThat(result.page().status()).isEqualTo(SampleStatus.SKIPPED);
    assertThat(result.page().listings()).isEmpty();
    assertThat(result.attempts()).isEqualTo(1);
    assertThat(result.page().evidence().detail())
        .startsWith("no capture: no request to the search URL")
        .contains("1 file(s) unreadable: [" + broken + ": not a HAR file: not JSON");
    assertThat(broken).exists(); // a bad file stays in the inbox
  }

  @Test
  void ofTwoFilesHoldingTheSameSearchTheLaterExportAnswers() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("har-newest"));
    String first = mall.world().results(KEYWORD, SLOT, null).get(0).productId();
    String other = "9".repeat(first.length());
    String recorded = Files.readString(har);
    assertThat(recorded).contains(first).doesNotContain(other);
    Path older = folder.resolve("phone-older.har");
    Path newer = folder.resolve("phone-newer.har");
    Files.writeString(older, recorded);
    Files.writeString(newer, recorded.replace(first, other));
    java.nio.file.attribute.FileTime now = java.nio.file.attribute.FileTime.from(Instant.now());
    Files.setLastModifiedTime(older, now);
    Files.setLastModifiedTime(
        newer, java.nio.file.attribute.FileTime.from(Instant.now().plusSeconds(60)));
    Instant slot = Instant.now().minus(Duration.ofMinutes(30));

    SampleResult fromNewer =
        harSampler(folder)
            .sample(
                harProfile(), mall.baseUrl(), KEYWORD, "anonymous", CookieJar.empty(), 20, slot);
    assertThat(fromNewer.page().listings().get(0).productId()).isEqualTo(other);
    // both were read and moved aside; a restart (a new process) reads the same answer from there
    assertThat(folder.resolve(HarInbox.PROCESSED).resolve("phone-older.har")).exists();
    SampleResult again =
        harSampler(folder)
            .sample(
                harProfile(), mall.baseUrl(), KEYWORD, "anonymous", CookieJar.empty(), 20, slot);
    assertThat(again.page().listings()).isEqualTo(fromNewer.page().listings());
  }
}
