package com.mallrank.crawler.sampler;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallrank.crawler.fetch.CookieJar;
import com.mallrank.crawler.fetch.JsoupFetcher;
import com.mallrank.crawler.model.Listing;
import com.mallrank.crawler.model.SampleStatus;
import com.mallrank.crawler.net.TestNet;
import com.mallrank.crawler.profile.SiteProfile;
import com.mallrank.crawler.profile.SiteProfiles;
import com.mallrank.crawler.sandbox.Fault;
import com.mallrank.crawler.sandbox.SandboxCard;
import com.mallrank.crawler.sandbox.SandboxMall.Served;
import com.mallrank.crawler.sandbox.SandboxWorld;
import com.mallrank.crawler.testing.ApplicationDefaults;
import com.mallrank.crawler.testing.SandboxMallFixture;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The static path end to end against the sandbox mall: what is extracted is the ground truth. */
class KeywordSamplerTest {

  private static final Instant SLOT = Instant.parse("2026-11-28T06:00:00Z");
  private static final String KEYWORD = "加厚羽绒服女长款";

  @RegisterExtension
  static final SandboxMallFixture MALL = SandboxMallFixture.at(SLOT).clearingFaultsAfterEach();

  private static final SiteProfile PROFILE = SiteProfiles.builtIn("sandbox-static");

  private final KeywordSampler sampler =
      KeywordSampler.builder(
              new JsoupFetcher(ApplicationDefaults.jsoup()), SamplerSettings.UNTHROTTLED)
          .build();

  private SampleResult sample(String keyword, String identity, int depth) {
    return sampler.sample(
        PROFILE, MALL.mall().baseUrl(), keyword, identity, TestNet.sandboxCookies(identity), depth);
  }

  @Test
  void top20EqualsTheGroundTruthForEachIdentity() {
    for (String identity : List.of("anonymous", "mx-hangzhou", "mx-yiwu")) {
      SampleResult result = sample(KEYWORD, identity, 20);

      List<SandboxCard> truth = MALL.mall().world().results(KEYWORD, SLOT, identity).subList(0, 20);
      assertThat(result.page().status()).isEqualTo(SampleStatus.OK);
      assertThat(result.attempts()).isEqualTo(1);
      List<Listing> listings = result.page().listings();
      assertThat(listings).hasSize(20);
      for (int i = 0; i < 20; i++) {
        Listing got = listings.get(i);
        SandboxCard want = truth.get(i);
        assertThat(got.position()).isEqualTo(want.position());
        assertThat(got.organicRank()).isEqualTo(want.organicRank());
        assertThat(got.sponsored()).isEqualTo(want.sponsored());
        assertThat(got.productId()).isEqualTo(want.productId());
        assertThat(got.title()).isEqualTo(want.title());
        assertThat(got.shopId()).isEqualTo(want.shopId());
        assertThat(got.shopName()).isEqualTo(want.shopName());
        assertThat(got.price()).isEqualTo(want.price());
        assertThat(got.commissionRate()).isEqualTo(want.commissionRate());
        assertThat(got.salesLabel()).isEqualTo(want.salesLabel());
        assertThat(got.imageUrl()).contains(want.imageKey());
      }
    }
  }

  @Test
  void personalisationShowsInTheResults() {
    List<String> anonymous = ids(sample(KEYWORD, "anonymous", 60));
    List<String> hangzhou = ids(sample(KEYWORD, "mx-hangzhou", 60));

    assertThat(anonymous).hasSize(60);
    assertThat(hangzhou).hasSize(60).isNotEqualTo(anonymous);
  }

  @Test
  void eachFaultGivesItsStatusAndNoListings() {
    Map<Fault, SampleStatus> expected =
        Map.of(
            Fault.CAPTCHA, SampleStatus.BLOCKED,
            Fault.LOGIN_WALL, SampleStatus.LOGIN_REQUIRED,
            Fault.LAYOUT_CHANGED, SampleStatus.LAYOUT_CHANGED,
            Fault.EMPTY, SampleStatus.EMPTY,
            Fault.HTTP_500, SampleStatus.ERROR);
    expected.forEach(
        (fault, status) -> {
          MALL.mall().faults().set(KEYWORD, fault);
          // A fresh sampler each time, so a block's cool-down does not hide the next fault.
          KeywordSampler fresh =
              KeywordSampler.builder(
                      new JsoupFetcher(ApplicationDefaults.jsoup()), SamplerSettings.UNTHROTTLED)
                  .build();
          SampleResult result =
              fresh.sample(
                  PROFILE, MALL.mall().baseUrl(), KEYWORD, "anonymous", CookieJar.empty(), 20);

          assertThat(result.page().status()).as(fault.name()).isEqualTo(status);
          assertThat(result.page().listings()).as(fault.name()).isEmpty();
        });
  }

  @Test
  void serverErrorsAreRetriedThenReported() {
    MALL.mall().faults().set(KEYWORD, Fault.HTTP_500);
    long before = MALL.mall().served(Served.SEARCH_PAGES);

    SampleResult result = sample(KEYWORD, "anonymous", 20);

    assertThat(result.page().status()).isEqualTo(SampleStatus.ERROR);
    assertThat(result.page().evidence().httpStatus()).isEqualTo(500);
    assertThat(result.attempts()).isEqualTo(SamplerSettings.UNTHROTTLED.maxAttempts());
    assertThat(MALL.mall().served(Served.SEARCH_PAGES) - before).isEqualTo(result.attempts());
  }

