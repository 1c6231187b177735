package com.mallrank.crawler.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallrank.crawler.model.Listing;
import com.mallrank.crawler.model.ResultPage;
import com.mallrank.crawler.model.SampleStatus;
import com.mallrank.crawler.profile.SiteProfile;
import com.mallrank.crawler.profile.SiteProfiles;
import com.mallrank.crawler.testing.StreamPages;
import com.mallrank.crawler.testing.TtnetFrames;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A saved streamed body (several JSON documents, TTNet frames or NDJSON) read with {@code profile
 * test --page}: the file is read as bytes, frames are joined before documents are split (a frame
 * may end inside a document or a character), its documents are {@code responses[*]}, as in a
 * browser capture, and a cut stream is never {@code ok}.
 */
class StreamedBodiesTest {

  private static final SiteProfile PROFILE =
      SiteProfiles.parse(
          "stream.yml",
          """
          id: stream
          mode: json
          search:
            url-template: "https://example.com/s?q={keyword}"
          items: "responses[*].page_data.feed_layer.sections[*].items[*]"
          fields:
            product-id: ProductID
            title: Title
            price:
              path: Price
              unit: fen
          markers:
            blocked:
              - path: "responses[*].search_nil_info.search_nil_type"
                equals: verify_check
          """);

  @TempDir Path dir;

  private static String section(int from, int to) {
    return StreamPages.page(from, to);
  }

  private ResultPage test(String body) throws Exception {
    return test(body.getBytes(StandardCharsets.UTF_8));
  }

  private ResultPage test(byte[] body) throws Exception {
    Path file = dir.resolve("saved.txt");
    Files.write(file, body);
    return ProfileTester.test(PROFILE, file, ExtractOptions.depth(20));
  }

  @Test
  void lengthPrefixedDocumentsAreReadInOrder() throws Exception {
    ResultPage page =
        test(
            TtnetFrames.frame("{\"search_id\":\"x\"}")
                + TtnetFrames.frame(section(0, 12))
                + TtnetFrames.frame(section(12, 24))
                + "0\r\n\r\n");

    assertThat(page.status()).isEqualTo(SampleStatus.OK);
    assertThat(page.listings()).hasSize(20);
    assertThat(page.listings().get(12).productId()).isEqualTo("3698123456789010012");
    assertThat(page.listings().get(12).title()).isEqualTo("羽绒服 12");
    assertThat(page.listings().get(19).price()).isEqualByComparingTo("20.09");
    assertThat(page.listings()).extracting(Listing::position).startsWith(1, 2, 3);
  }

  @Test
  void newlineDelimitedDocumentsToo() throws Exception {
    ResultPage page = test(section(0, 5) + "\n" + section(5, 9) + "\n");

    assertThat(page.status()).isEqualTo(SampleStatus.PARTIAL);
    assertThat(page.listings()).hasSize(9);
  }

  @Test
  void aCaptchaAnsweredAsAnEmptyResultIsBlocked() throws Exception {
    ResultPage page =
        test(
            TtnetFrames.frame(
                    "{\"status_code\":0,\"data\":[],\"search_nil_info\":{\"search_nil_type\":"
                        + "\"verify_check\"}}")
                + "0\r\n\r\n");

    assertThat(page.status()).isEqualTo(SampleStatus.BLOCKED);
    assertThat(page.evidence().marker())
        .isEqualTo("blocked: path responses[*].search_nil_info.search_nil_type = verify_check");
  }

  @Test
  void documentsSpanningFramesAndCharactersSplitBetweenFramesAreRead() throws Exception {
    byte[] payload = (section(0, 12) + section(12, 21)).getBytes(StandardCharsets.UTF_8);
    // every 61 bytes a frame ends: inside documents, inside 羽 or 绒 of some titles
    List<Integer> cuts = new ArrayList<>();
    for (int at = 61; at < payload.length; at += 61) {
      cuts.add(at);
    }
    byte[] body =
        TtnetFrames.concat(
            TtnetFrames.frames(payload, cuts.stream().mapToInt(i -> i).toArray()), "0\r\n\r\n");
    assertThat(new String(body, StandardCharsets.UTF_8)).contains("\uFFFD"); // split characters

    ResultPage page = test(body);

    assertThat(page.status()).isEqualTo(SampleStatus.OK);
    assertThat(page.listings()).extracting(Listing::title).startsWith("羽绒服 0", "羽绒服 1");
    assertThat(page.listings().get(19).title()).isEqualTo("羽绒服 19");
    assertThat(page.evidence().detail()).isEqualTo("21 cards on the page, 20 kept");
  }

