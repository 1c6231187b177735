package com.mallrank.crawler.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallrank.crawler.fetch.FetchResponse;
import com.mallrank.crawler.model.ResultPage;
import com.mallrank.crawler.model.SampleStatus;
import com.mallrank.crawler.profile.SiteProfile;
import com.mallrank.crawler.profile.SiteProfiles;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A saved capture document: markers see its rendered page; no captured response is named. */
class CaptureDocumentTest {

  private static final String PROFILE =
      """
      id: cap
      mode: json
      search:
        url-template: "https://example.com/s?q={keyword}"
      fetch:
        with: browser
        mode: capture
        capture-url: "**/api/search*"
      items: "responses[*].data.items"
      fields:
        product-id: id
      markers:
        blocked:
          - select: "#captcha-verify"
      """;

  private static final String CAPTCHA_INSTEAD_OF_APP =
      """
      {"url": "https://example.com/s?q=x",
       "dom": "<html><body><div id=\\"captcha-verify\\">请完成验证</div></body></html>",
       "responses": [], "captured": []}
      """;

  private static ResultPage extract(SiteProfile profile, String body) {
    return Extractors.forProfile(profile)
        .extract(
            new FetchResponse("https://example.com/s?q=x", 200, null, body, null, Duration.ZERO));
  }

  @Test
  void aSelectMarkerTestsTheRenderedPage() {
    ResultPage page = extract(SiteProfiles.parse("cap.yml", PROFILE), CAPTCHA_INSTEAD_OF_APP);

    assertThat(page.status()).isEqualTo(SampleStatus.BLOCKED);
    assertThat(page.evidence().marker()).isEqualTo("blocked: select #captcha-verify");
  }

  @Test
  void noCapturedResponseIsItsOwnLayoutChangedReason() {
    SiteProfile noMarker =
        SiteProfiles.parse(
            "cap.yml",
            PROFILE.replace("markers:\n  blocked:\n    - select: \"#captcha-verify\"\n", ""));

    ResultPage page = extract(noMarker, CAPTCHA_INSTEAD_OF_APP);

    assertThat(page.status()).isEqualTo(SampleStatus.LAYOUT_CHANGED);
    assertThat(page.evidence().detail())
        .isEqualTo("no response matched capture-url '**/api/search*'");
  }

  @Test
  void aCaptureWithResponsesButNoCardsKeepsTheUsualReason() {
    String body =
        "{\"url\":\"u\",\"responses\":[{\"data\":{}}],\"captured\":[{\"url\":\"u\",\"status\":200,"
            + "\"bytes\":11}]}";

    ResultPage page = extract(SiteProfiles.parse("cap.yml", PROFILE), body);

    assertThat(page.status()).isEqualTo(SampleStatus.LAYOUT_CHANGED);
    assertThat(page.evidence().detail()).startsWith("no cards:");
  }

  @Test
  void responsesSkippedAsNotTheSearchsAreCountedWithTheFirstReason() {
    String body =
        "{\"url\":\"u\",\"responses\":[],\"captured\":[],\"skipped\":{\"count\":3,\"first\":"
            + "\"its request does not carry the keyword: json:/search_text was \\\"\\\"\"}}";

    ResultPage page = extract(SiteProfiles.parse("cap.yml", PROFILE), body);

    assertThat(page.status()).isEqualTo(SampleStatus.LAYOUT_CHANGED);
    assertThat(page.evidence().detail())
        .isEqualTo(
            "3 responses matched capture-url '**/api/search*' but none was the search's (first:"
                + " its request does not carry the keyword: json:/search_text was \"\")");
  }
}
