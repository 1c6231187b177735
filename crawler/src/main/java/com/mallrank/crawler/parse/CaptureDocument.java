package com.mallrank.crawler.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.mallrank.crawler.fetch.FetchResponse;
import com.mallrank.crawler.model.Evidence;
import com.mallrank.crawler.model.ResultPage;
import com.mallrank.crawler.model.SampleStatus;
import com.mallrank.crawler.profile.Locator;
import com.mallrank.crawler.profile.SiteProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * What a browser capture document ({@code {"url", "dom", "responses", "captured"}}) says about the
 * page beyond its responses: the rendered markup, which {@code select} markers of a JSON profile
 * test (a captcha page served instead of the app is {@code blocked} by {@code #captcha-verify}),
 * whether any response matched {@code capture-url} at all (none is its own {@code layout_changed}
 * reason, distinct from "the responses have no cards"), and which streamed responses were cut
 * ({@code captured[i].cut}, or {@code cut} at the top of a saved stream: see {@link
 * com.mallrank.crawler.body.ResponseStream.Split#describe}).
 *
 * <p>A cut stream's documents are only those before the cut, so its sample is never {@code ok}: at
 * most {@code partial}, the evidence naming the byte offset; with no card before the cut it is an
 * {@code error} (a broken transfer, not a changed layout and not "no results").
 */
final class CaptureDocument {

  private CaptureDocument() {}

  /** Whether the document's rendered markup has an element matching the selector. */
  static boolean selects(JsonNode document, Locator css) {
    JsonNode dom = document == null ? null : document.get("dom");
    if (dom == null || !dom.isTextual()) {
      return false;
    }
    Document page = Jsoup.parse(dom.asText());
    return css.first(page) != null;
  }

  /**
   * {@code layout_changed} naming the pattern when the profile captures responses and none matched
   * it; else empty.
   */
  static Optional<ResultPage> nothingCaptured(
      SiteProfile profile, FetchResponse response, JsonNode document) {
    JsonNode captured = document.get("captured");
    if (!profile.fetch().capture()
        || captured == null
        || !captured.isArray()
        || !captured.isEmpty()
        || !document.has("responses")) {
      return Optional.empty();
    }
    return Optional.of(
        ResultPage.without(
            SampleStatus.LAYOUT_CHANGED,
            new Evidence(
                response.url(),
                response.httpStatus(),
                null,
                "no response matched capture-url '" + profile.fetch().captureUrl() + "'")));
  }

  /**
   * The cuts of the streamed bodies in the document, for the evidence: {@code "stream cut at byte
   * offset 812: …"} for a saved stream, {@code "captured response 2: stream cut at …"} in a
   * capture. Empty when every body was whole.
   */
  static List<String> cuts(JsonNode document) {
    List<String> cuts = new ArrayList<>();
    if (document.path("cut").isObject()) {
      cuts.add(describe(document.get("cut")));
    }
    JsonNode captured = document.path("captured");
    for (int i = 0; i < captured.size(); i++) {
      JsonNode cut = captured.get(i).path("cut");
      if (cut.isObject()) {
        cuts.add("captured response " + (i + 1) + ": " + describe(cut));
      }
    }
    return cuts;
  }

  private static String describe(JsonNode cut) {
    return "stream cut at byte offset "
        + cut.path("offset").asLong()
        + ": "
        + cut.path("reason").asText();
  }

  /** The {@code error} page of a cut stream that held no card before its cut. */
  static ResultPage cutBeforeAnyCard(FetchResponse response, List<String> cuts) {
    return ResultPage.without(
        SampleStatus.ERROR,
        new Evidence(
            response.url(),
            response.httpStatus(),
            null,
            "no card before the stream was cut (" + String.join("; ", cuts) + ")"));
  }

  /** The page with the cuts in its evidence, {@code ok} lowered to {@code partial}. */
  static ResultPage afterCuts(ResultPage page, List<String> cuts) {
    if (cuts.isEmpty()) {
      return page;
    }
    SampleStatus status = page.status() == SampleStatus.OK ? SampleStatus.PARTIAL : page.status();
    Evidence e = page.evidence();
    String note = String.join("; ", cuts);
    return new ResultPage(
        status,
        page.listings(),
        new Evidence(
            e.url(),
            e.httpStatus(),
            e.marker(),
            e.detail() == null ? note : e.detail() + "; " + note));
  }
}
