package com.mallrank.crawler.sampler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import com.mallrank.crawler.fetch.CookieJar;
import com.mallrank.crawler.fetch.har.HarInbox;
import com.mallrank.crawler.model.Listing;
import com.mallrank.crawler.model.ResultPage;
import com.mallrank.crawler.model.SampleStatus;
import com.mallrank.crawler.profile.SiteProfile;
import com.mallrank.crawler.profile.SiteProfiles;
import com.mallrank.crawler.testing.DouyinPhone;
import com.mallrank.crawler.testing.DouyinPhone.Card;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A capture belongs to one vantage: {@code crawler.har-dir/<account-id>/} holds that account's
 * phone's captures, and a sample of the account reads only them. The same keyword searched on two
 * phones with different results gives each account its own listings; a capture in one account's
 * folder is never another's; the anonymous vantage is never sampled on douyin-mall (its search
 * needs a login: 2483), so what lies in the root folder is not read for it. The phone holds the
 * login: a capture showing the login refusal is that sample's {@code login_required}, the account's
 * other captures of the slot are still read, and a login state file's trouble (the static or
 * browser login) never skips a phone capture.
 */
class HarVantagesTest {

  private static final SiteProfile MALL = SiteProfiles.builtIn("douyin-mall");
  private static final Instant SLOT = Instant.parse("2026-12-08T02:00:00Z"); // 10:00 Beijing
  private static final String CAT = "猫粮";
  private static final String DOG = "狗粮";

  private static final Card A1 = new Card("3712026120800001001", "全价成猫粮鸡肉味2kg", 13900, "喵生活宠物旗舰店");
  private static final Card A2 = new Card("3712026120800001002", "冻干双拼猫粮1.8kg", 32800, "毛球粮仓专营店");
  private static final Card A3 = new Card("3712026120800001003", "幼猫奶糕猫粮1kg", 16500, "小爪子宠物店");
  private static final Card B1 = new Card("3712026120800002001", "鱼肉味猫粮2.5kg", 6900, "猫咪食堂专营店");
  private static final Card D1 = new Card("3712026120800003001", "全价成犬粮牛肉味10kg", 19900, "汪星球旗舰店");

  @TempDir Path dir;
  private Path root;
  private KeywordSampler sampler;

  @BeforeEach
  void inbox() throws Exception {
    root = Files.createDirectories(dir.resolve("har"));
    sampler =
        KeywordSampler.builder(null, SamplerSettings.UNTHROTTLED)
            .random(new Random(1))
            .har(root, Duration.ofHours(1))
            .build();
  }

  private Path drop(String folder, String name, DouyinPhone phone) throws Exception {
    Path file = Files.createDirectories(root.resolve(folder)).resolve(name);
    Files.writeString(file, phone.write(), StandardCharsets.US_ASCII);
    // exported after its searches, as a phone's export is
    Files.setLastModifiedTime(file, FileTime.from(SLOT.plusSeconds(1200)));
    return file;
  }

  private ResultPage sample(String vantage, String keyword) {
    return sampler.sample(MALL, "", keyword, vantage, CookieJar.empty(), 10, SLOT).page();
  }

