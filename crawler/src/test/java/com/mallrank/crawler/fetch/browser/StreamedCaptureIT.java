package com.mallrank.crawler.fetch.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.mallrank.crawler.fetch.FetchException;
import com.mallrank.crawler.fetch.FetchRequest;
import com.mallrank.crawler.fetch.FetchResponse;
import com.mallrank.crawler.testing.BrowserFixture;
import com.mallrank.crawler.testing.PageServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A page whose script fetches a streamed body (hexadecimal length prefixes, as Douyin's app search
 * answers), captured by real Chromium: each document becomes one of {@code responses}, and a stream
 * with a wrong prefix fails the fetch with the offset named. The server is a loopback JDK server
 * started and stopped by this test.
 */
class StreamedCaptureIT {

  @TempDir static Path states;

  @RegisterExtension
  static final BrowserFixture BROWSER =
      BrowserFixture.withoutMall()
          .withFetcher(BrowserIT.settings(), options(), () -> BrowserIT.storageStates(states));

  private static final String PAGE =
      """
      <!doctype html><html><body><ul id="list"></ul><script>
      fetch('/stream' + location.search).then(r => r.text()).then(t => {
        const li = document.createElement('li'); li.className = 'done';
        li.textContent = t.length; document.getElementById('list').appendChild(li);
      });
      </script></body></html>
      """;

  static String frame(String document) {
    return Integer.toHexString(document.getBytes(StandardCharsets.UTF_8).length)
        + "\r\n"
        + document
        + "\r\n";
  }

  static String items(int from, int to) {
    StringBuilder out = new StringBuilder("{\"items\":[");
    for (int i = from; i < to; i++) {
      out.append(i == from ? "" : ",").append("{\"ProductID\":\"p").append(i).append("\"}");
    }
    return out.append("],\"has_more\":false}").toString();
  }

  private static RenderOptions options() {
    return RenderOptions.capture("**/stream*", "/items", "/has_more")
        .withWaitForSelector("li.done");
  }

  @RegisterExtension
  static final PageServer PAGES =
      new PageServer()
          .route("/app", exchange -> PageServer.respond(exchange, "text/html", PAGE))
          .route(
              "/stream",
              exchange -> {
                String query = exchange.getRequestURI().getQuery();
                String body =
                    "bad".equals(query)
                        ? frame(items(0, 3)) + "7ff\r\n" + items(3, 5) + "\r\n"
                        : frame("{\"search_id\":\"s1\"}")
                            + frame(items(0, 4))
                            + frame(items(4, 8))
                            + "0\r\n\r\n";
                PageServer.respond(exchange, "application/octet-stream", body);
              });

  private static String url(String query) {
    return PAGES.url("/app?" + query);
  }

  @Test
  void eachDocumentOfAStreamIsOneOfTheResponses() throws Exception {
    FetchResponse response =
        BROWSER.fetcher().fetch(BrowserIT.request(url("ok"), FetchRequest.ANONYMOUS));

    JsonNode document = BrowserIT.tree(response.body());
    assertThat(document.get("responses")).hasSize(3);
    assertThat(document.at("/responses/0/search_id").asText()).isEqualTo("s1");
    assertThat(document.at("/responses/2/items/3/ProductID").asText()).isEqualTo("p7");
    assertThat(document.get("captured")).hasSize(1);
    assertThat(document.at("/captured/0/framing").asText()).isEqualTo("length-prefixed");
    assertThat(document.at("/captured/0/documents").asInt()).isEqualTo(3);
  }

  @Test
  void aWrongLengthPrefixFailsTheFetchNamingTheOffset() {
    int offset = frame(items(0, 3)).getBytes(StandardCharsets.UTF_8).length;
    assertThatThrownBy(
            () -> BROWSER.fetcher().fetch(BrowserIT.request(url("bad"), FetchRequest.ANONYMOUS)))
        .isInstanceOf(FetchException.class)
        .hasMessageContaining("/stream?bad: streamed body, byte offset " + offset)
        .hasMessageContaining("length prefix 0x7ff announces 2047 bytes");
  }
}
