package com.mallrank.crawler.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mallrank.crawler.sandbox.SandboxMall.Served;
import com.mallrank.crawler.testing.SandboxMallFixture;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The v2 JSON API and the SPA shell, over plain HTTP (the browser tests are {@code *IT}). */
class SandboxApiTest {

  private static final Instant TIME = Instant.parse("2026-11-28T14:23:00Z");
  private static final String KEYWORD = "加厚羽绒服女长款";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient http = HttpClient.newHttpClient();

  @RegisterExtension
  static final SandboxMallFixture MALL = SandboxMallFixture.at(TIME).clearingFaultsAfterEach();

  @Test
  void pagesThroughTheGroundTruthTenAtATime() throws Exception {
    List<SandboxCard> truth = MALL.mall().world().results(KEYWORD, TIME, "mx-yiwu");
    List<JsonNode> items = new ArrayList<>();
    int cursor = 0;
    boolean hasMore = true;
    int pages = 0;
    while (hasMore) {
      JsonNode root = JSON.readTree(api("/api/search", cursor, "mx-yiwu").body());
      assertThat(root.path("status_code").asInt()).isZero();
      JsonNode data = root.path("data");
      assertThat(data.path("items").size()).isLessThanOrEqualTo(10);
      data.path("items").forEach(items::add);
      cursor = data.path("cursor").asInt();
      hasMore = data.path("has_more").asBoolean();
      pages++;
    }
    assertThat(pages).isEqualTo((truth.size() + 9) / 10);
    assertThat(items).hasSameSizeAs(truth);
    for (int i = 0; i < truth.size(); i++) {
      SandboxCard t = truth.get(i);
      JsonNode it = items.get(i);
      assertThat(it.path("product_id").isTextual()).isTrue();
      assertThat(it.path("product_id").asText()).isEqualTo(t.productId());
      assertThat(it.path("title").asText()).isEqualTo(t.title());
      assertThat(it.path("shop").path("shop_id").asText()).isEqualTo(t.shopId());
      assertThat(it.path("shop").path("shop_name").asText()).isEqualTo(t.shopName());
      assertThat(BigDecimal.valueOf(it.path("price").asLong(), 2)).isEqualTo(t.price());
      assertThat(BigDecimal.valueOf(it.path("cos_ratio").asInt(), 2).stripTrailingZeros())
          .isEqualByComparingTo(t.commissionRate());
      assertThat(it.path("is_ad").asBoolean()).isEqualTo(t.sponsored());
      assertThat(it.path("sales_label").asText()).isEqualTo(t.salesLabel());
      JsonNode urls = it.path("cover").path("url_list");
      assertThat(urls.size()).isEqualTo(2);
      assertThat(urls.get(0).asText()).startsWith(MALL.mall().baseUrl() + ImageKeys.PATH_PREFIX);
      assertThat(URI.create(urls.get(0).asText()).getPath())
          .isEqualTo(URI.create(urls.get(1).asText()).getPath())
          .isEqualTo(ImageKeys.path(t.imageKey()));
    }
  }

  @Test
  void theV2ApiGivesCommissionInPercent() throws Exception {
    List<SandboxCard> truth = MALL.mall().world().results(KEYWORD, TIME, null);
    JsonNode items =
        JSON.readTree(api("/api/v2/search", 0, null).body()).path("data").path("items");
    for (int i = 0; i < items.size(); i++) {
      assertThat(items.get(i).path("cos_ratio").decimalValue())
          .isEqualByComparingTo(truth.get(i).commissionRate());
    }
  }

  @Test
  void apiFaultsAnswerWithTheirOwnDocuments() throws Exception {
    MALL.mall().faults().set(KEYWORD, Fault.CAPTCHA);
    JsonNode verify = JSON.readTree(api("/api/search", 0, null).body());
    assertThat(verify.path("status_code").asInt()).isEqualTo(SearchApiRenderer.STATUS_VERIFY);
    assertThat(verify.path("verify").path("type").asText()).isEqualTo("captcha");

    MALL.mall().faults().set(KEYWORD, Fault.LOGIN_WALL);
    assertThat(JSON.readTree(api("/api/search", 0, null).body()).path("status_code").asInt())
        .isEqualTo(SearchApiRenderer.STATUS_LOGIN);

    MALL.mall().faults().set(KEYWORD, Fault.EMPTY);
    JsonNode empty = JSON.readTree(api("/api/search", 0, null).body()).path("data");
    assertThat(empty.path("items").size()).isZero();
    assertThat(empty.path("has_more").asBoolean()).isFalse();

    MALL.mall().faults().set(KEYWORD, Fault.LAYOUT_CHANGED);
    JsonNode changed = JSON.readTree(api("/api/search", 0, null).body()).path("data");
    assertThat(changed.has("items")).isFalse();
    assertThat(changed.path("goods_list").size()).isEqualTo(10);
    assertThat(changed.path("has_more").asInt()).isEqualTo(1);

    MALL.mall().faults().set(KEYWORD, Fault.HTTP_429);
    HttpResponse<String> limited = api("/api/search", 0, null);
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("Retry-After")).hasValue("30");

    MALL.mall().faults().set(KEYWORD, Fault.TRUNCATED);
    String truncated = api("/api/search", 0, null).body();
    assertThat(truncated).startsWith("{\"status_code\":0").doesNotEndWith("}");
  }

  @Test
  void theShellHasNoCardsOnlyTheScript() throws Exception {
    HttpResponse<String> shell =
        http.send(
            HttpRequest.newBuilder(URI.create(MALL.mall().spaUrl(KEYWORD))).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(shell.statusCode()).isEqualTo(200);
    assertThat(shell.body())
        .contains("<ul class=\"result-grid\"></ul>", "IntersectionObserver", "加载更多")
        .doesNotContain("goods-card\" data-product-id");
    assertThat(MALL.mall().served(Served.SPA_SHELLS)).isPositive();
  }

  @Test
  void servesImagesAndFontsLocallyAndCountsThem() throws Exception {
    long images = MALL.mall().served(Served.IMAGES);
    JsonNode item =
        JSON.readTree(api("/api/search", 0, null).body()).path("data").path("items").get(0);
    HttpResponse<byte[]> image =
        http.send(
            HttpRequest.newBuilder(URI.create(item.path("cover").path("url_list").get(0).asText()))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(image.statusCode()).isEqualTo(200);
    assertThat(image.headers().firstValue("Content-Type")).hasValue("image/png");
    assertThat(MALL.mall().served(Served.IMAGES)).isEqualTo(images + 1);
  }

  private static HttpResponse<String> api(String path, int cursor, String uid)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
            URI.create(
                MALL.mall().baseUrl()
                    + path
                    + "?keyword="
                    + URLEncoder.encode(KEYWORD, StandardCharsets.UTF_8)
                    + "&cursor="
                    + cursor
                    + "&count=10"));
    if (uid != null) {
      request.header("Cookie", SandboxMall.IDENTITY_COOKIE + "=" + uid);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