  @Test
  void eachAccountsSampleReadsItsOwnPhonesCaptureOnly() throws Exception {
    // the same keyword on both phones, a minute apart, with different answers; 狗粮 on mx-a's only
    drop(
        "mx-a",
        "pixel.har",
        new DouyinPhone()
            .search(SLOT.plusSeconds(300), CAT, A1, A2, A3)
            .search(SLOT.plusSeconds(400), DOG, D1));
    drop("mx-b", "iphone.har", new DouyinPhone().search(SLOT.plusSeconds(360), CAT, B1, A3, A1));

    ResultPage catA = sample("mx-a", CAT);
    ResultPage catB = sample("mx-b", CAT);
    ResultPage dogA = sample("mx-a", DOG);
    ResultPage dogB = sample("mx-b", DOG);

    assertThat(catA.status()).isEqualTo(SampleStatus.OK);
    assertThat(catA.listings())
        .extracting(Listing::position, Listing::productId, Listing::title, Listing::price)
        .containsExactly(
            tuple(1, A1.id(), A1.title(), new BigDecimal("139.00")),
            tuple(2, A2.id(), A2.title(), new BigDecimal("328.00")),
            tuple(3, A3.id(), A3.title(), new BigDecimal("165.00")));
    assertThat(catB.status()).isEqualTo(SampleStatus.OK);
    assertThat(catB.listings())
        .extracting(Listing::position, Listing::productId, Listing::shopName)
        .containsExactly(
            tuple(1, B1.id(), "猫咪食堂专营店"),
            tuple(2, A3.id(), "小爪子宠物店"),
            tuple(3, A1.id(), "喵生活宠物旗舰店"));
    assertThat(catA.evidence().url())
        .isEqualTo(root.resolve("mx-a/processed/pixel.har").toUri().toString());
    assertThat(catB.evidence().url())
        .isEqualTo(root.resolve("mx-b/processed/iphone.har").toUri().toString());
    assertThat(dogA.listings())
        .as(dogA.evidence().detail())
        .extracting(Listing::productId)
        .containsExactly(D1.id());
    // mx-a's 狗粮 is not mx-b's: mx-b's phone searched 猫粮 only
    assertThat(dogB.status()).isEqualTo(SampleStatus.SKIPPED);
    assertThat(dogB.evidence().marker()).isEqualTo("no-capture");
    assertThat(dogB.evidence().detail())
        .isEqualTo(
            "no capture: search URL matched (1 request(s) within 2026-12-08T02:00:00Z to"
                + " 2026-12-08T03:00:00Z) but the keyword differs: '狗粮' not at [form:keyword,"
                + " form:query]; found 猫粮 (form:keyword)");
  }

  @Test
  void aCaptureOnlyInOneAccountsFolderLeavesTheOtherWithoutOne() throws Exception {
    drop("mx-a", "pixel.har", new DouyinPhone().search(SLOT.plusSeconds(300), CAT, A1, A2));

    ResultPage catB = sample("mx-b", CAT);

    assertThat(catB.status()).isEqualTo(SampleStatus.SKIPPED);
    assertThat(catB.evidence().marker()).isEqualTo("no-capture");
    assertThat(catB.evidence().detail())
        .isEqualTo(
            "no capture: mx-b's phone captures go to "
                + root.resolve("mx-b")
                + "/, which does not exist (one folder per account in crawler.har-dir)");
    // the file was not touched for mx-b: still new in mx-a's inbox
    assertThat(root.resolve("mx-a/pixel.har")).exists();

    Files.createDirectories(root.resolve("mx-b"));
    ResultPage again = sample("mx-b", CAT);
    assertThat(again.evidence().marker()).isEqualTo("no-capture");
    assertThat(again.evidence().detail())
        .startsWith("no capture: no request to the search URL")
        .endsWith(" in 0 HAR file(s)");
    assertThat(sample("mx-a", CAT).listings()).hasSize(2);
  }

  @Test
  void theAnonymousVantageIsNeverSampledOnASearchThatNeedsALogin() throws Exception {
    Path rootFile = root.resolve("logged-in-phone.har");
    Files.writeString(
        rootFile,
        new DouyinPhone().search(SLOT.plusSeconds(300), CAT, A1).write(),
        StandardCharsets.US_ASCII);
    assertThat(MALL.search().requiresLogin()).isTrue();

    ResultPage anonymous = sample("anonymous", CAT);

    assertThat(anonymous.status()).isEqualTo(SampleStatus.SKIPPED);
    assertThat(anonymous.evidence().marker()).isEqualTo("no-account");
    assertThat(anonymous.evidence().detail())
        .isEqualTo(
            "not sampled: douyin-mall searches only with a logged-in account"
                + " (search.requires-login): sample it as a matrix account, its phone's captures in"
                + " crawler.har-dir/<account-id>/");
    assertThat(anonymous.listings()).isEmpty();
    // not read: a logged-in phone's capture is an account's view, never the anonymous one
    assertThat(rootFile).exists();
    assertThat(root.resolve(HarInbox.PROCESSED)).doesNotExist();
  }

