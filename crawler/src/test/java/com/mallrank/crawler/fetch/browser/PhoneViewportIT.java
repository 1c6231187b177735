package com.mallrank.crawler.fetch.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallrank.crawler.fetch.FetchRequest;
import com.mallrank.crawler.fetch.FetchResponse;
import com.mallrank.crawler.testing.BrowserFixture;
import com.mallrank.crawler.testing.PageServer;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A page without {@code <meta viewport>} whose 12 rows of 100 px load more only on the window's
 * scroll, under phone emulation: laid out 980 px wide the window never scrolls (12 of 48); at
 * device width it does, and depth 48 is reached. Loopback server started by this test.
 */
class PhoneViewportIT {

  @TempDir static Path states;

  @RegisterExtension
  static final BrowserFixture BROWSER =
      BrowserFixture.withoutMall()
          .withFetcher(
              BrowserIT.settings().withEmulation(Emulation.mobile()),
              RenderOptions.dom("div.row").withWaitForSelector("div.row").withTargetCount(48),
              () -> BrowserIT.storageStates(states));

  private static final String PAGE =
      """
      <!doctype html><html><head><meta charset="utf-8"><title>rows</title>
      <style>body{margin:0} .row{height:100px;border-bottom:1px solid #ccc}</style></head>
      <body><div id="list"></div><script>
      var list = document.getElementById('list'), shown = 0, loading = false;
      function more() {
        for (var i = 0; i < 12 && shown < 48; i++) {
          var r = document.createElement('div'); r.className = 'row';
          r.setAttribute('data-n', ++shown); r.textContent = 'row ' + shown; list.appendChild(r);
        }
        document.title = 'w' + window.innerWidth;
      }
      window.addEventListener('scroll', function () {
        if (!loading && window.innerHeight + window.scrollY >= document.body.scrollHeight - 10) {
          loading = true; setTimeout(function () { more(); loading = false; }, DELAY);
        }
      });
      more();
      </script></body></html>
      """;

  @RegisterExtension
  static final PageServer PAGES = new PageServer().route("/rows", PhoneViewportIT::send);

  private static void send(HttpExchange exchange) throws IOException {
    String query = exchange.getRequestURI().getQuery();
    String delay = query != null && query.startsWith("delay=") ? query.substring(6) : "50";
    PageServer.respond(exchange, "text/html; charset=utf-8", PAGE.replace("DELAY", delay));
  }

  @Test
  void aPageWithoutMetaViewportLoadsToDepthOnAPhone() throws Exception {
    FetchResponse response =
        BROWSER.fetcher().fetch(BrowserIT.request(PAGES.url("/rows"), FetchRequest.ANONYMOUS));

    Matcher rows = Pattern.compile("class=\"row\"").matcher(response.body());
    int count = 0;
    while (rows.find()) {
      count++;
    }
    assertThat(count).isEqualTo(48);
    assertThat(response.body()).contains("name=\"viewport\"");
  }

  @Test
  void aNextPageSlowerThanOneGrowthWaitIsStillLoaded() throws Exception {
    // Each next page comes 2 s after the scroll; one growth wait is 1.5 s (BrowserIT.settings).
    FetchResponse response =
        BROWSER
            .fetcher()
            .fetch(BrowserIT.request(PAGES.url("/rows?delay=2000"), FetchRequest.ANONYMOUS));

    Matcher rows = Pattern.compile("class=\"row\"").matcher(response.body());
    int count = 0;
    while (rows.find()) {
      count++;
    }
    assertThat(count).isEqualTo(48);
  }
}
