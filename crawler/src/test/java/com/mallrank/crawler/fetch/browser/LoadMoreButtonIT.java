package com.mallrank.crawler.fetch.browser;

import static com.mallrank.crawler.fetch.browser.BrowserIT.KEYWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.mallrank.crawler.fetch.FetchRequest;
import com.mallrank.crawler.fetch.FetchResponse;
import com.mallrank.crawler.testing.BrowserFixture;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * On a desktop viewport taller than the first 10 cards, the scroll sentinel never leaves the
 * screen, so the SPA's IntersectionObserver fires only once: the next cards can only come from the
 * "加载更多" button.
 */
class LoadMoreButtonIT {

  @RegisterExtension
  static final BrowserFixture BROWSER =
      BrowserFixture.sandboxMallAt(BrowserIT.TIME)
          .withFetcher(
              BrowserIT.settings().withEmulation(Emulation.desktop().withViewport(1366, 2400)),
              BrowserIT.domOptions(),
              () -> StorageStates.none());

  @Test
  void clicksLoadMoreWhenScrollingBringsNothing() throws Exception {
    FetchResponse response =
        BROWSER
            .fetcher()
            .fetch(BrowserIT.request(BROWSER.mall().spaUrl(KEYWORD), FetchRequest.ANONYMOUS));

    BrowserIT.assertCardsMatch(response.body(), BrowserIT.truth(BROWSER.mall(), KEYWORD, null, 20));
  }

  @Test
  void withoutTheButtonTheFirstTenAreAll() throws Exception {
    // The control: the same page without a loadMoreSelector stops after no growth.
    FetchResponse response =
        BROWSER
            .fetcher()
            .fetch(
                BrowserIT.request(BROWSER.mall().spaUrl(KEYWORD), FetchRequest.ANONYMOUS),
                BrowserIT.domOptions().withLoadMoreSelector(null));

    assertThat(Jsoup.parse(response.body()).select(BrowserIT.CARD)).hasSize(10);
  }
}
