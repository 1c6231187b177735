package com.mallrank.crawler.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.mallrank.crawler.fetch.FetchResponse;
import com.mallrank.crawler.model.Evidence;
import com.mallrank.crawler.model.ResultPage;
import com.mallrank.crawler.model.SampleStatus;
import com.mallrank.crawler.profile.Locator;
import com.mallrank.crawler.profile.SiteProfile;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * What a browser capture document ({@code {"url", "dom", "responses", "captured"}}) says about the
 * page beyond its responses: the rendered markup, which {@code select} markers of a JSON profile
 * test (a captcha page served instead of the app is {@code blocked} by {@code #captcha-verify}),
 * and whether any response matched {@code capture-url} at all (none is its own {@code
 * layout_changed} reason, distinct from "the responses have no cards"), or matched but was skipped
 * as not the search's answer (its request did not carry the keyword: a feed; its host was off the
 * allow-list): then the reason says how many and why the first was skipped.
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
    JsonNode skipped = document.path("skipped");
    int count = skipped.path("count").asInt(0);
    String detail =
        count > 0
            ? count
                + (count == 1 ? " response" : " responses")
                + " matched capture-url '"
                + profile.fetch().captureUrl()
                + "' but none was the search's (first: "
                + skipped.path("first").asText("")
                + ")"
            : "no response matched capture-url '" + profile.fetch().captureUrl() + "'";
    return Optional.of(
        ResultPage.without(
            SampleStatus.LAYOUT_CHANGED,
            new Evidence(response.url(), response.httpStatus(), null, detail)));
  }
}
