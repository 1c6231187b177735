package com.mallrank.crawler.fetch.har;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallrank.crawler.fetch.CookieJar;
import com.mallrank.crawler.fetch.FetchResponse;
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
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Walks HAR files laid out as Chrome, Firefox, Safari, Charles, Insomnia, mitmproxy and Fiddler
 * (with a byte-order mark) write them, plus a timed-out flow, a file cut off mid-way and one that
 * is not JSON (hand-made, see {@code har/layouts/README.md}): each reads the same two pages, or
 * gives a named error, never a stack trace; no message repeats the device id or token of the
 * captured URLs. Both paths: {@link HarCapture} ({@code profile test --har}) and the sampler
 * reading the inbox.
 */
class HarLayoutsTest {

  static final Path LAYOUTS = Path.of("src/test/resources/har/layouts");
  static final SiteProfile PROFILE =
      SiteProfiles.load(Path.of("src/test/resources/har/har-test.yml"));
  static final String DEVICE_ID = "7312345678901234567";
  static final String TOKEN = "abcDEF123secret";

  /** The slot of every capture here: 2026-12-01 10:00 Beijing. */
  static final Instant SLOT = Instant.parse("2026-12-01T02:00:00Z");

  @TempDir Path dir;

  static HarCapture capture() {
    return new HarCapture(PROFILE.fetch().captureUrl(), PROFILE.fetch().captureKeyword());
  }

