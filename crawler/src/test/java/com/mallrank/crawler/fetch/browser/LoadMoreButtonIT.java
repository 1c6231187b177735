package com.mallrank.crawler.fetch.browser;

import static com.mallrank.crawler.fetch.browser.BrowserIT.KEYWORD;

import com.mallrank.crawler.fetch.FetchRequest;
import com.mallrank.crawler.fetch.FetchResponse;
import com.mallrank.crawler.testing.BrowserFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * On a desktop viewport taller than the first 10 cards, the scroll sentinel never leaves the
 * screen, so the SPA's IntersectionObserver fires only once: the next cards come from the "加载更多"
 * button (clicked in the first round that scrolling brings nothing), or, without one, from the
 * stronger gesture of the next round (a viewport shrunk until the document can scroll).
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
  void withoutTheButtonTheShrunkViewportLetsTheSentinelLeaveAndComeBack() throws Exception {
    // Until issue 17 item 7 this was the control: without the button the first ten were all. Now a
    // round that brings nothing shrinks the viewport until the document can scroll: the sentinel
    // leaves the screen, the next scroll brings it back, and the observer fires again.
    FetchResponse response =
        BROWSER
            .fetcher()
            .fetch(
                BrowserIT.request(BROWSER.mall().spaUrl(KEYWORD), FetchRequest.ANONYMOUS),
                BrowserIT.domOptions().withLoadMoreSelector(null));

    BrowserIT.assertCardsMatch(response.body(), BrowserIT.truth(BROWSER.mall(), KEYWORD, null, 20));
  }
}
