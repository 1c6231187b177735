package com.mallrank.crawler.fetch.har;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallrank.crawler.model.Listing;
import com.mallrank.crawler.model.ResultPage;
import com.mallrank.crawler.model.SampleStatus;
import com.mallrank.crawler.parse.ExtractOptions;
import com.mallrank.crawler.parse.Extractors;
import com.mallrank.crawler.profile.SiteProfile;
import com.mallrank.crawler.profile.SiteProfiles;
import com.mallrank.crawler.testing.MitmproxyHar;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Numbers a page sends reach the extractor from a HAR exactly as from a browser capture: the
 * capture document is written with the same exact, bounded reading of numbers, so a price keeps its
 * digits and a hostile exponent is one refused field, not a broken document.
 */
class HarNumbersTest {

  private static final SiteProfile YUAN =
      SiteProfiles.parse(
          "yuan.yml",
          """
          id: yuan
          mode: json
          search:
            url-template: "https://shop.example/api/search?keyword={keyword}"
            allowed-hosts: [shop.example]
          items: "responses[*].data.items"
          fields:
            product-id: product_id
            price: price
          fetch:
            with: har
            mode: capture
            capture-url: "**/api/search?*"
            capture-keyword: query:keyword
            has-more-pointer: /data/has_more
          """);

  @TempDir Path dir;

  @Test
  void aDecimalPriceKeepsItsDigitsAndAHugeExponentIsOneRefusedField() throws Exception {
    String body =
        "{\"data\":{\"has_more\":false,\"items\":["
            + "{\"product_id\":\"1\",\"price\":29.90},"
            + "{\"product_id\":\"2\",\"price\":1e999999999},"
            + "{\"product_id\":\"3\",\"price\":19.999999999999999999}]}}";
    Path har = dir.resolve("phone.har");
    Files.writeString(
        har,
        new MitmproxyHar()
            .get(
                Instant.parse("2026-12-01T02:05:00Z"),
                "https://shop.example/api/search?keyword=tea&cursor=0",
                "application/json",
                body.getBytes(StandardCharsets.UTF_8))
            .write());

    HarCapture.Outcome outcome =
        new HarCapture(YUAN.fetch().captureUrl(), YUAN.fetch().captureKeyword())
            .find(List.of(har), "tea", null, null);
    ResultPage page =
        Extractors.forProfile(YUAN, new ExtractOptions(3)).extract(outcome.response(Duration.ZERO));

    assertThat(page.status()).isEqualTo(SampleStatus.OK);
    assertThat(page.listings()).extracting(Listing::productId).containsExactly("1", "2", "3");
    assertThat(page.listings().get(0).price().toPlainString()).isEqualTo("29.90");
    assertThat(page.listings().get(1).price()).isNull();
    assertThat(page.listings().get(2).price().toPlainString()).isEqualTo("19.999999999999999999");
    assertThat(page.evidence().detail())
        .isEqualTo(
            "3 cards on the page, 3 kept; refused values: card 2 price: number with exponent"
                + " 999999999 (max ±30 digits)");
  }
}
