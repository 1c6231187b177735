package com.mallrank.crawler.fetch.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallrank.crawler.fetch.FetchRequest;
import com.mallrank.crawler.fetch.FetchResponse;
import com.mallrank.crawler.testing.BrowserFixture;
import com.mallrank.crawler.testing.PageServer;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17 item 7, the unseen JavaScript mall: a desktop page (with {@code <meta viewport>}) whose
 * first 12 rows of 40 px do not fill the 900 px window and which loads 12 more only on the window's
 * {@code scroll} event, up to 48. The window cannot scroll, so no scroll event ever fires by
 * itself: before the fix the depth loader stopped at 12. When a round brings nothing the loader now
 * dispatches a {@code scroll} event and shrinks the viewport so the document can scroll: 48 of 48
 * at depth 60, and the viewport is given back afterwards. Loopback server started by this test.
 */
class ShortListDepthIT {

  @TempDir static Path states;

  @RegisterExtension
  static final BrowserFixture BROWSER =
      BrowserFixture.withoutMall()
          .withFetcher(
              BrowserIT.settings().withEmulation(Emulation.desktop()),
              RenderOptions.dom("div.row").withWaitForSelector("div.row").withTargetCount(60),
              () -> BrowserIT.storageStates(states));

  /**
   * Rows load on the window's scroll event only, when its bottom is reached; the title says the
   * viewport.
   */
  private static final String PAGE =
      """
      <!doctype html><html><head><meta charset="utf-8">
      <meta name="viewport" content="width=device-width,initial-scale=1"><title>rows</title>
      <style>body{margin:0} .row{height:40px;border-bottom:1px solid #ccc}</style></head>
      <body><div id="list"></div><script>
      var list = document.getElementById('list'), shown = 0, loading = false;
      function more() {
        for (var i = 0; i < 12 && shown < 48; i++) {
          var r = document.createElement('div'); r.className = 'row';
          r.setAttribute('data-n', ++shown); r.textContent = 'row ' + shown; list.appendChild(r);
        }
      }
      window.addEventListener('scroll', function () {
        if (!loading && window.innerHeight + window.scrollY >= document.body.scrollHeight - 10) {
          loading = true; setTimeout(function () { more(); loading = false; }, 50);
        }
      });
      window.addEventListener('resize', function () { document.title = 'h' + window.innerHeight; });
      more();
      </script></body></html>
      """;

  @RegisterExtension
  static final PageServer PAGES =
      new PageServer()
          .route(
              "/short", exchange -> PageServer.respond(exchange, "text/html; charset=utf-8", PAGE))
          .route(
              "/height",
              exchange ->
                  PageServer.respond(
                      exchange,
                      "text/html; charset=utf-8",
                      "<!doctype html><html><head><title>x</title></head><body><div class=row>1"
                          + "</div><script>document.title = 'h' + window.innerHeight;</script>"
                          + "</body></html>"));

  @Test
  void aListShorterThanTheWindowLoadsToTheEndOnTheWindowsScrollEvent() throws Exception {
    FetchResponse response =
        BROWSER.fetcher().fetch(BrowserIT.request(PAGES.url("/short"), FetchRequest.ANONYMOUS));

    var rows = Jsoup.parse(response.body()).select("div.row");
    assertThat(rows).hasSize(48);
    assertThat(rows.get(47).attr("data-n")).isEqualTo("48");
    assertThat(Jsoup.parse(response.body()).title())
        .as("the viewport was shrunk on the way (the page saw a resize)")
        .matches("h[0-9]+");
    // ... and given back: the tab's next page has the whole window again
    FetchResponse next =
        BROWSER.fetcher().fetch(BrowserIT.request(PAGES.url("/height"), FetchRequest.ANONYMOUS));
    assertThat(Jsoup.parse(next.body()).title()).isEqualTo("h900");
  }
}
