package com.mallrank.crawler.fetch.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.mallrank.crawler.fetch.FetchException;
import com.mallrank.crawler.fetch.FetchRequest;
import com.mallrank.crawler.fetch.FetchResponse;
import com.mallrank.crawler.testing.BrowserFixture;
import com.mallrank.crawler.testing.PageServer;
import com.mallrank.crawler.testing.TtnetFrames;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A page whose script fetches a streamed body (TTNet frames, as Douyin's app search answers),
 * captured by real Chromium: its bytes are split, so each document becomes one of {@code responses}
 * even when frames cut documents and characters; a cut stream keeps its documents and its captured
 * entry says where it was cut; a wrong frame count fails the fetch with the offset named. The
 * server is a loopback JDK server started and stopped by this test.
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
                if ("split".equals(query)) {
                  PageServer.respond(exchange, "application/octet-stream", split());
                  return;
                }
                String body =
                    switch (query) {
                      case "cut" -> frame(items(0, 3)) + "7ff\r\n" + items(3, 5) + "\r\n";
                      case "wrong" -> frame(items(0, 3)) + "5\r\n" + items(3, 5) + "\r\n0\r\n\r\n";
                      default ->
                          frame("{\"search_id\":\"s1\"}")
                              + frame(items(0, 4))
                              + frame(items(4, 8))
                              + "0\r\n\r\n";
                    };
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

  /** Two documents with Chinese titles, framed every 7 bytes: frames cut both and characters. */
  static byte[] split() {
    String docs = "{\"items\":[{\"ProductID\":\"p1\",\"Title\":\"羽绒服\"}]}{\"Title\":\"猫粮\"}";
    return TtnetFrames.closedEvery(docs.getBytes(StandardCharsets.UTF_8), 7);
  }

  @Test
  void framesCuttingDocumentsAndCharactersAreJoinedFirst() throws Exception {
    assertThat(new String(split(), StandardCharsets.UTF_8)).contains("\uFFFD");

    FetchResponse response =
        BROWSER.fetcher().fetch(BrowserIT.request(url("split"), FetchRequest.ANONYMOUS));

    JsonNode document = BrowserIT.tree(response.body());
    assertThat(document.at("/responses/0/items/0/Title").asText()).isEqualTo("羽绒服");
    assertThat(document.at("/responses/1/Title").asText()).isEqualTo("猫粮");
    assertThat(document.at("/captured/0/documents").asInt()).isEqualTo(2);
    assertThat(document.at("/captured/0/bytes").asInt()).isEqualTo(split().length);
  }

  @Test
  void aCutStreamKeepsItsDocumentsAndTheCapturedEntrySaysWhere() throws Exception {
    int offset = frame(items(0, 3)).getBytes(StandardCharsets.UTF_8).length;

    FetchResponse response =
        BROWSER.fetcher().fetch(BrowserIT.request(url("cut"), FetchRequest.ANONYMOUS));

    JsonNode document = BrowserIT.tree(response.body());
    assertThat(document.get("responses")).hasSize(2); // items(3, 5) is whole in the cut frame
    assertThat(document.at("/captured/0/cut/offset").asInt()).isEqualTo(offset);
    assertThat(document.at("/captured/0/cut/reason").asText())
        .isEqualTo(
            "the frame at byte offset "
                + offset
                + " announces 2047 bytes (0x7ff) but only "
                + (items(3, 5).length() + 2)
                + " remain");
  }

  @Test
  void aWrongFrameCountFailsTheFetchNamingTheOffset() {
    int offset = frame(items(0, 3)).getBytes(StandardCharsets.UTF_8).length;
    assertThatThrownBy(
            () -> BROWSER.fetcher().fetch(BrowserIT.request(url("wrong"), FetchRequest.ANONYMOUS)))
        .isInstanceOf(FetchException.class)
        .hasMessageContaining("/stream?wrong: streamed body, byte offset " + offset)
        .hasMessageContaining("the 5 bytes of the frame at byte offset " + offset + " (0x5)");
  }
}
