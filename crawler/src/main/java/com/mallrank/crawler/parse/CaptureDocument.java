package com.mallrank.crawler.parse;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.mallrank.crawler.body.HasMore;
import com.mallrank.crawler.fetch.FetchResponse;
import com.mallrank.crawler.model.CaptureSource;
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
 * reason, distinct from "the responses have no cards") or matched but was skipped as not the
 * search's answer (its request did not carry the keyword: a feed; its host was off the allow-list:
 * then the reason says how many and why the first was skipped), and which streamed responses were
 * cut ({@code captured[i].cut}, or {@code cut} at the top of a saved stream: see {@link
 * com.mallrank.crawler.body.ResponseStream.Split#describe}).
 *
 * <p>A cut stream's documents are only those before the cut, so its sample is never {@code ok}: at
 * most {@code partial}, the evidence naming the byte offset; with no card before the cut it is an
 * {@code error} (a broken transfer, not a changed layout and not "no results").
 *
 * <p>A person's capture ({@code "source": "har"}) is as deep as the person scrolled: whether it is
 * the whole list is what its last page says ({@link #rest}).
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

  /** What a person's capture says of further results after its last page. */
  enum Rest {
    /** Its last page says there is no more: the capture holds the whole list. */
    NONE,
    /** Its last page says there is more: the person stopped scrolling. */
    MORE,
    /** No page says (or the profile has no {@code has-more-pointer}). */
    UNSTATED
  }

  /**
   * For a capture a person made ({@code "source": "har"}), what its last page says at the profile's
   * {@code has-more-pointer}: such a capture holds what the phone loaded, so the capture, not the
   * sample's depth, says whether it is the whole list. {@code null} for any other document, whose
   * depth the sample's depth decides alone.
   */
  static Rest rest(SiteProfile profile, JsonNode document) {
    if (!CaptureSource.HAR.code().equals(document.path("source").asText())) {
      return null;
    }
    String pointer = profile.fetch().hasMorePointer();
    List<JsonNode> documents = new ArrayList<>();
    document.path("responses").forEach(documents::add);
    Boolean more = HasMore.of(documents, pointer == null ? null : JsonPointer.compile(pointer));
    return more == null ? Rest.UNSTATED : more ? Rest.MORE : Rest.NONE;
  }

  /**
   * The text a {@code text} proof of login is looked for in: for a capture a person made ({@code
   * "source": "har"}), what the app answered (its {@code responses}) and nothing the capture adds
   * about itself (the HAR file's own {@code file:} URL, which names the account's folder, or the
   * captured URLs); for any other document, {@code pageText}.
   */
  static String answersText(JsonNode document, String pageText) {
    if (document == null || !CaptureSource.HAR.code().equals(document.path("source").asText())) {
      return pageText;
    }
    JsonNode responses = document.path("responses");
    return responses.isArray() ? responses.toString() : "";
  }

  /** The {@code error} page of a cut stream that held no card before its cut. */
  static ResultPage cutBeforeAnyCard(FetchResponse response, List<String> cuts) {
    return ResultPage.error(
        response.url(),
        response.httpStatus(),
        "no card before the stream was cut (" + String.join("; ", cuts) + ")");
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
