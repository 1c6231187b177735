package com.mallrank.crawler.fetch.browser;

import static com.mallrank.crawler.fetch.browser.BrowserIT.KEYWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.mallrank.crawler.fetch.FetchRequest;
import com.mallrank.crawler.fetch.FetchResponse;
import com.mallrank.crawler.sandbox.SandboxMall;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * On a desktop viewport taller than the first 10 cards, the scroll sentinel never leaves the
 * screen, so the SPA's IntersectionObserver fires only once: the next cards can only come from the
 * "加载更多" button.
 */
class LoadMoreButtonIT {

  private static SandboxMall mall;
  private static PlaywrightFetcher fetcher;

  @BeforeAll
  static void start() {
    BrowserIT.assumeChromium();
    mall = BrowserIT.startMall();
    fetcher =
        new PlaywrightFetcher(
            BrowserIT.settings().withEmulation(Emulation.desktop().withViewport(1366, 2400)),
            BrowserIT.domOptions(),
            StorageStates.none());
  }

  @AfterAll
  static void stop() {
    if (fetcher != null) {
      fetcher.close();
    }
    if (mall != null) {
      mall.close();
    }
  }

  @Test
  void clicksLoadMoreWhenScrollingBringsNothing() throws Exception {
    FetchResponse response =
        fetcher.fetch(BrowserIT.request(mall.spaUrl(KEYWORD), FetchRequest.ANONYMOUS));

    BrowserIT.assertCardsMatch(response.body(), BrowserIT.truth(mall, KEYWORD, null, 20));
  }

  @Test
  void withoutTheButtonTheFirstTenAreAll() throws Exception {
    // The control: the same page without a loadMoreSelector stops after no growth.
    FetchResponse response =
        fetcher.fetch(
            BrowserIT.request(mall.spaUrl(KEYWORD), FetchRequest.ANONYMOUS),
            BrowserIT.domOptions().withLoadMoreSelector(null));

    assertThat(Jsoup.parse(response.body()).select(BrowserIT.CARD)).hasSize(10);
  }
}
