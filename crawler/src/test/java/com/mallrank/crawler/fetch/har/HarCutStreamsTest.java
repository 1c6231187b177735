package com.mallrank.crawler.fetch.har;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallrank.crawler.fetch.CookieJar;
import com.mallrank.crawler.model.Listing;
import com.mallrank.crawler.model.ResultPage;
import com.mallrank.crawler.model.SampleStatus;
import com.mallrank.crawler.parse.ExtractOptions;
import com.mallrank.crawler.parse.Extractors;
import com.mallrank.crawler.profile.SiteProfile;
import com.mallrank.crawler.profile.SiteProfiles;
import com.mallrank.crawler.sampler.KeywordSampler;
import com.mallrank.crawler.sampler.SamplerSettings;
import com.mallrank.crawler.testing.MitmproxyHar;
import com.mallrank.crawler.testing.StreamPages;
import com.mallrank.crawler.testing.TtnetFrames;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cut streams, failed pages and the capture's depth, through the HAR path with the built-in
 * douyin-mall: what {@code profile test --har} extracts ({@link HarCapture} on a file, read only)
 * and what a slot's sample reads from the inbox must agree, and a cut stream is never {@code ok}.
 * The answers are hand-made v2 stream pages in the card model of douyin-notes §7 ({@link
 * StreamPages}), the HAR counterparts of {@code StreamedBodiesTest}'s saved streams.
 */
class HarCutStreamsTest {

  private static final SiteProfile MALL = SiteProfiles.builtIn("douyin-mall");
  private static final Instant SLOT = Instant.parse("2026-12-07T06:00:00Z");
  private static final String SEARCH =
      "https://ecom5-normal-lf.ecombdapi.com/aweme/v2/shop/search/aggregate/shopping/stream/"
          + "?iid=7432100000000000&device_id=7432100000000001&aid=1128";
  private static final String JSON_UTF8 = "application/json; charset=utf-8";
  private static final String KEYWORD = "猫粮";

  @TempDir Path dir;

