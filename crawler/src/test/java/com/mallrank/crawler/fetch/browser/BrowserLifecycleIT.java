package com.mallrank.crawler.fetch.browser;

import static com.mallrank.crawler.fetch.browser.BrowserIT.GUANGZHOU;
import static com.mallrank.crawler.fetch.browser.BrowserIT.HANGZHOU;
import static com.mallrank.crawler.fetch.browser.BrowserIT.KEYWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mallrank.crawler.fetch.FetchException;
import com.mallrank.crawler.fetch.FetchRequest;
import com.mallrank.crawler.fetch.FetchResponse;
import com.mallrank.crawler.net.TestNet;
import com.mallrank.crawler.sandbox.SandboxMall;
import com.mallrank.crawler.sandbox.SandboxMall.Served;
import com.mallrank.crawler.testing.ApplicationDefaults;
import com.mallrank.crawler.testing.BrowserFixture;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Browser and context reuse, recycling, resource blocking, identity isolation and per-thread
 * sessions. Tests that count launches or contexts from zero use their own fetcher; the others share
 * one.
 */
class BrowserLifecycleIT {

  @TempDir static Path states;

  private static StorageStates identities;

  @RegisterExtension
  static final BrowserFixture BROWSER =
      BrowserFixture.sandboxMallAt(BrowserIT.TIME)
          .withFetcher(
              () ->
                  ApplicationDefaults.playwright(
                      BrowserIT.settings(), BrowserIT.domOptions(), identities));

  @BeforeAll
  static void prepare() {
    identities = BrowserIT.storageStates(states, HANGZHOU, GUANGZHOU);
  }

  @Test
  void oneBrowserServesEveryPageAndContextsAreRecycled() throws Exception {
    try (PlaywrightFetcher fetcher =
        ApplicationDefaults.playwright(
            BrowserIT.settings().withRecycleAfterPages(2), BrowserIT.domOptions(), identities)) {
      for (int i = 0; i < 5; i++) {
        fetcher.fetch(BrowserIT.request(BROWSER.mall().spaUrl(KEYWORD), FetchRequest.ANONYMOUS));
      }
      fetcher.fetch(BrowserIT.request(BROWSER.mall().spaUrl(KEYWORD), HANGZHOU));

      BrowserStats stats = fetcher.stats();
      assertThat(stats.sessions()).isEqualTo(1);
      assertThat(stats.browsersLaunched()).isEqualTo(1);
      // Anonymous: pages 1-2, 3-4, 5 → 3 contexts; mx-hangzhou: 1 more.
      assertThat(stats.contextsCreated()).isEqualTo(4);
      assertThat(stats.pagesRendered()).isEqualTo(6);
    }
  }

  @Test
  void relaunchAfterPagesStartsAFreshBrowser() throws Exception {
    try (PlaywrightFetcher fetcher =
        ApplicationDefaults.playwright(
            BrowserIT.settings().withRelaunchAfterPages(2),
            BrowserIT.domOptions(),
            StorageStates.none())) {
      for (int i = 0; i < 3; i++) {
        fetcher.fetch(BrowserIT.request(BROWSER.mall().spaUrl(KEYWORD), FetchRequest.ANONYMOUS));
      }
      assertThat(fetcher.stats().browsersLaunched()).isEqualTo(2);
    }
  }

  @Test
  void imagesAndFontsNeverReachTheMallWhenBlocked() throws Exception {
    long images = BROWSER.mall().served(Served.IMAGES);
    long fonts = BROWSER.mall().served(Served.FONTS);
    FetchResponse response =
        BROWSER
            .fetcher()
            .fetch(BrowserIT.request(BROWSER.mall().spaUrl(KEYWORD), FetchRequest.ANONYMOUS));

    assertThat(response.body()).contains("goods-cover");
    assertThat(BROWSER.mall().served(Served.IMAGES)).isEqualTo(images);
    assertThat(BROWSER.mall().served(Served.FONTS)).isEqualTo(fonts);
  }

