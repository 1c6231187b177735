package com.mallrank.crawler.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallrank.crawler.testing.SandboxMallFixture;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SandboxMallTest {

  private static final Instant TIME = Instant.parse("2026-11-28T14:23:00Z");
  private static final String KEYWORD = "加厚羽绒服女长款";

  @RegisterExtension
  static final SandboxMallFixture MALL = SandboxMallFixture.at(TIME).clearingFaultsAfterEach();

  private static final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void resetTime() {
    MALL.mall().setTime(TIME);
  }

  @Test
  void servesOnLoopback() {
    assertThat(MALL.mall().baseUrl()).matches("http://127\\.0\\.0\\.1:\\d+");
  }

  @Test
  void resultPageIsRenderedFromTheGroundTruth() throws Exception {
    HttpResponse<String> response = get(KEYWORD, null);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
    Document doc = Jsoup.parse(response.body());
    assertThat(doc.title()).isEqualTo(KEYWORD + " - 抖音商城");
    assertThat(doc.expectFirst("#search-root").attr("data-keyword")).isEqualTo(KEYWORD);

    List<SandboxCard> truth = MALL.mall().world().results(KEYWORD, TIME, null);
    List<Element> cards = doc.select("ul.result-grid > li.goods-card");
    assertThat(cards).hasSizeGreaterThanOrEqualTo(60).hasSameSizeAs(truth);
    assertThat(cards.stream().map(e -> e.attr("data-product-id")))
        .containsExactlyElementsOf(truth.stream().map(SandboxCard::productId).toList());
    assertThat(doc.select("li.goods-card span.ad-tag"))
        .hasSize((int) truth.stream().filter(SandboxCard::sponsored).count())
        .allMatch(e -> e.text().equals("广告"));

    for (int i = 0; i < truth.size(); i++) {
      SandboxCard t = truth.get(i);
      Element e = cards.get(i);
      assertThat(e.attr("data-shop-id")).isEqualTo(t.shopId());
      assertThat(e.expectFirst("a.goods-link").attr("href")).isEqualTo("/product/" + t.productId());
      assertThat(e.expectFirst("div.goods-title").text()).isEqualTo(t.title());
      assertThat(e.expectFirst("span.yen").text()).isEqualTo("¥");
      assertThat(new BigDecimal(e.expectFirst("span.price-num").text())).isEqualTo(t.price());
      assertThat(e.expectFirst("span.shop-name").text()).isEqualTo(t.shopName());
      assertThat(e.expectFirst("span.sales").text()).isEqualTo(t.salesLabel());
      assertThat(e.expectFirst("div.goods-cos").text())
          .isEqualTo("佣金" + e.expectFirst("em").text());
      String cos = e.expectFirst("div.goods-cos em").text();
      assertThat(new BigDecimal(cos.substring(0, cos.length() - 1))).isEqualTo(t.commissionRate());
      assertThat(imageKey(e.expectFirst("img.goods-cover").attr("src"))).isEqualTo(t.imageKey());
      assertThat(e.selectFirst("span.ad-tag") != null).isEqualTo(t.sponsored());
    }
  }

  @Test
  void imagesAreResignedOnEveryRequestButKeepTheirKey() throws Exception {
    String first = firstImage(get(KEYWORD, null).body());
    String second = firstImage(get(KEYWORD, null).body());
    assertThat(second).isNotEqualTo(first);
    assertThat(imageKey(second)).isEqualTo(imageKey(first));
    for (String url : List.of(first, second)) {
      URI uri = URI.create(url);
      assertThat(uri.getHost()).matches("p[369]-ecom\\.sandbox-img\\.test");
      assertThat(uri.getQuery()).matches("x-expires=\\d+&x-signature=[0-9A-F]+");
    }
    assertThat(URI.create(second).getQuery()).isNotEqualTo(URI.create(first).getQuery());
  }

  @Test
  void theClockDrivesTheSlot() throws Exception {
    Instant later = TIME.plus(Duration.ofHours(3));
    MALL.mall().setTime(later);
    List<String> ids = productIds(get(KEYWORD, null).body());
    assertThat(ids)
        .containsExactlyElementsOf(
            MALL.mall().world().results(KEYWORD, later, null).stream()
                .map(SandboxCard::productId)
                .toList())
        .isNotEqualTo(
            MALL.mall().world().results(KEYWORD, TIME, null).stream()
                .map(SandboxCard::productId)
                .toList());
  }

  @Test
  void theIdentityCookiePersonalises() throws Exception {
    List<String> ids = productIds(get(KEYWORD, "mx-yiwu").body());
    assertThat(ids)
        .containsExactlyElementsOf(
            MALL.mall().world().results(KEYWORD, TIME, "mx-yiwu").stream()
                .map(SandboxCard::productId)
                .toList());
  }

  @Test
  void loginSetsTheIdentityCookie() throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(MALL.mall().baseUrl() + "/login?uid=mx-hangzhou"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(response.headers().firstValue("Set-Cookie"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("sandbox_uid=mx-hangzhou;"));
  }

  /**
   * Issue 21 item 5: the QR code's link opened as is (no phone app to say who scans) shows the
   * accounts to scan as, not "二维码已失效"; with {@code &uid=} it scans; a spent ticket is expired.
   */
  @Test
  void theQrCodesLinkOpenedWithoutAnAccountOffersTheAccounts() throws Exception {
    String login = text(MALL.mall().baseUrl() + "/login").body();
    java.util.regex.Matcher ticket =
        java.util.regex.Pattern.compile("const t='([0-9a-f]{32})'").matcher(login);
    assertThat(ticket.find()).as(login).isTrue();
    String link = MALL.mall().baseUrl() + "/login/scan?ticket=" + ticket.group(1);

    HttpResponse<String> asIs = text(link);
    assertThat(asIs.statusCode()).isEqualTo(200);
    Document chooser = Jsoup.parse(asIs.body());
    assertThat(chooser.select("#scan-as a").eachAttr("href"))
        .containsExactly(
            "/login/scan?ticket=" + ticket.group(1) + "&uid=mx-hangzhou",
            "/login/scan?ticket=" + ticket.group(1) + "&uid=mx-yiwu",
            "/login/scan?ticket=" + ticket.group(1) + "&uid=mx-guangzhou");
    assertThat(chooser.text()).contains("&uid=<account id>");

    assertThat(text(link + "&uid=mx-yiwu").body()).isEqualTo("扫码成功");
    HttpResponse<String> again = text(link);
    assertThat(again.statusCode()).isEqualTo(404);
    assertThat(again.body()).isEqualTo("二维码已失效");
  }

  private static HttpResponse<String> text(String url) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void keywordsWithoutResultsGetTheEmptyPage() throws Exception {
    for (String keyword : List.of(MALL.mall().world().noResultsKeyword(), "完全不存在的词")) {
      Document doc = Jsoup.parse(get(keyword, null).body());
      assertThat(doc.select("li.goods-card")).isEmpty();
      assertThat(doc.expectFirst("#search-root > div.search-empty").text())
          .isEqualTo("抱歉，没有找到\"" + keyword + "\"相关的商品");
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = Fault.class,
      names = {"SLOW", "TRUNCATED", "OVERSIZED"},
      mode = EnumSource.Mode.EXCLUDE)
  void eachFaultRendersItsMarkup(Fault fault) throws Exception {
    MALL.mall().faults().set(KEYWORD, fault);
    HttpResponse<String> response = get(KEYWORD, null);
    Document doc = Jsoup.parse(response.body());
    assertThat(doc.select("li.goods-card")).isEmpty();
    assertThat(doc.select("ul.result-grid")).isEmpty();
    switch (fault) {
      case CAPTCHA -> {
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(doc.expectFirst("#captcha-verify.verify-wrap").text()).isEqualTo("请完成安全验证");
      }
      case LOGIN_WALL -> {
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(doc.expectFirst("div.login-guide").text()).isEqualTo("登录后查看更多商品");
      }
      case LAYOUT_CHANGED -> {
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(doc.select("div.sku-list > div.sku-item"))
            .hasSameSizeAs(MALL.mall().world().results(KEYWORD, TIME, null));
      }
      case EMPTY -> {
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(doc.select("div.search-empty")).hasSize(1);
      }
      case HTTP_500 -> assertThat(response.statusCode()).isEqualTo(500);
      case HTTP_429 -> {
        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("30");
      }
      default -> throw new AssertionError("excluded above: " + fault);
    }
    // Other keywords are unaffected.
    assertThat(Jsoup.parse(get("无线蓝牙耳机降噪", null).body()).select("li.goods-card")).isNotEmpty();
  }

  @Test
  void slowServesTheNormalPageAfterTheDelay() throws Exception {
    MALL.mall().faults().set(KEYWORD, Fault.SLOW);
    MALL.mall().faults().setSlowDelay(Duration.ofMillis(50));
    try {
      assertThat(productIds(get(KEYWORD, null).body()))
          .hasSameSizeAs(MALL.mall().world().results(KEYWORD, TIME, null));
    } finally {
      MALL.mall().faults().setSlowDelay(Duration.ofSeconds(5));
    }
  }

  @Test
  void truncatedCutsThePageShort() throws Exception {
    String full = get(KEYWORD, null).body();
    MALL.mall().faults().set(KEYWORD, Fault.TRUNCATED);
    HttpResponse<String> response = get(KEYWORD, null);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).doesNotContain("</html>");
    assertThat(response.body().length()).isLessThan(full.length());
  }

  @Test
  void oversizedPadsThePageToTheConfiguredSize() throws Exception {
    MALL.mall().faults().set(KEYWORD, Fault.OVERSIZED);
    MALL.mall().faults().setOversizedBytes(2_000_000);
    HttpResponse<byte[]> response =
        http.send(
            HttpRequest.newBuilder(URI.create(MALL.mall().searchUrl(KEYWORD))).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.body()).hasSize(2_000_000);
    assertThat(productIds(new String(response.body(), java.nio.charset.StandardCharsets.UTF_8)))
        .hasSameSizeAs(MALL.mall().world().results(KEYWORD, TIME, null));
  }

  @Test
  void everyResultPageShowsWhoIsLoggedInAndAForgottenSessionIsServedAsAVisitor() throws Exception {
    Document visitor = Jsoup.parse(get(KEYWORD, null).body());
    assertThat(visitor.select("#user-info")).isEmpty();
    assertThat(visitor.expectFirst("#login-entry").attr("href")).isEqualTo("/login");

    Document account = Jsoup.parse(get(KEYWORD, "mx-hangzhou").body());
    assertThat(account.expectFirst("#user-info .nickname").text()).isEqualTo("mx-hangzhou");
    assertThat(account.select("#login-entry")).isEmpty();

    MALL.mall().faults().expireSession("mx-hangzhou");
    String forgotten = get(KEYWORD, "mx-hangzhou").body();
    assertThat(Jsoup.parse(forgotten).select("#user-info")).isEmpty();
    assertThat(productIds(forgotten))
        .as("no login wall: the anonymous ranking, as a real mall serves an expired session")
        .isEqualTo(productIds(get(KEYWORD, null).body()))
        .isNotEqualTo(productIds(account.outerHtml()));
    assertThat(Jsoup.parse(get(KEYWORD, "mx-yiwu").body()).select("#user-info .nickname").text())
        .isEqualTo("mx-yiwu");

    MALL.mall().faults().renewLogin("mx-hangzhou");
    assertThat(Jsoup.parse(get(KEYWORD, "mx-hangzhou").body()).select("#user-info")).hasSize(1);
  }

  @Test
  void aGlobalFaultHitsEveryKeywordUntilCleared() throws Exception {
    MALL.mall().faults().setGlobal(Fault.CAPTCHA);
    MALL.mall().faults().set(KEYWORD, Fault.LOGIN_WALL);
    assertThat(get("无线蓝牙耳机降噪", null).body()).contains("captcha-verify");
    assertThat(get(KEYWORD, null).body()).contains("login-guide");
    MALL.mall().faults().clearGlobal();
    MALL.mall().faults().clear(KEYWORD);
    assertThat(productIds(get(KEYWORD, null).body())).hasSizeGreaterThanOrEqualTo(60);
  }

  private static HttpResponse<String> get(String keyword, String uid)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(MALL.mall().searchUrl(keyword)));
    if (uid != null) {
      request.header("Cookie", "theme=dark; " + SandboxMall.IDENTITY_COOKIE + "=" + uid);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static List<String> productIds(String html) {
    return Jsoup.parse(html).select("li.goods-card").eachAttr("data-product-id");
  }

  private static String firstImage(String html) {
    return Jsoup.parse(html).expectFirst("li.goods-card img.goods-cover").attr("src");
  }

  private static String imageKey(String url) {
    String path = URI.create(url).getPath();
    assertThat(path).startsWith(ImageKeys.PATH_PREFIX).endsWith(ImageKeys.PATH_SUFFIX);
    return path.substring(
        ImageKeys.PATH_PREFIX.length(), path.length() - ImageKeys.PATH_SUFFIX.length());
  }
}
