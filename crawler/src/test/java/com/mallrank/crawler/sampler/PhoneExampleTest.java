package com.mallrank.crawler.sampler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.mallrank.crawler.fetch.CookieJar;
import com.mallrank.crawler.fetch.har.HarCapture;
import com.mallrank.crawler.model.Listing;
import com.mallrank.crawler.model.ResultPage;
import com.mallrank.crawler.model.SampleStatus;
import com.mallrank.crawler.parse.ExtractOptions;
import com.mallrank.crawler.parse.Extractors;
import com.mallrank.crawler.profile.SiteProfile;
import com.mallrank.crawler.profile.SiteProfiles;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's worked example ("Captures from a phone (HAR)") stays true: what the built-in
 * douyin-mall reads from {@code docs/examples/phone/phone-2026-12-01.har} (phone A), through {@code
 * profile test --har} (step 1), and a sample of the example plan's slot as its two accounts, each
 * from its own folder of the inbox (steps 2-4: 猫粮, 羽绒服女, 狗粮 at depth 10; phone B's {@code
 * phone-b-2026-12-01.har} in {@code mx-b/}), is what the README prints.
 */
class PhoneExampleTest {

  private static final Path EXAMPLE = Path.of("../docs/examples/phone/phone-2026-12-01.har");
  private static final Path EXAMPLE_B = Path.of("../docs/examples/phone/phone-b-2026-12-01.har");
  private static final SiteProfile MALL = SiteProfiles.builtIn("douyin-mall");
  private static final Instant SLOT = Instant.parse("2026-12-01T02:00:00Z"); // 10:00 Beijing

  @TempDir Path dir;

  private static ResultPage profileTest(String keyword) {
    HarCapture.Outcome outcome =
        new HarCapture(MALL.fetch().captureUrl(), MALL.fetch().captureKeyword())
            .find(List.of(EXAMPLE), keyword, null, null);
    assertThat(outcome.kind()).as(outcome.detail()).isEqualTo(HarCapture.Kind.FOUND);
    return Extractors.forProfile(MALL, new ExtractOptions(ExtractOptions.MAX_DEPTH))
        .extract(outcome.response(Duration.ZERO));
  }

  @Test
  void step1ProfileTestReadsTheCaptureAsTheReadmeSays() {
    ResultPage cat = profileTest("猫粮");

    assertThat(cat.status()).isEqualTo(SampleStatus.OK);
    assertThat(cat.evidence().detail())
        .isEqualTo(
            "15 cards on the page, fewer than the 60 requested: the capture's last page says there"
                + " is no more (/load_more_config/has_more false); 1 repeated product id dropped"
                + " (first: card 12 repeats card 3)");
    assertThat(cat.listings())
        .extracting(Listing::productId)
        .doesNotContain("3710000000000000099") // the live-room card's nested product
        .doesNotHaveDuplicates()
        .hasSize(15);
    assertThat(cat.listings().subList(0, 4))
        .extracting(
            Listing::position,
            Listing::productId,
            Listing::title,
            Listing::price,
            Listing::shopName,
            Listing::salesLabel)
        .containsExactly(
            tuple(
                1,
                "3710000000000000001",
                "全价成猫粮鸡肉味2kg",
                new BigDecimal("139.00"),
                "喵生活宠物旗舰店",
                "已售1.2万件"),
            tuple(
                2,
                "3710000000000000002",
                "六种鱼冻干双拼猫粮1.8kg",
                new BigDecimal("328.00"),
                "毛球粮仓专营店",
                "已售3000+件"),
            tuple(
                3,
                "3710000000000000003",
                "全价冻干双拼猫粮",
                new BigDecimal("89.90"),
                "喵生活宠物旗舰店",
                "已售5万+件"),
            tuple(4, "3710000000000000004", "幼猫奶糕猫粮1kg", new BigDecimal("165.00"), "小爪子宠物店", null));
    assertThat(cat.listings().get(14).productId()).isEqualTo("3710000000000000016");

    ResultPage coat = profileTest("羽绒服女");
    assertThat(coat.status()).isEqualTo(SampleStatus.PARTIAL);
    assertThat(coat.listings()).hasSize(8);
    assertThat(coat.listings().get(0).title()).isEqualTo("加厚羽绒服女长款过膝");
    assertThat(coat.listings().get(0).shopName()).isEqualTo("北境女装旗舰店");
  }