  @Test
  void aBodyOverTheSizeBoundIsFetchedOnceNotRetried() {
    // the same page comes back over the bound every time: another try cannot help
    MALL.mall().faults().set(KEYWORD, Fault.OVERSIZED);
    MALL.mall().faults().setOversizedBytes(300_000);
    JsoupFetcher.Settings d = ApplicationDefaults.jsoup();
    KeywordSampler bounded =
        KeywordSampler.builder(
                new JsoupFetcher(ApplicationDefaults.jsoup(d.timeout(), 200_000)),
                SamplerSettings.UNTHROTTLED)
            .build();
    long before = MALL.mall().served(Served.SEARCH_PAGES);

    SampleResult result =
        bounded.sample(PROFILE, MALL.mall().baseUrl(), KEYWORD, "anonymous", CookieJar.empty(), 20);

    assertThat(result.page().status()).isEqualTo(SampleStatus.ERROR);
    assertThat(result.page().evidence().detail())
        .startsWith("body larger than the 200000 bytes allowed (http://127.0.0.1:");
    assertThat(result.attempts()).isEqualTo(1);
    assertThat(MALL.mall().served(Served.SEARCH_PAGES) - before).isEqualTo(1);
  }

  @Test
  void aBlockedIdentityRestsWhileOthersGoOn() {
    MALL.mall().faults().set(KEYWORD, Fault.CAPTCHA);
    assertThat(sample(KEYWORD, "mx-yiwu", 20).page().status()).isEqualTo(SampleStatus.BLOCKED);
    MALL.mall().faults().clearAll();
    long before = MALL.mall().served(Served.SEARCH_PAGES);

    SampleResult resting = sample(KEYWORD, "mx-yiwu", 20);
    SampleResult other = sample(KEYWORD, "mx-hangzhou", 20);

    assertThat(resting.page().status())
        .as("a rest is not a captcha: not sampled")
        .isEqualTo(SampleStatus.SKIPPED);
    assertThat(resting.page().evidence().marker()).isEqualTo("cooldown");
    assertThat(resting.page().evidence().detail()).startsWith("not sampled: mx-yiwu rests until ");
    assertThat(resting.attempts()).isZero();
    assertThat(other.page().status()).isEqualTo(SampleStatus.OK);
    assertThat(MALL.mall().served(Served.SEARCH_PAGES) - before).isEqualTo(1);
  }

  @Test
  void anAccountLoggedOutMidSlotIsSkippedForTheRestOfTheSlotWhileOthersGoOn() {
    List<String> keywords = SandboxWorld.create().keywords().subList(0, 4);
    MALL.mall().faults().expireLogin("mx-yiwu", 1);
    long before = MALL.mall().served(Served.SEARCH_PAGES);

    List<String> yiwu = new java.util.ArrayList<>();
    List<String> hangzhou = new java.util.ArrayList<>();
    for (String keyword : keywords) {
      SampleResult result = sample(keyword, "mx-yiwu", 20);
      yiwu.add(
          result.page().status().code()
              + "/"
              + result.page().evidence().marker()
              + "/"
              + result.attempts());
      hangzhou.add(sample(keyword, "mx-hangzhou", 20).page().status().code());
    }

    assertThat(yiwu)
        .containsExactly(
            "ok/null/1",
            "login_required/login-required: select .login-guide/1",
            "skipped/needs-login/0",
            "skipped/needs-login/0");
    assertThat(hangzhou).containsExactly("ok", "ok", "ok", "ok");
    assertThat(MALL.mall().served(Served.SEARCH_PAGES) - before)
        .as("2 for mx-yiwu, 4 for mx-hangzhou")
        .isEqualTo(6);
    SampleResult skipped = sample(keywords.get(0), "mx-yiwu", 20);
    assertThat(skipped.page().evidence().detail())
        .startsWith("not sampled: mx-yiwu needs a new login (login wall at ");
    assertThat(skipped.page().listings()).isEmpty();
  }

  @Test
  void theAnonymousVantageIsNeverMarkedLoggedOut() {
    List<String> keywords = SandboxWorld.create().keywords().subList(0, 2);
    MALL.mall().faults().set(keywords.get(0), Fault.LOGIN_WALL);

    assertThat(sample(keywords.get(0), "anonymous", 20).page().status())
        .isEqualTo(SampleStatus.LOGIN_REQUIRED);
    assertThat(sample(keywords.get(1), "anonymous", 20).page().status()).isEqualTo(SampleStatus.OK);
  }

  @Test
  void aHostOffTheAllowListIsRefusedWithoutARequest() {
    SampleResult result =
        sampler.sample(PROFILE, "http://example.org", KEYWORD, "anonymous", CookieJar.empty(), 20);

    assertThat(result.page().status()).isEqualTo(SampleStatus.ERROR);
    assertThat(result.page().evidence().detail()).contains("refused").contains("allow-list");
    assertThat(result.attempts()).isZero();
  }

  private static List<String> ids(SampleResult result) {
    return result.page().listings().stream().map(Listing::productId).toList();
  }
}
