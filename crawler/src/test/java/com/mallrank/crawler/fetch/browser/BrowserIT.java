package com.mallrank.crawler.fetch.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mallrank.crawler.fetch.CookieJar;
import com.mallrank.crawler.fetch.FetchRequest;
import com.mallrank.crawler.net.TestNet;
import com.mallrank.crawler.sandbox.SandboxCard;
import com.mallrank.crawler.sandbox.SandboxMall;
import com.mallrank.crawler.testing.ApplicationDefaults;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * What the real-browser tests of this package share: sandbox selectors, options, ground-truth
 * checks (the mall and fetcher lifecycle is {@link BrowserFixture}).
 */
final class BrowserIT {

  static final Instant TIME = Instant.parse("2026-11-28T14:23:00Z");
  static final String KEYWORD = "加厚羽绒服女长款";
  static final String HANGZHOU = "mx-hangzhou";
  static final String GUANGZHOU = "mx-guangzhou";

  static final String CARD = "li.goods-card";
  static final String LOAD_MORE = "button.load-more";
  static final String END = "div.list-end";

  /** The grid and every marker the sandbox SPA can show, so fault pages return at once. */
  static final String FIRST_CONTENT =
      "li.goods-card, div.sku-item, #captcha-verify, div.login-guide, div.search-empty,"
          + " div.load-error";

  static final String API_PATTERN = "regex:/api/(v2/)?search\\?";

  private static final ObjectMapper JSON = new ObjectMapper();

  private BrowserIT() {}

  /** Test settings: defaults with shorter waits so fault pages finish quickly. */
  static BrowserSettings settings() {
    return ApplicationDefaults.browser()
        .withTimeouts(
            ApplicationDefaults.browserTimeouts()
                .withWaitForSelector(Duration.ofSeconds(5))
                .withGrowth(Duration.ofMillis(1500))
                .withPage(Duration.ofSeconds(30)));
  }

  static RenderOptions domOptions() {
    return RenderOptions.dom(CARD)
        .withWaitForSelector(FIRST_CONTENT)
        .withLoadMoreSelector(LOAD_MORE)
        .withEndSelector(END);
  }

  static RenderOptions captureOptions() {
    return RenderOptions.capture(API_PATTERN, "/data/items", "/data/has_more")
        .withWaitForSelector(FIRST_CONTENT)
        .withLoadMoreSelector(LOAD_MORE);
  }

  /**
   * Writes Playwright storage state files holding the {@code sandbox_uid} cookie for 127.0.0.1, as
   * a saved login of each matrix account would.
   */
  static StorageStates storageStates(Path dir, String... identities) {
    try {
      for (String identity : identities) {
        String state =
            "{\"cookies\":[{\"name\":\""
                + SandboxMall.IDENTITY_COOKIE
                + "\",\"value\":\""
                + identity
                + "\",\"domain\":\"127.0.0.1\",\"path\":\"/\",\"expires\":-1,"
                + "\"httpOnly\":false,\"secure\":false,\"sameSite\":\"Lax\"}],\"origins\":[]}";
        Path file = dir.resolve(identity + ".json");
        Files.writeString(file, state);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      }
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return StorageStates.inDirectory(dir);
  }

  static FetchRequest request(String url, String identity) {
    return new FetchRequest(URI.create(url), identity, CookieJar.empty(), TestNet.loopback());
  }

  static List<SandboxCard> truth(SandboxMall mall, String keyword, String identity, int depth) {
    List<SandboxCard> all = mall.world().results(keyword, TIME, identity);
    return all.subList(0, Math.min(depth, all.size()));
  }

  /** {@code responses[*].data.items[*]} of a captured document. */
  static List<JsonNode> capturedItems(String body) {
    try {
      List<JsonNode> items = new ArrayList<>();
      for (JsonNode response : JSON.readTree(body).path("responses")) {
        response.path("data").path("items").forEach(items::add);
      }
      return items;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode tree(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Checks captured items against the ground truth: ids, order, ad flags, price (fen → yuan),
   * commission (basis points or percent → percent), shop.
   */
  static void assertItemsMatch(List<JsonNode> items, List<SandboxCard> truth, boolean percent) {
    assertThat(items).hasSizeGreaterThanOrEqualTo(truth.size());
    assertThat(items.subList(0, truth.size()).stream().map(i -> i.path("product_id").asText()))
        .containsExactlyElementsOf(truth.stream().map(SandboxCard::productId).toList());
    for (int i = 0; i < truth.size(); i++) {
      SandboxCard t = truth.get(i);
      JsonNode item = items.get(i);
      assertThat(item.path("is_ad").asBoolean()).as("ad at %d", i + 1).isEqualTo(t.sponsored());
      assertThat(BigDecimal.valueOf(item.path("price").longValue(), 2)).isEqualTo(t.price());
      BigDecimal cos =
          percent
              ? item.path("cos_ratio").decimalValue()
              : BigDecimal.valueOf(item.path("cos_ratio").longValue(), 2);
      assertThat(cos).isEqualByComparingTo(t.commissionRate());
      assertThat(item.path("shop").path("shop_id").asText()).isEqualTo(t.shopId());
      assertThat(item.path("title").asText()).isEqualTo(t.title());
    }
  }

  /** Checks the rendered cards of a DOM body against the ground truth. */
  static void assertCardsMatch(String html, List<SandboxCard> truth) {
    List<Element> cards = Jsoup.parse(html).select(CARD);
    assertThat(cards).hasSizeGreaterThanOrEqualTo(truth.size());
    assertThat(cards.subList(0, truth.size()).stream().map(e -> e.attr("data-product-id")))
        .containsExactlyElementsOf(truth.stream().map(SandboxCard::productId).toList());
    for (int i = 0; i < truth.size(); i++) {
      SandboxCard t = truth.get(i);
      Element card = cards.get(i);
      assertThat(card.selectFirst("span.ad-tag") != null).isEqualTo(t.sponsored());
      assertThat(new BigDecimal(card.expectFirst("span.price-num").text())).isEqualTo(t.price());
      String cos = card.expectFirst("div.goods-cos em").text();
      assertThat(new BigDecimal(cos.substring(0, cos.length() - 1)))
          .isEqualByComparingTo(t.commissionRate());
      assertThat(card.attr("data-shop-id")).isEqualTo(t.shopId());
      assertThat(card.expectFirst("div.goods-title").text()).isEqualTo(t.title());
    }
  }
}