  @Test
  void steps2To4TheSlotSampledFromTheInboxIsWhatTheReadmePrints() throws Exception {
    Path inbox = Files.createDirectories(dir.resolve("har"));
    Files.copy(
        EXAMPLE, Files.createDirectories(inbox.resolve("mx-a")).resolve("phone-2026-12-01.har"));
    Files.copy(
        EXAMPLE_B,
        Files.createDirectories(inbox.resolve("mx-b")).resolve("phone-b-2026-12-01.har"));
    KeywordSampler sampler =
        KeywordSampler.builder(null, SamplerSettings.UNTHROTTLED)
            .random(new Random(1))
            .har(inbox, Duration.ofHours(1))
            .build();

    ResultPage cat = sample(sampler, "mx-a", "猫粮");
    ResultPage coat = sample(sampler, "mx-a", "羽绒服女");
    ResultPage dog = sample(sampler, "mx-a", "狗粮");
    ResultPage catB = sample(sampler, "mx-b", "猫粮");
    ResultPage coatB = sample(sampler, "mx-b", "羽绒服女");
    ResultPage dogB = sample(sampler, "mx-b", "狗粮");

    assertThat(
            List.of(cat, coat, dog, catB, coatB, dogB).stream()
                .map(p -> p.status().code())
                .toList())
        .as("samples by status {ok=2, partial=1, skipped=3}")
        .containsExactly("ok", "partial", "skipped", "ok", "skipped", "skipped");
    assertThat(cat.status()).isEqualTo(SampleStatus.OK);
    assertThat(cat.listings()).hasSize(10);
    assertThat(cat.listings().subList(0, 3))
        .extracting(Listing::title, Listing::shopName, Listing::price)
        .containsExactly(
            tuple("全价成猫粮鸡肉味2kg", "喵生活宠物旗舰店", new BigDecimal("139.00")),
            tuple("六种鱼冻干双拼猫粮1.8kg", "毛球粮仓专营店", new BigDecimal("328.00")),
            tuple("全价冻干双拼猫粮", "喵生活宠物旗舰店", new BigDecimal("89.90")));
    assertThat(cat.listings().get(8).title()).isEqualTo("乳鸽猫粮1.8kg");
    // phone B's 猫粮, ranked differently; phone A's capture is not read for mx-b
    assertThat(catB.listings())
        .extracting(Listing::title, Listing::shopName, Listing::price)
        .hasSize(8)
        .startsWith(
            tuple("六种鱼冻干双拼猫粮1.8kg", "毛球粮仓专营店", new BigDecimal("328.00")),
            tuple("鲜肉猫粮成猫", "橘猫食堂", new BigDecimal("99.00")),
            tuple("无谷天然猫粮", "毛球粮仓专营店", new BigDecimal("219.00")));
    assertThat(coatB.evidence().detail())
        .isEqualTo(
            "no capture: search URL matched (1 request(s) within 2026-12-01T02:00:00Z to"
                + " 2026-12-01T03:00:00Z) but the keyword differs: '羽绒服女' not at"
                + " [form:keyword, form:query]; found 猫粮 (form:keyword)");
    assertThat(dogB.evidence().detail()).endsWith("found 猫粮 (form:keyword)");
    assertThat(coat.status()).isEqualTo(SampleStatus.PARTIAL);
    assertThat(coat.evidence().detail())
        .isEqualTo(
            "8 cards on the page, fewer than the 10 requested; the capture's last page says there"
                + " is more (/load_more_config/has_more true): the phone stopped scrolling");
    assertThat(dog.status()).isEqualTo(SampleStatus.SKIPPED);
    assertThat(dog.evidence().detail())
        .isEqualTo(
            "no capture: search URL matched (3 request(s) within 2026-12-01T02:00:00Z to"
                + " 2026-12-01T03:00:00Z) but the keyword differs: '狗粮' not at [form:keyword,"
                + " form:query]; found 猫粮 (form:keyword) ×2, 羽绒服女 (form:keyword)");
  }

  private static ResultPage sample(KeywordSampler sampler, String vantage, String keyword) {
    return sampler.sample(MALL, "", keyword, vantage, CookieJar.empty(), 10, SLOT).page();
  }
}