  @Test
  void thePhoneHoldsTheLoginEachCaptureProvesOrRefusesItOnItsOwn() throws Exception {
    drop(
        "mx-b",
        "iphone.har",
        new DouyinPhone()
            .loginRefused(SLOT.plusSeconds(300), CAT)
            // logged in again on the phone, then searched 狗粮
            .search(SLOT.plusSeconds(600), DOG, D1));
    // mx-b's login state file (its static and browser login) cannot be used: not the phone's
    sampler.needsLogin("mx-b", "login state file /nowhere/mx-b.json does not exist");

    ResultPage cat = sample("mx-b", CAT);
    ResultPage dog = sample("mx-b", DOG);

    assertThat(cat.status()).isEqualTo(SampleStatus.LOGIN_REQUIRED);
    assertThat(cat.evidence().marker())
        .isEqualTo("login-required: path responses[*].status_code | status_code = 2483");
    assertThat(cat.listings()).isEmpty();
    assertThat(dog.status()).as(dog.evidence().detail()).isEqualTo(SampleStatus.OK);
    assertThat(dog.listings()).extracting(Listing::productId).containsExactly(D1.id());
  }

  @Test
  void aPhoneLoggedOutWhileScrollingGivesNoRanksForThatSearch() throws Exception {
    // page 1 served with cards, page 2 refused (2483): whose list page 1 was cannot be trusted
    drop(
        "mx-a",
        "pixel.har",
        new DouyinPhone()
            .firstPageOfMore(SLOT.plusSeconds(300), CAT, A1, A2)
            .nextPageRefused(SLOT.plusSeconds(305), CAT, 2));

    ResultPage cat = sample("mx-a", CAT);

    assertThat(cat.status()).isEqualTo(SampleStatus.LOGIN_REQUIRED);
    assertThat(cat.evidence().marker())
        .isEqualTo("login-required: path responses[*].status_code | status_code = 2483");
    assertThat(cat.listings()).isEmpty();
  }

  @Test
  void aCaptureOutsideTheAccountsFolderIsNeverItsEvenInTheRootFolder() throws Exception {
    // a logged-in phone's capture dropped in crawler.har-dir itself, and in another account's
    Path inRoot = root.resolve("unsorted.har");
    Files.writeString(
        inRoot,
        new DouyinPhone().search(SLOT.plusSeconds(300), CAT, A1, A2).write(),
        StandardCharsets.US_ASCII);
    Path inB = drop("mx-b", "iphone.har", new DouyinPhone().search(SLOT.plusSeconds(360), CAT, B1));
    Files.createDirectories(root.resolve("mx-a"));

    ResultPage cat = sample("mx-a", CAT);

    assertThat(cat.status()).isEqualTo(SampleStatus.SKIPPED);
    assertThat(cat.evidence().marker()).isEqualTo("no-capture");
    assertThat(cat.listings()).isEmpty();
    assertThat(inRoot).exists();
    assertThat(inB).exists();
  }

  @Test
  void aLoginProofAPhoneCaptureCannotShowIsRefusedWithItsLine() {
    // A url proof would test the HAR file's own file:// URL (data/har/mx-a/…): a logged-out
    // capture would prove it; a cookie or rendered-page proof never holds on a capture.
    String text =
        SiteProfiles.builtInText("douyin-mall")
            + "  logged-in:\n    - url: /har/\n    - cookie: sessionid\n    - path: user_id\n";
    int line = (int) text.lines().count() - 2;

    assertThatThrownBy(() -> SiteProfiles.parse("douyin-mall.yml", text))
        .hasMessageContaining(
            "douyin-mall.yml:"
                + line
                + ": markers.logged-in[0].url: a phone capture (fetch.with: har) has no rendered"
                + " page, no cookies of the account and no page URL: prove the login with a path"
                + " or text of the captured answer")
        .hasMessageContaining("douyin-mall.yml:" + (line + 1) + ": markers.logged-in[1].cookie:")
        .hasMessageNotContaining("logged-in[2]");
  }

