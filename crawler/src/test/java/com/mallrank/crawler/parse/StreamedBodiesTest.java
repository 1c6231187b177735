package com.mallrank.crawler.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallrank.crawler.model.Listing;
import com.mallrank.crawler.model.ResultPage;
import com.mallrank.crawler.model.SampleStatus;
import com.mallrank.crawler.profile.SiteProfile;
import com.mallrank.crawler.profile.SiteProfiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A saved streamed body (several JSON documents, hexadecimal length prefixes or NDJSON) read with
 * {@code profile test --page}: its documents are {@code responses[*]}, as in a browser capture.
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

  private static String frame(String document) {
    return Integer.toHexString(document.getBytes(StandardCharsets.UTF_8).length)
        + "\r\n"
        + document
        + "\r\n";
  }

  private static String section(int from, int to) {
    StringBuilder items = new StringBuilder();
    for (int i = from; i < to; i++) {
      items
          .append(i == from ? "" : ",")
          .append("{\"ProductID\":\"36981234567890")
          .append(10000 + i)
          .append("\",\"Title\":\"羽绒服 ")
          .append(i)
          .append("\",\"Price\":")
          .append(1990 + i)
          .append('}');
    }
    return "{\"page_data\":{\"feed_layer\":{\"sections\":[{\"items\":[" + items + "]}]}}}";
  }

  private ResultPage test(String body) throws Exception {
    Path file = dir.resolve("saved.txt");
    Files.writeString(file, body, StandardCharsets.UTF_8);
    return ProfileTester.test(PROFILE, file, ExtractOptions.depth(20));
  }

  @Test
  void lengthPrefixedDocumentsAreReadInOrder() throws Exception {
    ResultPage page =
        test(
            frame("{\"search_id\":\"x\"}")
                + frame(section(0, 12))
                + frame(section(12, 24))
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
            frame(
                    "{\"status_code\":0,\"data\":[],\"search_nil_info\":{\"search_nil_type\":"
                        + "\"verify_check\"}}")
                + "0\r\n\r\n");

    assertThat(page.status()).isEqualTo(SampleStatus.BLOCKED);
    assertThat(page.evidence().marker())
        .isEqualTo("blocked: path responses[*].search_nil_info.search_nil_type = verify_check");
  }

  @Test
  void aWrongLengthPrefixIsAnErrorNamingTheOffsetAndNothingIsRead() throws Exception {
    String first = frame(section(0, 3));
    ResultPage page = test(first + "fff\r\n" + section(3, 6) + "\r\n");

    assertThat(page.status()).isEqualTo(SampleStatus.ERROR);
    assertThat(page.listings()).isEmpty();
    assertThat(page.evidence().detail())
        .isEqualTo(
            "body is not JSON: streamed body, byte offset "
                + first.getBytes(StandardCharsets.UTF_8).length
                + ": length prefix 0xfff announces 4095 bytes but only "
                + (section(3, 6).getBytes(StandardCharsets.UTF_8).length + 2)
                + " remain");
  }
}
