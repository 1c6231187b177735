package com.mallrank.crawler.fetch.browser;

import static com.mallrank.crawler.fetch.browser.BrowserIT.GUANGZHOU;
import static com.mallrank.crawler.fetch.browser.BrowserIT.HANGZHOU;
import static com.mallrank.crawler.fetch.browser.BrowserIT.KEYWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.mallrank.crawler.fetch.FetchRequest;
import com.mallrank.crawler.fetch.FetchResponse;
import com.mallrank.crawler.sandbox.SandboxMall.Served;
import com.mallrank.crawler.testing.ApplicationDefaults;
import com.mallrank.crawler.testing.BrowserFixture;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** DOM mode against the sandbox SPA: the rendered HTML holds the cards of the ground truth. */
class PlaywrightFetcherDomIT {

  @TempDir static Path states;

  @RegisterExtension
  static final BrowserFixture BROWSER =
      BrowserFixture.sandboxMallAt(BrowserIT.TIME)
          .withFetcher(
              BrowserIT.settings(),
              BrowserIT.domOptions(),
              () -> BrowserIT.storageStates(states, HANGZHOU, GUANGZHOU));

  @ParameterizedTest
  @ValueSource(strings = {FetchRequest.ANONYMOUS, HANGZHOU, GUANGZHOU})
  void top20PerIdentityIsRendered(String identity) throws Exception {
    FetchResponse response =
        BROWSER.fetcher().fetch(BrowserIT.request(BROWSER.mall().spaUrl(KEYWORD), identity));

    assertThat(response.httpStatus()).isEqualTo(200);
    assertThat(response.contentType()).startsWith("text/html");
    assertThat(response.url()).isEqualTo(BROWSER.mall().spaUrl(KEYWORD));
    BrowserIT.assertCardsMatch(
        response.body(), BrowserIT.truth(BROWSER.mall(), KEYWORD, identity, 20));
  }

  @Test
  void depth60StopsAtTheEndMarker() throws Exception {
    FetchResponse response =
        BROWSER
            .fetcher()
            .fetch(
                BrowserIT.request(BROWSER.mall().spaUrl(KEYWORD), FetchRequest.ANONYMOUS),
                BrowserIT.domOptions().withTargetCount(60));

    BrowserIT.assertCardsMatch(response.body(), BrowserIT.truth(BROWSER.mall(), KEYWORD, null, 60));
  }

  @Test
  void fewerResultsThanAskedEndWithoutError() throws Exception {
    // Asking for more than exist: loading stops at "没有更多了" and returns what there is; the
    // extractor reports it as PARTIAL.
    int total = BROWSER.mall().world().results(KEYWORD, BrowserIT.TIME, null).size();
    FetchResponse response =
        BROWSER
            .fetcher()
            .fetch(
                BrowserIT.request(BROWSER.mall().spaUrl(KEYWORD), FetchRequest.ANONYMOUS),
                BrowserIT.domOptions().withTargetCount(total + 20));

    assertThat(Jsoup.parse(response.body()).select(BrowserIT.CARD)).hasSize(total);
    assertThat(Jsoup.parse(response.body()).select(BrowserIT.END)).hasSize(1);
  }

  @Test
  void aLoginStateOpenToOthersIsRefusedNamingTheFile(@TempDir Path open) throws Exception {
    BrowserIT.storageStates(open, "mx-open");
    Path file = open.resolve("mx-open.json");
    java.nio.file.Files.setPosixFilePermissions(
        file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
    long before = BROWSER.mall().served(Served.SPA_SHELLS);
    try (PlaywrightFetcher withOpenState =
        ApplicationDefaults.playwright(
            BrowserIT.settings(), BrowserIT.domOptions(), StorageStates.inDirectory(open))) {
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () ->
                  withOpenState.fetch(BrowserIT.request(BROWSER.mall().spaUrl(KEYWORD), "mx-open")))
          .isInstanceOf(com.mallrank.crawler.fetch.FetchException.class)
          .hasMessageContaining(
              "login state file " + file + " is readable or writable by group/others");
    }
    assertThat(BROWSER.mall().served(Served.SPA_SHELLS))
        .isEqualTo(before); // nothing was loaded as that account
  }
}
