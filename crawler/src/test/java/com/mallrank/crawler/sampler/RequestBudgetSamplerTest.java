package com.mallrank.crawler.sampler;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallrank.crawler.fetch.CookieJar;
import com.mallrank.crawler.fetch.JsoupFetcher;
import com.mallrank.crawler.model.SampleStatus;
import com.mallrank.crawler.net.TestNet;
import com.mallrank.crawler.politeness.RequestBudget;
import com.mallrank.crawler.politeness.TimeSource;
import com.mallrank.crawler.profile.SiteProfile;
import com.mallrank.crawler.profile.SiteProfiles;
import com.mallrank.crawler.sandbox.SandboxMall;
import com.mallrank.crawler.sandbox.SandboxMall.Served;
import com.mallrank.crawler.testing.ApplicationDefaults;
import com.mallrank.crawler.testing.SandboxMallFixture;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The sampler asks the identity's budget before each request: out of budget, a sample is {@code
 * skipped} (marker {@code budget}) and nothing is sent; sampled in plan order, the budget goes to
 * the first (highest-priority) keywords.
 */
class RequestBudgetSamplerTest {

  private static final Instant SLOT = Instant.parse("2026-11-28T06:00:00Z");
  private static final String KEYWORD = "加厚羽绒服女长款";
  private static final SiteProfile PROFILE = SiteProfiles.builtIn("sandbox-static");
  @RegisterExtension static final SandboxMallFixture MALL = SandboxMallFixture.at(SLOT);

  /** A budget of {@code limit} requests per identity, counted in memory. */
  private static RequestBudget budgetOf(Map<String, Integer> limits) {
    Map<String, AtomicInteger> used = new ConcurrentHashMap<>();
    return identity -> {
      Integer limit = limits.get(identity);
      if (limit == null) {
        return true;
      }
      AtomicInteger count = used.computeIfAbsent(identity, i -> new AtomicInteger());
      return count.getAndUpdate(n -> n < limit ? n + 1 : n) < limit;
    };
  }

  private static KeywordSampler sampler(RequestBudget budget) {
    TimeSource time = TimeSource.system();
    Random random = new Random(1);
    return KeywordSampler.builder(
            new JsoupFetcher(ApplicationDefaults.jsoup()), SamplerSettings.UNTHROTTLED)
        .time(time)
        .random(random)
        .budget(budget)
        .build();
  }

  @Test
  void theFirstKeywordsInPlanOrderGetTheBudgetAndTheRestAreSkippedWithoutARequest() {
    KeywordSampler sampler = sampler(budgetOf(Map.of("mx-hangzhou", 3)));
    List<String> keywords = MALL.mall().world().keywords().subList(0, 5);
    CookieJar cookies = TestNet.sandboxIdentity(SandboxMall.IDENTITY_COOKIE, "mx-hangzhou");
    long before = MALL.mall().served(Served.SEARCH_PAGES);

    List<String> outcomes = new ArrayList<>();
    for (String keyword : keywords) {
      SampleResult result =
          sampler.sample(PROFILE, MALL.mall().baseUrl(), keyword, "mx-hangzhou", cookies, 20);
      outcomes.add(
          result.page().status() == SampleStatus.SKIPPED
              ? "skipped:" + result.page().evidence().marker() + ":" + result.attempts()
              : "fetched:" + result.attempts());
    }

    assertThat(outcomes)
        .containsExactly(
            "fetched:1", "fetched:1", "fetched:1", "skipped:budget:0", "skipped:budget:0");
    assertThat(MALL.mall().served(Served.SEARCH_PAGES) - before).isEqualTo(3);
  }

  @Test
  void anotherIdentityKeepsItsOwnBudget() {
    KeywordSampler sampler = sampler(budgetOf(Map.of("mx-hangzhou", 0)));
    long before = MALL.mall().served(Served.SEARCH_PAGES);

    SampleResult spent =
        sampler.sample(
            PROFILE,
            MALL.mall().baseUrl(),
            KEYWORD,
            "mx-hangzhou",
            TestNet.sandboxIdentity(SandboxMall.IDENTITY_COOKIE, "mx-hangzhou"),
            20);
    SampleResult free =
        sampler.sample(PROFILE, MALL.mall().baseUrl(), KEYWORD, "anonymous", CookieJar.empty(), 20);

    assertThat(spent.page().status()).isEqualTo(SampleStatus.SKIPPED);
    assertThat(spent.page().evidence().detail())
        .isEqualTo("not sampled: mx-hangzhou used its request budget");
    assertThat(free.page().status()).isEqualTo(SampleStatus.OK);
    assertThat(MALL.mall().served(Served.SEARCH_PAGES) - before).isEqualTo(1);
  }
}