  static ResultPage extract(String document, int depth) {
    return Extractors.forProfile(PROFILE, new ExtractOptions(depth))
        .extract(new FetchResponse("file:///phone.har", 200, null, document, null, Duration.ZERO));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "chrome.har",
        "firefox.har",
        "safari.har",
        "charles.har",
        "insomnia.har",
        "mitmproxy.har"
      })
  void everyLayoutReadsBothPagesOfTheSearch(String name) {
    HarCapture.Outcome outcome = capture().find(List.of(LAYOUTS.resolve(name)), "猫粮", null, null);

    assertThat(outcome.kind()).isEqualTo(HarCapture.Kind.FOUND);
    assertThat(outcome.detail()).isEqualTo("2 page(s) from " + name);
    ResultPage page = extract(outcome.document(), 3);
    assertThat(page.status()).isEqualTo(SampleStatus.OK);
    assertThat(page.listings())
        .extracting(Listing::position, Listing::productId, Listing::title, Listing::price)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                1, "3700000000000000001", "猫粮成猫全价冻干双拼增肥发腮营养天然粮", new BigDecimal("89.90")),
            org.assertj.core.groups.Tuple.tuple(
                2, "3700000000000000002", "幼猫猫粮 鸡肉味", new BigDecimal("45.50")),
            org.assertj.core.groups.Tuple.tuple(
                3, "3700000000000000003", "猫粮10kg 大包装", new BigDecimal("159.00")));
    assertThat(outcome.document()).doesNotContain(DEVICE_ID, TOKEN).contains("/api/search?…");
  }

  @Test
  void aByteOrderMarkAndFiddlersKeyOrderRead() {
    HarCapture.Outcome outcome =
        capture().find(List.of(LAYOUTS.resolve("bom.har")), "猫粮", SLOT, SLOT.plusSeconds(3600));

    assertThat(outcome.kind()).isEqualTo(HarCapture.Kind.FOUND);
    assertThat(extract(outcome.document(), 2).listings())
        .extracting(Listing::productId)
        .containsExactly("3700000000000000001", "3700000000000000002");
  }

  @Test
  void aTimedOutFlowIsNotAResponseAndSaysWhy() {
    HarCapture.Outcome outcome =
        capture().find(List.of(LAYOUTS.resolve("timeout.har")), "猫粮", null, null);

    assertThat(outcome.kind()).isEqualTo(HarCapture.Kind.UNUSABLE);
    assertThat(outcome.detail())
        .isEqualTo(
            "keyword '猫粮' matched (1 search(es)) but the response is unusable: status 0,"
                + " _error: Connection killed.");
  }

  @Test
  void aCutFileAndANonJsonFileAreNamedErrors() {
    Path cut = LAYOUTS.resolve("cut.har");
    Path notJson = LAYOUTS.resolve("not-json.har");

    assertThat(capture().find(List.of(cut), "猫粮", null, null).badFiles())
        .singleElement()
        .asString()
        .matches(
            java.util.regex.Pattern.quote(cut.toString())
                + ": cut off at byte \\d+: the file ends inside the JSON \\(still being written or"
                + " copied\\?\\)");
    assertThat(capture().find(List.of(notJson), "猫粮", null, null).badFiles())
        .containsExactly(
            notJson
                + ": not a HAR file: not JSON (line 1, column 1: Unexpected character ('<' (code"
                + " 60)): expected a valid value (JSON String, Number, Array, Object or token"
                + " 'null', 'true…)");
    HarCapture.Outcome both =
        capture().find(List.of(cut, notJson, LAYOUTS.resolve("chrome.har")), "猫粮", null, null);
    assertThat(both.kind()).isEqualTo(HarCapture.Kind.FOUND);
    assertThat(both.badFiles()).hasSize(2);
    assertThat(both.detail()).startsWith("2 page(s) from chrome.har; 2 file(s) unreadable: [");
  }

  @Test
  void aStreamWrittenWithSurrogateEscapesComesBackByteForByteAndReadsEveryListing()
      throws Exception {
    Path har = LAYOUTS.resolve("mitmproxy-split-frames.har");
    HarFile.Scan scan = HarFile.scan(har, capture()::urlMatches);

    assertThat(scan.matching()).hasSize(1);
    assertThat(scan.matching().get(0).responseBody())
        .isEqualTo(Files.readAllBytes(LAYOUTS.resolve("mitmproxy-split-frames.body")));

    // documents running across frames, 发 and 鸡 split between frames, a ;ttnet=1 extension
    HarCapture.Outcome outcome = capture().find(List.of(har), "猫粮", null, null);
    assertThat(outcome.detail()).isEqualTo("1 page(s) from mitmproxy-split-frames.har");
    ResultPage page = extract(outcome.document(), 20);
    assertThat(page.listings())
        .extracting(Listing::position, Listing::productId, Listing::title, Listing::price)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                1, "3700000000000000001", "猫粮成猫全价冻干双拼增肥发腮营养天然粮", new BigDecimal("89.90")),
            org.assertj.core.groups.Tuple.tuple(
                2, "3700000000000000002", "幼猫猫粮 鸡肉味", new BigDecimal("45.50")));
    // the capture's only page says there is more: the phone stopped scrolling
    assertThat(page.status()).isEqualTo(SampleStatus.PARTIAL);
    assertThat(page.evidence().detail())
        .isEqualTo(
            "2 cards on the page, fewer than the 20 requested; the capture's last page says there"
                + " is more (/data/has_more true): the phone stopped scrolling");
  }

  /** The sampling path: each layout alone in an inbox, sampled for its slot. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "chrome.har",
        "firefox.har",
        "safari.har",
        "charles.har",
        "insomnia.har",
        "mitmproxy.har",
        "bom.har"
      })
  void everyLayoutSamplesFromTheInbox(String name) throws Exception {
    Files.copy(LAYOUTS.resolve(name), dir.resolve(name));

    SampleResult result = sample(dir, "猫粮");

    assertThat(result.page().status()).isEqualTo(SampleStatus.OK);
    assertThat(result.page().listings().get(0).productId()).isEqualTo("3700000000000000001");
    assertThat(dir.resolve(name)).doesNotExist();
    assertThat(dir.resolve(HarInbox.PROCESSED).resolve(name)).exists();
  }

  @Test
  void badFilesInTheInboxAreNamedAndNeverStopTheOthers() throws Exception {
    for (String name : List.of("cut.har", "not-json.har", "timeout.har")) {
      Files.copy(LAYOUTS.resolve(name), dir.resolve(name));
    }

    SampleResult unusable = sample(dir, "猫粮");

    assertThat(unusable.page().status()).isEqualTo(SampleStatus.ERROR);
    assertThat(unusable.attempts()).isEqualTo(1);
    assertThat(unusable.page().evidence().detail())
        .startsWith(
            "keyword '猫粮' matched (1 search(es) within 2026-12-01T02:00:00Z to"
                + " 2026-12-01T03:00:00Z) but the response is unusable: status 0, _error:"
                + " Connection killed.; 2 file(s) unreadable: [")
        .contains(dir.resolve("cut.har") + ": cut off at byte ")
        .contains(dir.resolve("not-json.har") + ": not a HAR file: not JSON")
        .doesNotContain(DEVICE_ID, TOKEN);
    // the bad files stay where they are (maybe still being copied); the good one was moved
    assertThat(dir.resolve("cut.har")).exists();
    assertThat(dir.resolve("not-json.har")).exists();
    assertThat(dir.resolve(HarInbox.PROCESSED).resolve("timeout.har")).exists();

    Files.copy(LAYOUTS.resolve("chrome.har"), dir.resolve("chrome.har"));
    SampleResult ok = sample(dir, "猫粮");
    assertThat(ok.page().status()).isEqualTo(SampleStatus.OK);
    assertThat(ok.page().listings()).hasSize(2);
  }

  static SampleResult sample(Path inbox, String keyword) {
    return KeywordSampler.builder(null, SamplerSettings.UNTHROTTLED)
        .random(new Random(1))
        .har(inbox, Duration.ofHours(1))
        .build()
        .sample(PROFILE, "", keyword, "anonymous", CookieJar.empty(), 2, SLOT);
  }
}