  /** A page document with cards {@code from..to-1} and the paging flag (null: none). */
  private static String page(int from, int to, Boolean hasMore) {
    return StreamPages.page(from, to, hasMore);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String form(int cursor) {
    return "cursor=" + cursor + "&count=10&keyword=%E7%8C%AB%E7%B2%AE&search_source=normal_search";
  }

  /** A HAR of the keyword's search with these answers (null: a failed flow), 5 s apart. */
  private Path har(Object... pagesAndCursors) throws Exception {
    MitmproxyHar har = new MitmproxyHar();
    for (int i = 0; i < pagesAndCursors.length; i += 2) {
      int cursor = (Integer) pagesAndCursors[i];
      byte[] answer = (byte[]) pagesAndCursors[i + 1];
      Instant at = SLOT.plusSeconds(60 + 5L * i);
      if (answer == null) {
        har.failedPost(at, SEARCH, form(cursor), "Connection killed.");
      } else {
        har.post(at, SEARCH, form(cursor), JSON_UTF8, answer);
      }
    }
    Path file = dir.resolve("phone.har");
    Files.writeString(file, har.write(), StandardCharsets.US_ASCII);
    return file;
  }

  /** What {@code profile test --har FILE --har-keyword 猫粮 --depth N} shows. */
  private static ResultPage profileTest(Path har, int depth) {
    HarCapture.Outcome outcome =
        new HarCapture(MALL.fetch().captureUrl(), MALL.fetch().captureKeyword())
            .find(List.of(har), KEYWORD, null, null);
    assertThat(outcome.kind()).as(outcome.detail()).isEqualTo(HarCapture.Kind.FOUND);
    return Extractors.forProfile(MALL, new ExtractOptions(depth))
        .extract(outcome.response(Duration.ZERO));
  }

  private int inboxes;

  /** The slot's sample, the file dropped into an inbox of its own. */
  private ResultPage sample(Path har, int depth) throws Exception {
    Path inbox = Files.createDirectories(dir.resolve("inbox-" + ++inboxes));
    // mx-hangzhou's phone: its own folder of the inbox
    Files.copy(har, Files.createDirectories(inbox.resolve("mx-hangzhou")).resolve("phone.har"));
    return KeywordSampler.builder(null, SamplerSettings.UNTHROTTLED)
        .random(new Random(1))
        .har(inbox, Duration.ofHours(1))
        .build()
        .sample(MALL, "", KEYWORD, "mx-hangzhou", CookieJar.empty(), depth, SLOT)
        .page();
  }

  private static List<String> ids(ResultPage page) {
    return page.listings().stream().map(Listing::productId).toList();
  }

  @Test
  void aStreamCutAfterACardDocumentIsPartialAtMostWithItsOffsetEvenWhenDeepEnough()
      throws Exception {
    byte[] page1 = TtnetFrames.closedEvery(utf8(page(0, 3, true)), 50);
    String whole = TtnetFrames.frame(page(3, 5, null));
    // the next frame announces 0x1f4 = 500 bytes; 20 arrive
    byte[] page2 = utf8(whole + "1f4\r\n" + page(5, 9, false).substring(0, 20));
    Path har = har(0, page1, 10, page2);

    for (ResultPage page : List.of(profileTest(har, 4), sample(har, 4))) {
      assertThat(page.status()).isEqualTo(SampleStatus.PARTIAL);
      assertThat(ids(page))
          .containsExactly(
              StreamPages.id(0), StreamPages.id(1), StreamPages.id(2), StreamPages.id(3));
      assertThat(page.evidence().detail())
          .isEqualTo(
              "5 cards on the page, 4 kept; captured response 2: stream cut at byte offset "
                  + utf8(whole).length
                  + ": the frame at byte offset "
                  + utf8(whole).length
                  + " announces 500 bytes (0x1f4) but only 20 remain; document 2 (from byte"
                  + " offset "
                  + (utf8(whole).length + 5)
                  + ") is cut off");
    }
  }

  @Test
  void aStreamCutBeforeAnyCardIsAnError() throws Exception {
    String status = TtnetFrames.frame("{\"status_code\":0}");
    byte[] page1 = utf8(status + "1f4\r\n" + page(0, 3, true).substring(0, 40));
    Path har = har(0, page1);
    int at = status.length();

    for (ResultPage page : List.of(profileTest(har, 20), sample(har, 20))) {
      assertThat(page.status()).isEqualTo(SampleStatus.ERROR);
      assertThat(page.listings()).isEmpty();
      assertThat(page.evidence().detail())
          .isEqualTo(
              "no card before the stream was cut (captured response 1: stream cut at byte offset "
                  + at
                  + ": the frame at byte offset "
                  + at
                  + " announces 500 bytes (0x1f4) but only 40 remain; document 2 (from byte"
                  + " offset "
                  + (at + 5)
                  + ") is cut off)");
    }
  }

  @Test
  void aFirstPageCutBeforeItsFirstDocumentLeavesTheSearchUnusable() throws Exception {
    byte[] page1 = utf8("1f4\r\n" + page(0, 3, true).substring(0, 40));
    Path har = har(0, page1);

    HarCapture.Outcome outcome =
        new HarCapture(MALL.fetch().captureUrl(), MALL.fetch().captureKeyword())
            .find(List.of(har), KEYWORD, null, null);
    assertThat(outcome.kind()).isEqualTo(HarCapture.Kind.UNUSABLE);
    String why =
        "streamed body, byte offset 0: cut before its first complete document: the frame at byte"
            + " offset 0 announces 500 bytes (0x1f4) but only 40 remain; document 1 (from byte"
            + " offset 5) is cut off";
    assertThat(outcome.detail())
        .isEqualTo("keyword '猫粮' matched (1 search(es)) but the response is unusable: " + why);
    ResultPage sampled = sample(har, 20);
    assertThat(sampled.status()).isEqualTo(SampleStatus.ERROR);
    assertThat(sampled.evidence().detail())
        .startsWith(
            "keyword '猫粮' matched (1 search(es) within 2026-12-07T06:00:00Z to"
                + " 2026-12-07T07:00:00Z) but the response is unusable: "
                + why
                + " (file:");
  }

  @Test
  void aLaterPageCutBeforeItsFirstDocumentEndsTheSearchAsACut() throws Exception {
    byte[] page1 = TtnetFrames.closedEvery(utf8(page(0, 3, false)), 64);
    byte[] page2 = utf8("1f4\r\n" + page(3, 6, false).substring(0, 40));
    Path har = har(0, page1, 3, page2);

    for (ResultPage page : List.of(profileTest(har, 2), sample(har, 2))) {
      // deep enough, and page 1 even says there is no more: still not ok, the cut is named
      assertThat(page.status()).isEqualTo(SampleStatus.PARTIAL);
      assertThat(ids(page)).containsExactly(StreamPages.id(0), StreamPages.id(1));
      assertThat(page.evidence().detail())
          .isEqualTo(
              "3 cards on the page, 2 kept; captured response 2: stream cut at byte offset 0:"
                  + " cut before its first complete document: the frame at byte offset 0"
                  + " announces 500 bytes (0x1f4) but only 40 remain; document 1 (from byte"
                  + " offset 5) is cut off");
    }
  }

  @Test
  void aFailedPageEndsTheSearchUnlessTheAppAskedForItAgain() throws Exception {
    byte[] page1 = TtnetFrames.closedEvery(utf8(page(0, 3, true)), 64);
    byte[] page2 = TtnetFrames.closedEvery(utf8(page(3, 6, true)), 64);
    byte[] page3 = TtnetFrames.closedEvery(utf8(page(6, 8, false)), 64);

    // page 2 failed and was not asked again: page 3's cards would take page 2's places
    Path gap = har(0, page1, 3, null, 6, page3);
    for (ResultPage page : List.of(profileTest(gap, 20), sample(gap, 20))) {
      assertThat(ids(page))
          .containsExactly(StreamPages.id(0), StreamPages.id(1), StreamPages.id(2));
      assertThat(page.status()).isEqualTo(SampleStatus.PARTIAL);
      assertThat(page.evidence().detail())
          .isEqualTo(
              "3 cards on the page, fewer than the 20 requested; the capture's last page says"
                  + " there is more (/load_more_config/has_more true): the phone stopped"
                  + " scrolling");
    }
    assertThat(
            new HarCapture(MALL.fetch().captureUrl(), MALL.fetch().captureKeyword())
                .find(List.of(gap), KEYWORD, null, null)
                .detail())
        .isEqualTo(
            "1 page(s) from phone.har; page 2 unusable, the search read up to it: status 0,"
                + " _error: Connection killed.");

    // the app retried page 2: the retry stands in for it, the list is whole
    Files.delete(gap);
    Path retried = har(0, page1, 3, null, 3, page2, 6, page3);
    for (ResultPage page : List.of(profileTest(retried, 20), sample(retried, 20))) {
      assertThat(page.listings()).hasSize(8);
      assertThat(page.listings().get(7).position()).isEqualTo(8);
      assertThat(page.listings().get(7).productId()).isEqualTo(StreamPages.id(7));
      assertThat(page.status()).isEqualTo(SampleStatus.OK);
    }
  }

  @Test
  void aCaptureThatDoesNotSayWhetherThereIsMoreIsPartialBelowTheDepth() throws Exception {
    Path har = har(0, TtnetFrames.closedEvery(utf8(page(0, 3, null)), 64));

    for (ResultPage page : List.of(profileTest(har, 20), sample(har, 20))) {
      assertThat(page.status()).isEqualTo(SampleStatus.PARTIAL);
      assertThat(page.evidence().detail())
          .isEqualTo(
              "3 cards on the page, fewer than the 20 requested; the capture does not say"
                  + " whether there is more (no /load_more_config/has_more)");
    }
  }
}
