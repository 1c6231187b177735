package com.mallrank.crawler.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.mallrank.crawler.fetch.FetchResponse;
import com.mallrank.crawler.model.Listing;
import com.mallrank.crawler.model.ResultPage;
import com.mallrank.crawler.model.SampleStatus;
import com.mallrank.crawler.profile.ProfileException;
import com.mallrank.crawler.profile.SiteProfile;
import com.mallrank.crawler.profile.SiteProfiles;
import java.time.Duration;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * {@code dedupe: product-id}: a list that sends cards again (a scroll returning the first screen, a
 * second page repeating the first) ranks each product once, at its first place, and ranks are
 * counted after the drop.
 */
class DedupeByProductIdTest {

  private static final String PROFILE =
      """
      id: repeats
      mode: json
      search:
        url-template: "https://example.com/s?q={keyword}"
      items: "pages[*].items[*]"
      dedupe: %s
      fields:
        product-id: id
        title: t
      sponsored:
        path: ad
        equals: "true"
      """;

  /** Page 2 repeats two cards of page 1 (one of them the ad) before two new ones. */
  private static final String BODY =
      """
      {"pages": [
        {"items": [{"id": "11", "t": "a", "ad": true}, {"id": "12", "t": "b"}, {"id": "13", "t": "c"}]},
        {"items": [{"id": "11", "t": "a", "ad": true}, {"id": "13", "t": "c"},
                   {"id": "14", "t": "d"}, {"id": "15", "t": "e"}]}
      ]}
      """;

  private static ResultPage extract(String dedupe, int depth) {
    SiteProfile profile = SiteProfiles.parse("repeats.yml", PROFILE.formatted(dedupe));
    FetchResponse response =
        new FetchResponse("https://example.com/s?q=x", 200, null, BODY, null, Duration.ZERO);
    return Extractors.forProfile(profile, ExtractOptions.depth(depth)).extract(response);
  }

  @Test
  void repeatedIdsAreDroppedAndRanksCountedAfterwards() {
    ResultPage page = extract("product-id", 5);

    assertThat(page.status()).isEqualTo(SampleStatus.OK);
    assertThat(page.listings())
        .extracting(Listing::position, Listing::organicRank, Listing::productId)
        .containsExactly(
            tuple(1, null, "11"),
            tuple(2, 1, "12"),
            tuple(3, 2, "13"),
            tuple(4, 3, "14"),
            tuple(5, 4, "15"));
    assertThat(page.evidence().detail())
        .isEqualTo(
            "5 cards on the page, 5 kept; 2 repeated product ids dropped (first: card 4 repeats"
                + " card 1)");
  }

  @Test
  void depthIsCountedInDistinctProducts() {
    ResultPage page = extract("product-id", 6);

    assertThat(page.status()).isEqualTo(SampleStatus.PARTIAL);
    assertThat(page.listings()).hasSize(5);
  }

  @Test
  void withoutTheKeyEveryCardCounts() {
    ResultPage page = extract("none", 7);

    assertThat(page.listings())
        .extracting(Listing::productId)
        .containsExactly("11", "12", "13", "11", "13", "14", "15");
  }

  @Test
  void anUnknownValueIsRefusedWithItsLine() {
    Assertions.assertThatThrownBy(
            () -> SiteProfiles.parse("repeats.yml", PROFILE.formatted("title")))
        .isInstanceOf(ProfileException.class)
        .hasMessageContaining("repeats.yml:6: dedupe: must be product-id or none, was 'title'");
  }
}
