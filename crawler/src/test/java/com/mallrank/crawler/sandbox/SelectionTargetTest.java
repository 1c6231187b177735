package com.mallrank.crawler.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mallrank.crawler.sandbox.SandboxMall.Served;
import com.mallrank.crawler.testing.SandboxMallFixture;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The selection target over plain HTTP: login wall and QR page, the SDK from the script host, the
 * signature it makes, plain JSON answers, the first screen again on scroll, faults.
 */
class SelectionTargetTest {

  private static final Instant TIME = Instant.parse("2026-11-28T14:23:00Z");
  private static final String KEYWORD = "加厚羽绒服女长款";
  private static final String UID = "mx-hangzhou";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient http = HttpClient.newHttpClient();

  @RegisterExtension static final SandboxMallFixture MALL = SandboxMallFixture.at(TIME);

  private static HttpResponse<String> get(String url, String uid) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
    if (uid != null) {
      b.header("Cookie", SandboxMall.IDENTITY_COOKIE + "=" + uid);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(String body, String aBogus) throws Exception {
    return http.send(
        HttpRequest.newBuilder(
                URI.create(
                    MALL.mall().baseUrl()
                        + SelectionTarget.API_PATH
                        + "?msToken=x"
                        + (aBogus == null ? "" : "&a_bogus=" + aBogus)))
            .header("Cookie", SandboxMall.IDENTITY_COOKIE + "=" + UID)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String seed() throws Exception {
    Matcher m =
        Pattern.compile("<meta name=\"sbx-sdk-seed\" content=\"([0-9a-f]+)\">")
            .matcher(get(MALL.mall().selectionUrl(), UID).body());
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  private static String body(String text, int cursor) {
    return JSON.createObjectNode()
        .put("scene", "PCSquareFeed")
        .put("search_text", text)
        .put("cursor", cursor)
        .toString();
  }

  private static HttpResponse<String> signed(String text, int cursor) throws Exception {
    String body = body(text, cursor);
    return post(body, SelectionTarget.sign(seed(), body));
  }

  @Test
  void withoutLoginThePageRedirectsToTheQrLoginPage() throws Exception {
    HttpResponse<String> response = get(MALL.mall().selectionUrl(), null);
    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(response.headers().firstValue("Location")).contains("/mpa/account/login");
    String login = get(MALL.mall().baseUrl() + "/mpa/account/login", null).body();
    assertThat(login).contains("id=\"login-qr\"", "location.href='/selection'");
  }

  @Test
  void thePageLoadsItsSigningSdkFromAnotherHostWhichServesIt() throws Exception {
    String page = get(MALL.mall().selectionUrl(), UID).body();
    String sdk = MALL.mall().selectionScriptOrigin() + SelectionTarget.SCRIPT_PATH;

    assertThat(sdk).startsWith("http://localhost:" + MALL.mall().scriptPort() + "/");
    assertThat(page).contains("<script src=\"" + sdk + "\"></script>");
    assertThat(page).doesNotContain("keydown").contains("'.search-btn').addEventListener('click'");
    HttpResponse<String> script =
        get("http://127.0.0.1:" + MALL.mall().scriptPort() + SelectionTarget.SCRIPT_PATH, null);
    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.body()).contains("'a_bogus=' + sign(init.body)");
  }

  @Test
  void aListCallWithoutTheSdksSignatureIsRefused() throws Exception {
    long refused = MALL.mall().served(Served.SELECTION_UNSIGNED_CALLS);
    String body = body(KEYWORD, 0);

    HttpResponse<String> unsigned = post(body, null);
    assertThat(unsigned.statusCode()).isEqualTo(403);
    assertThat(unsigned.body()).contains("\"code\":40300");
    assertThat(post(body, "deadbeef").statusCode()).isEqualTo(403);
    assertThat(post(body(KEYWORD, 20), SelectionTarget.sign(seed(), body)).statusCode())
        .as("a signature of another body")
        .isEqualTo(403);
    assertThat(MALL.mall().served(Served.SELECTION_UNSIGNED_CALLS)).isEqualTo(refused + 3);
  }

  @Test
  void answersArePlainJsonAndAScrollSendsTheFirstScreenAgain() throws Exception {
    List<SandboxCard> truth =
        MALL.mall().world().results(KEYWORD, TIME, UID).stream()
            .filter(c -> !c.sponsored())
            .toList();

    JsonNode first = JSON.readTree(signed(KEYWORD, 0).body());
    JsonNode second = JSON.readTree(signed(KEYWORD, 20).body());

    assertThat(first.get("code").asInt()).isZero();
    assertThat(first.has("log_id")).isTrue();
    JsonNode items = first.at("/data/summary_promotions");
    assertThat(items).hasSize(SelectionTarget.PAGE + 1);
    assertThat(items.get(7).has("base_model")).isFalse();
    assertThat(items.get(0).get("product_id").asText()).isEqualTo(truth.get(0).productId());
    assertThat(first.at("/data/cursor").asInt()).isEqualTo(20);
    JsonNode again = second.at("/data/summary_promotions");
    assertThat(again).hasSize(2 * (SelectionTarget.PAGE + 1));
    assertThat(again.get(0).get("product_id").asText()).isEqualTo(truth.get(0).productId());
    assertThat(again.get(21).get("product_id").asText()).isEqualTo(truth.get(20).productId());
    assertThat(second.at("/data/cursor").asInt()).isEqualTo(40);
    assertThat(second.at("/data/has_more").asBoolean()).isTrue();
  }

  @Test
  void faultsAnswerAsDocumented() throws Exception {
    try {
      MALL.mall().faults().set(KEYWORD, Fault.CAPTCHA);
      String captcha = signed(KEYWORD, 0).body();
      assertThat(captcha)
          .contains("\"summary_promotions\":[]", "\"search_nil_type\":\"verify_check\"");
      MALL.mall().faults().set(KEYWORD, Fault.LOGIN_WALL);
      assertThat(signed(KEYWORD, 0).body()).contains("\"status_code\":2483");
      MALL.mall().faults().set(KEYWORD, Fault.HTTP_429);
      HttpResponse<String> limited = signed(KEYWORD, 0);
      assertThat(limited.statusCode()).isEqualTo(200);
      assertThat(limited.body()).contains("\"code\":11001", "访问频繁");
    } finally {
      MALL.mall().faults().clearAll();
    }
  }
}
