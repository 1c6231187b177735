package com.mallrank.crawler.fetch.browser;

import static com.mallrank.crawler.fetch.browser.BrowserIT.KEYWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.mallrank.crawler.fetch.FetchException;
import com.mallrank.crawler.fetch.FetchRequest;
import com.mallrank.crawler.fetch.FetchResponse;
import com.mallrank.crawler.sandbox.Fault;
import com.mallrank.crawler.sandbox.SandboxMall;
import com.mallrank.crawler.testing.ApplicationDefaults;
import com.mallrank.crawler.testing.BrowserFixture;
import java.time.Duration;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every sandbox fault yields its observable through a real browser, and never a listing. */
class PlaywrightFetcherFaultsIT {

  private static final long MAX_BYTES = 1024 * 1024;

  @RegisterExtension
  static final BrowserFixture BROWSER =
      BrowserFixture.sandboxMallAt(BrowserIT.TIME)
          .clearingFaultsAfterEach()
          .withFetcher(
              () -> {
                BrowserSettings settings = BrowserIT.settings().withMaxPageBytes(MAX_BYTES);
                return ApplicationDefaults.playwright(
                    settings.withTimeouts(
                        settings
                            .timeouts()
                            .withNavigation(Duration.ofSeconds(2))
                            .withWaitForSelector(Duration.ofSeconds(2))
                            .withPage(Duration.ofSeconds(10))),
                    BrowserIT.domOptions(),
                    StorageStates.none());
              });

  @BeforeAll
  static void prepare() {
    BROWSER.mall().faults().setOversizedBytes(2 * 1024 * 1024);
    BROWSER.mall().faults().setSlowDelay(Duration.ofSeconds(4));
  }

  @ParameterizedTest
  @EnumSource(
      value = Fault.class,
      names = {"SLOW", "OVERSIZED"},
      mode = EnumSource.Mode.EXCLUDE)
  void domModeShowsTheFaultAndNoCards(Fault fault) throws Exception {
    BROWSER.mall().faults().set(KEYWORD, fault);
    FetchResponse response = fetch(BrowserIT.domOptions());
    Document doc = Jsoup.parse(response.body());

    assertThat(doc.select(BrowserIT.CARD)).isEmpty();
    switch (fault) {
      case CAPTCHA -> {
        assertThat(response.httpStatus()).isEqualTo(200);
        assertThat(doc.expectFirst("#captcha-verify").text()).isEqualTo("请完成安全验证");
      }
      case LOGIN_WALL -> {
        assertThat(response.httpStatus()).isEqualTo(200);
        assertThat(doc.expectFirst("div.login-guide").text()).isEqualTo("登录后查看更多商品");
      }
      case EMPTY -> {
        assertThat(response.httpStatus()).isEqualTo(200);
        assertThat(doc.select("div.search-empty")).hasSize(1);
      }
      case LAYOUT_CHANGED -> {
        assertThat(response.httpStatus()).isEqualTo(200);
        assertThat(doc.select("div.sku-list > div.sku-item")).hasSizeGreaterThanOrEqualTo(10);
      }
      case HTTP_429 -> {
        assertThat(response.httpStatus()).isEqualTo(429);
        assertThat(response.retryAfter())
            .isEqualTo(Duration.ofSeconds(SandboxMall.RETRY_AFTER_SECONDS));
      }
      case HTTP_500 -> assertThat(response.httpStatus()).isEqualTo(500);
      case TRUNCATED -> {
        // The app's script was cut off, so it never ran: the shell stays empty.
        assertThat(response.httpStatus()).isEqualTo(200);
        assertThat(doc.select("ul.result-grid")).hasSize(1);
        assertThat(doc.select("ul.result-grid > *")).isEmpty();
        assertThat(response.body()).doesNotContain("IntersectionObserver(");
      }
      default -> throw new AssertionError("excluded above: " + fault);
    }
  }

  @Test
  void anOversizedPageIsAFetchException() {
    BROWSER.mall().faults().set(KEYWORD, Fault.OVERSIZED);
    assertThatThrownBy(() -> fetch(BrowserIT.domOptions()))
        .isInstanceOf(FetchException.class)
        .hasMessageContaining("more than " + MAX_BYTES)
        // typed, so the sampler does not fetch the same oversized page again
        .hasCauseInstanceOf(com.mallrank.crawler.politeness.BodyTooLargeException.class);
  }

  @Test
  void aSlowPageIsATimeout() {
    BROWSER.mall().faults().set(KEYWORD, Fault.SLOW);
    assertThatThrownBy(() -> fetch(BrowserIT.domOptions()))
        .isInstanceOf(FetchException.class)
        .hasMessageContaining("timed out");
  }

  @Test
  void captureModeKeepsTheVerifyAnswerAndNoItems() throws Exception {
    BROWSER.mall().faults().set(KEYWORD, Fault.CAPTCHA);
    FetchResponse response = fetch(BrowserIT.captureOptions());

    JsonNode document = BrowserIT.tree(response.body());
    assertThat(document.path("responses")).hasSize(1);
    assertThat(document.at("/responses/0/status_code").asInt()).isNotZero();
    assertThat(document.at("/responses/0/verify/type").asText()).isEqualTo("captcha");
    assertThat(BrowserIT.capturedItems(response.body())).isEmpty();
  }

  @Test
  void captureModeOfA429HasNoResponses() throws Exception {
    BROWSER.mall().faults().set(KEYWORD, Fault.HTTP_429);
    FetchResponse response = fetch(BrowserIT.captureOptions());

    assertThat(response.httpStatus()).isEqualTo(429);
    assertThat(BrowserIT.tree(response.body()).path("responses")).isEmpty();
  }

  @Test
  void captureModeOfTheRedesignedApiHasNoItemsWhereExpected() throws Exception {
    BROWSER.mall().faults().set(KEYWORD, Fault.LAYOUT_CHANGED);
    FetchResponse response = fetch(BrowserIT.captureOptions());

    assertThat(BrowserIT.capturedItems(response.body())).isEmpty();
    assertThat(BrowserIT.tree(response.body()).at("/responses/0/data/goods_list").size())
        .isEqualTo(10);
  }

  @Test
  void captureModeOfAnEmptyResultKeepsTheEmptyAnswer() throws Exception {
    BROWSER.mall().faults().set(KEYWORD, Fault.EMPTY);
    FetchResponse empty = fetch(BrowserIT.captureOptions());

    assertThat(BrowserIT.capturedItems(empty.body())).isEmpty();
    assertThat(BrowserIT.tree(empty.body()).at("/responses/0/data/has_more").asBoolean()).isFalse();
  }

  private static FetchResponse fetch(RenderOptions options) throws FetchException {
    return BROWSER
        .fetcher()
        .fetch(BrowserIT.request(BROWSER.mall().spaUrl(KEYWORD), FetchRequest.ANONYMOUS), options);
  }
}