  @Test
  void aCutStreamKeepsTheCardsBeforeTheCutAndIsPartialNamingTheOffset() throws Exception {
    String first = TtnetFrames.frame(section(0, 12)) + TtnetFrames.frame(section(12, 24));
    ResultPage page = test(first + "fff\r\n" + section(24, 27) + "\r\n");

    assertThat(page.status()).isEqualTo(SampleStatus.PARTIAL); // never ok: the rest is missing
    assertThat(page.listings()).hasSize(20);
    assertThat(page.evidence().detail())
        .isEqualTo(
            "27 cards on the page, 20 kept; stream cut at byte offset "
                + first.getBytes(StandardCharsets.UTF_8).length
                + ": the frame at byte offset "
                + first.getBytes(StandardCharsets.UTF_8).length
                + " announces 4095 bytes (0xfff) but only "
                + (section(24, 27).getBytes(StandardCharsets.UTF_8).length + 2)
                + " remain");
  }

  @Test
  void aStreamCutBeforeAnyCardIsAnError() throws Exception {
    String status = TtnetFrames.frame("{\"status_code\":0,\"extra\":{\"now\":1}}");
    ResultPage noCard = test(status + "1f4\r\n" + section(0, 3).substring(0, 40));
    ResultPage noDocument = test("1f4\r\n" + section(0, 3).substring(0, 40));

    assertThat(noCard.status()).isEqualTo(SampleStatus.ERROR);
    assertThat(noCard.evidence().detail())
        .isEqualTo(
            "no card before the stream was cut (stream cut at byte offset 41: the frame at byte"
                + " offset 41 announces 500 bytes (0x1f4) but only 40 remain; document 2 (from byte"
                + " offset 46) is cut off)");
    assertThat(status).hasSize(41); // the first frame: "23\r\n", 35 bytes, "\r\n"
    assertThat(noDocument.status()).isEqualTo(SampleStatus.ERROR);
    assertThat(noDocument.evidence().detail())
        .isEqualTo(
            "body is not JSON: streamed body, byte offset 0: cut before its first complete"
                + " document: the frame at byte offset 0 announces 500 bytes (0x1f4) but only 40"
                + " remain; document 1 (from byte offset 5) is cut off");
  }

  @Test
  void aWrongFrameCountIsAnErrorNamingTheOffsetAndNothingIsRead() throws Exception {
    String first = TtnetFrames.frame(section(0, 3));
    ResultPage page = test(first + "a\r\n" + section(3, 6) + "\r\n0\r\n\r\n");

    assertThat(page.status()).isEqualTo(SampleStatus.ERROR);
    assertThat(page.listings()).isEmpty();
    assertThat(page.evidence().detail())
        .startsWith(
            "body is not JSON: streamed body, byte offset "
                + first.getBytes(StandardCharsets.UTF_8).length
                + ": the 10 bytes of the frame at byte offset "
                + first.getBytes(StandardCharsets.UTF_8).length
                + " (0xa) are not followed by a line break (wrong count?)");
  }

  @Test
  void aTextMarkerSplitByAFrameBoundaryStillMatches() throws Exception {
    byte[] payload =
        "{\"status_code\":0,\"status_msg\":\"访问频繁，请稍后再试\"}".getBytes(StandardCharsets.UTF_8);
    int inside频 =
        "{\"status_code\":0,\"status_msg\":\"访问".getBytes(StandardCharsets.UTF_8).length + 1;
    SiteProfile withText =
        SiteProfiles.parse(
            "stream-text.yml",
            """
            id: stream-text
            mode: json
            search:
              url-template: "https://example.com/s?q={keyword}"
            items: "responses[*].items[*]"
            fields:
              product-id: id
            markers:
              blocked:
                - text: 频繁
            """);
    Path file = dir.resolve("limited.txt");
    Files.write(file, TtnetFrames.concat(TtnetFrames.frames(payload, inside频), "0\r\n\r\n"));

    ResultPage page = ProfileTester.test(withText, file, ExtractOptions.depth(20));

    assertThat(page.status()).isEqualTo(SampleStatus.BLOCKED);
    assertThat(page.evidence().marker()).isEqualTo("blocked: text \"频繁\"");
  }
}
