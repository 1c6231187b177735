package com.mallrank.crawler.fetch.browser;

import static com.mallrank.crawler.fetch.browser.BrowserIT.GUANGZHOU;
import static com.mallrank.crawler.fetch.browser.BrowserIT.HANGZHOU;
import static com.mallrank.crawler.fetch.browser.BrowserIT.KEYWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mallrank.crawler.fetch.FetchRequest;
import com.mallrank.crawler.fetch.FetchResponse;
import com.mallrank.crawler.sandbox.SandboxCard;
import com.mallrank.crawler.testing.BrowserFixture;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Response-capture mode against the sandbox SPA, per identity, with real Chromium. */
class PlaywrightFetcherCaptureIT {

  @TempDir static Path states;

  @RegisterExtension
  static final BrowserFixture BROWSER =
      BrowserFixture.sandboxMallAt(BrowserIT.TIME)
          .withFetcher(
              BrowserIT.settings(),
              BrowserIT.captureOptions(),
              () -> BrowserIT.storageStates(states, HANGZHOU, GUANGZHOU));

  @ParameterizedTest
  @ValueSource(strings = {FetchRequest.ANONYMOUS, HANGZHOU, GUANGZHOU})
  void top20PerIdentityIsTheGroundTruth(String identity) throws Exception {
    FetchResponse response =
        BROWSER.fetcher().fetch(BrowserIT.request(BROWSER.mall().spaUrl(KEYWORD), identity));

    assertThat(response.httpStatus()).isEqualTo(200);
    assertThat(response.contentType()).isEqualTo("application/json");
    List<JsonNode> items = BrowserIT.capturedItems(response.body());
    BrowserIT.assertItemsMatch(
        items, BrowserIT.truth(BROWSER.mall(), KEYWORD, identity, 20), false);
  }

  @Test
  void identitiesReallySeeDifferentPages() {
    // Guards the test above against a world where personalisation changed nothing.
    List<String> anonymous = ids(BrowserIT.truth(BROWSER.mall(), KEYWORD, null, 20));
    assertThat(ids(BrowserIT.truth(BROWSER.mall(), KEYWORD, HANGZHOU, 20))).isNotEqualTo(anonymous);
    assertThat(ids(BrowserIT.truth(BROWSER.mall(), KEYWORD, GUANGZHOU, 20)))
        .isNotEqualTo(anonymous);
  }

  @Test
  void depth60LoadsSixPagesInOrder() throws Exception {
    FetchResponse response =
        BROWSER
            .fetcher()
            .fetch(
                BrowserIT.request(BROWSER.mall().spaUrl(KEYWORD), HANGZHOU),
                BrowserIT.captureOptions().withTargetCount(60));

    List<SandboxCard> truth = BrowserIT.truth(BROWSER.mall(), KEYWORD, HANGZHOU, 60);
    assertThat(truth).hasSize(60);
    BrowserIT.assertItemsMatch(BrowserIT.capturedItems(response.body()), truth, false);
    JsonNode document = BrowserIT.tree(response.body());
    assertThat(document.path("url").asText()).isEqualTo(response.url());
    assertThat(document.path("responses").size()).isGreaterThanOrEqualTo(6);
    for (int i = 0; i < document.path("captured").size(); i++) {
      JsonNode meta = document.path("captured").get(i);
      assertThat(meta.path("status").asInt()).isEqualTo(200);
      assertThat(meta.path("url").asText()).contains("/api/search?", "cursor=" + i * 10);
    }
  }

  @Test
  void theV2ApiStatesCommissionInPercent() throws Exception {
    FetchResponse response =
        BROWSER
            .fetcher()
            .fetch(BrowserIT.request(BROWSER.mall().spaPercentUrl(KEYWORD), GUANGZHOU));

    BrowserIT.assertItemsMatch(
        BrowserIT.capturedItems(response.body()),
        BrowserIT.truth(BROWSER.mall(), KEYWORD, GUANGZHOU, 20),
        true);
  }

  private static List<String> ids(List<SandboxCard> cards) {
    return cards.stream().map(SandboxCard::productId).toList();
  }
}