  @Test
  void twoPhonesCapturesInOneFolderAreNeverOnePhonesList() throws Exception {
    // one proxy for two phones: A's page 1, B's page 1, A's page 2, B's page 2 in one export,
    // put in mx-a's folder. Before capture-device: mx-a's 猫粮 was ok as B's page 1, A's page 2
    // and B's page 2 chained into one list.
    drop(
        "mx-a",
        "proxy.har",
        new DouyinPhone()
            .firstPageOfMore(SLOT.plusSeconds(300), CAT, A1, A2)
            .fromDevice("7432100000000777", "7432100000000776")
            .firstPageOfMore(SLOT.plusSeconds(330), CAT, B1, A3)
            .fromDevice("7432100000000001", "7432100000000000")
            .nextPage(SLOT.plusSeconds(340), CAT, 2, false, D1)
            .fromDevice("7432100000000777", "7432100000000776")
            .nextPage(SLOT.plusSeconds(350), CAT, 2, false, A1));
    assertThat(MALL.fetch().captureDevice()).hasToString("[query:device_id, query:iid]");

    ResultPage cat = sample("mx-a", CAT);
    ResultPage dog = sample("mx-a", DOG);

    String detail =
        "captures of 2 devices: the 4 search request(s) within 2026-12-08T02:00:00Z to"
            + " 2026-12-08T03:00:00Z differ at capture-device [query:device_id, query:iid], so"
            + " they are not one phone's; export each phone's captures into its own account's"
            + " folder";
    assertThat(cat.status()).isEqualTo(SampleStatus.ERROR);
    assertThat(cat.listings()).isEmpty();
    assertThat(cat.evidence().detail()).startsWith(detail).doesNotContain("7432100000000");
    assertThat(dog.status()).isEqualTo(SampleStatus.ERROR);
    assertThat(dog.evidence().detail()).startsWith(detail);
  }

  @Test
  void aTextProofOfLoginIsLookedForInWhatTheAppAnsweredNotInWhereTheFileLies() throws Exception {
    // the account's id is in the HAR file's path (data/har/mx-a/…), never in the app's answer
    SiteProfile byId =
        SiteProfiles.parse(
            "douyin-mall.yml",
            SiteProfiles.builtInText("douyin-mall") + "  logged-in:\n    - text: mx-a\n");
    SiteProfile byShop =
        SiteProfiles.parse(
            "douyin-mall.yml",
            SiteProfiles.builtInText("douyin-mall") + "  logged-in:\n    - text: 喵生活宠物旗舰店\n");
    drop("mx-a", "pixel.har", new DouyinPhone().search(SLOT.plusSeconds(300), CAT, A1, A2));

    ResultPage unproven = sampler.sample(byId, "", CAT, "mx-a", CookieJar.empty(), 10, SLOT).page();
    ResultPage proven = sampler.sample(byShop, "", CAT, "mx-a", CookieJar.empty(), 10, SLOT).page();

    assertThat(unproven.status()).isEqualTo(SampleStatus.LOGIN_REQUIRED);
    assertThat(unproven.evidence().marker()).isEqualTo("logged-in: not shown (text \"mx-a\")");
    assertThat(unproven.listings()).isEmpty();
    assertThat(proven.status()).as(proven.evidence().detail()).isEqualTo(SampleStatus.OK);
    assertThat(proven.listings()).extracting(Listing::productId).containsExactly(A1.id(), A2.id());
  }

  @Test
  void anAccountIdThatIsTheProcessedFolderIsAnErrorNotAnotherVantagesFiles() throws Exception {
    drop(HarInbox.PROCESSED, "old.har", new DouyinPhone().search(SLOT.plusSeconds(300), CAT, A1));

    ResultPage page = sample("processed", CAT);

    assertThat(page.status()).isEqualTo(SampleStatus.ERROR);
    assertThat(page.evidence().detail())
        .isEqualTo(
            "account id 'processed' cannot have a folder of phone captures:"
                + " crawler.har-dir/processed/ holds the anonymous vantage's processed files;"
                + " rename the account ("
                + root.resolve("processed").toUri()
                + ")");
  }
}
