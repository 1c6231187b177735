package com.mallrank.crawler.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mallrank.crawler.body.ResponseStream;
import com.mallrank.crawler.testing.SandboxMallFixture;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The selection target over plain HTTP: login wall, signature, streamed answers, faults. */
class SelectionTargetTest {

  private static final Instant TIME = Instant.parse("2026-11-28T14:23:00Z");
  private static final String KEYWORD = "加厚羽绒服女长款";
  private static final String UID = "mx-hangzhou";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient http = HttpClient.newHttpClient();

  @RegisterExtension static final SandboxMallFixture MALL = SandboxMallFixture.at(TIME);

  private static HttpResponse<String> get(String path, String uid) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(MALL.mall().baseUrl() + path));
    if (uid != null) {
      b.header("Cookie", SandboxMall.IDENTITY_COOKIE + "=" + uid);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(MALL.mall().baseUrl() + SelectionTarget.API_PATH))
            .header("Cookie", SandboxMall.IDENTITY_COOKIE + "=" + UID)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String seed() throws Exception {
    Matcher m = Pattern.compile("var SEED = '([0-9a-f]+)'").matcher(get("/selection", UID).body());
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  private static String signed(String text, int cursor) throws Exception {
    return JSON.createObjectNode()
        .put("search_text", text)
        .put("cursor", cursor)
        .put("a_bogus", SelectionTarget.sign(seed(), text, cursor))
        .toString();
  }

  @Test
  void withoutLoginThePageRedirectsToTheLoginPage() throws Exception {
    HttpResponse<String> response = get("/selection", null);
    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(response.headers().firstValue("Location")).contains("/mpa/account/login");
    assertThat(get("/mpa/account/login", null).body()).contains("class=\"login-page\"");
  }

  @Test
  void aListCallWithoutTheScriptsSignatureIsRefused() throws Exception {
    HttpResponse<String> unsigned = post("{\"search_text\":\"" + KEYWORD + "\",\"cursor\":0}");
    assertThat(unsigned.statusCode()).isEqualTo(403);
    assertThat(unsigned.body()).contains("\"code\":40300");
    String forged = "{\"search_text\":\"" + KEYWORD + "\",\"cursor\":0,\"a_bogus\":\"deadbeef\"}";
    assertThat(post(forged).statusCode()).isEqualTo(403);
  }

  @Test
  void answersAreStreamedWithOneNonProductCardPerPage() throws Exception {
    HttpResponse<String> response = post(signed(KEYWORD, 20));
    assertThat(response.statusCode()).isEqualTo(200);

    ResponseStream.Split split =
        ResponseStream.split(response.body().getBytes(StandardCharsets.UTF_8), JSON);
    assertThat(split.framing()).isEqualTo(ResponseStream.Framing.LENGTH_PREFIXED);
    assertThat(split.documents()).hasSize(2);
    JsonNode data = split.documents().get(1).get("data");
    JsonNode items = data.get("summary_promotions");
    assertThat(items).hasSize(SelectionTarget.PAGE + 1);
    assertThat(items.get(7).has("base_model")).isFalse();
    List<SandboxCard> truth = MALL.mall().world().results(KEYWORD, TIME, UID);
    assertThat(items.get(0).get("product_id").asText()).isEqualTo(truth.get(20).productId());
    assertThat(data.get("cursor").asInt()).isEqualTo(40);
    assertThat(data.get("has_more").asBoolean()).isTrue();
  }

  @Test
  void faultsAnswerAsTheRealListDoes() throws Exception {
    try {
      MALL.mall().faults().set(KEYWORD, Fault.CAPTCHA);
      String captcha = post(signed(KEYWORD, 0)).body();
      assertThat(captcha)
          .contains("\"summary_promotions\":[]", "\"search_nil_type\":\"verify_check\"");
      MALL.mall().faults().set(KEYWORD, Fault.LOGIN_WALL);
      assertThat(post(signed(KEYWORD, 0)).body()).contains("\"status_code\":2483");
      MALL.mall().faults().set(KEYWORD, Fault.HTTP_429);
      HttpResponse<String> limited = post(signed(KEYWORD, 0));
      assertThat(limited.statusCode()).isEqualTo(200);
      assertThat(limited.body()).contains("\"code\":11001", "访问频繁");
    } finally {
      MALL.mall().faults().clearAll();
    }
  }
}