  @Test
  void withoutBlockingTheBrowserLoadsTheImages() throws Exception {
    // The control for the test above: the images are there to be loaded.
    long images = BROWSER.mall().served(Served.IMAGES);
    try (PlaywrightFetcher fetcher =
        ApplicationDefaults.playwright(
            BrowserIT.settings().withBlockResources(false), BrowserIT.domOptions(), identities)) {
      fetcher.fetch(BrowserIT.request(BROWSER.mall().spaUrl(KEYWORD), FetchRequest.ANONYMOUS));
    }
    assertThat(BROWSER.mall().served(Served.IMAGES)).isGreaterThan(images);
  }

  @Test
  void identitiesDoNotLeakIntoEachOther() throws Exception {
    // Interleaved, in one browser: each context keeps its own cookie.
    List<String> order =
        List.of(HANGZHOU, FetchRequest.ANONYMOUS, GUANGZHOU, HANGZHOU, FetchRequest.ANONYMOUS);
    for (String identity : order) {
      FetchResponse response =
          BROWSER.fetcher().fetch(BrowserIT.request(BROWSER.mall().spaUrl(KEYWORD), identity));
      BrowserIT.assertCardsMatch(
          response.body(), BrowserIT.truth(BROWSER.mall(), KEYWORD, identity, 20));
    }
  }

  @Test
  void anAccountWithoutSavedLoginIsRefusedNotSearchedAnonymously() throws Exception {
    assertThatThrownBy(
            () ->
                BROWSER
                    .fetcher()
                    .fetch(BrowserIT.request(BROWSER.mall().spaUrl(KEYWORD), "mx-yiwu")))
        .isInstanceOf(FetchException.class)
        .hasMessageContaining("no storage state");
    // Cookies given with the request stand in for a storage state file.
    FetchResponse response =
        BROWSER
            .fetcher()
            .fetch(
                new FetchRequest(
                    URI.create(BROWSER.mall().spaUrl(KEYWORD)),
                    "mx-yiwu",
                    TestNet.sandboxIdentity(SandboxMall.IDENTITY_COOKIE, "mx-yiwu"),
                    TestNet.loopback()));
    BrowserIT.assertCardsMatch(
        response.body(), BrowserIT.truth(BROWSER.mall(), KEYWORD, "mx-yiwu", 20));
  }

  @Test
  void eachWorkerThreadGetsItsOwnPlaywright() throws Exception {
    BROWSER
        .fetcher()
        .fetch(BrowserIT.request(BROWSER.mall().spaUrl(KEYWORD), FetchRequest.ANONYMOUS));
    BrowserStats before = BROWSER.fetcher().stats();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread worker =
        new Thread(
            () -> {
              try {
                FetchResponse r =
                    BROWSER
                        .fetcher()
                        .fetch(BrowserIT.request(BROWSER.mall().spaUrl(KEYWORD), GUANGZHOU));
                BrowserIT.assertCardsMatch(
                    r.body(), BrowserIT.truth(BROWSER.mall(), KEYWORD, GUANGZHOU, 20));
              } catch (Exception | AssertionError e) {
                failure.set(e);
              } finally {
                BROWSER.fetcher().releaseCurrentThread();
              }
            });
    worker.start();
    worker.join();
    assertThat(failure.get()).isNull();
    BROWSER
        .fetcher()
        .fetch(BrowserIT.request(BROWSER.mall().spaUrl(KEYWORD), FetchRequest.ANONYMOUS));

    // The worker had its own Playwright and browser; this thread kept using its own.
    BrowserStats after = BROWSER.fetcher().stats();
    assertThat(after.sessions() - before.sessions()).isEqualTo(1);
    assertThat(after.browsersLaunched() - before.browsersLaunched()).isEqualTo(1);
  }
}
