package com.mallrank.batch.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mallrank.index.document.ChangeKind;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.h2.Driver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Alerts delivered over real HTTP to a local receiver: each platform's payload and signature,
 * dedupe across runs and restarts, retries and Retry-After (with a recording sleeper, no real
 * waits), and no secret in the logs.
 */
@ExtendWith(OutputCaptureExtension.class)
class WebhookDeliveryTest {

  private static final String SECRET = "SECtest-secret-do-not-log";
  private static final Instant NOW = Instant.parse("2026-11-28T06:05:00Z");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<Duration> sleeps = new ArrayList<>();
  private final MutableClock clock = new MutableClock(NOW);
  private final JdbcTemplate jdbc =
      new JdbcTemplate(
          new SimpleDriverDataSource(
              new Driver(), "jdbc:h2:mem:alerts-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1"));
  private Receiver receiver;

  @AfterEach
  void stop() {
    if (receiver != null) {
      receiver.close();
    }
  }

  private Receiver receiver(String okBody) throws Exception {
    receiver = new Receiver(Receiver.Answer.ok(okBody));
    return receiver;
  }

  private AlertDispatcher dispatcher(AlertProperties.Webhook... webhooks) {
    AlertProperties properties =
        new AlertProperties(
            true,
            Duration.ofHours(6),
            20,
            Duration.ofSeconds(5),
            new AlertProperties.Rules(
                true,
                5,
                new BigDecimal("10"),
                true,
                true,
                true,
                5,
                Set.of("blocked"),
                true,
                true,
                true),
            new AlertProperties.Retry(
                4, Duration.ofSeconds(2), Duration.ofSeconds(30), Duration.ofMinutes(2)),
            List.of(webhooks));
    WebhookSender sender =
        new WebhookSender(
            WebhookSender.httpClient(properties.timeout()),
            properties.retry(),
            properties.timeout(),
            sleeps::add,
            clock);
    return new AlertDispatcher(
        properties,
        AlertRules.from(properties.rules()),
        new JdbcAlertDedupeStore(jdbc),
        sender,
        clock);
  }

  private static AlertProperties.Webhook webhook(
      String name, WebhookType type, String url, String secret, boolean card) {
    return new AlertProperties.Webhook(name, type, URI.create(url), secret, card, List.of());
  }

  private static JsonNode json(Receiver.Request request) throws Exception {
    return JSON.readTree(request.body());
  }

  @Test
  void feishuGetsASignedInteractiveCard() throws Exception {
    receiver("{\"code\":0,\"msg\":\"success\",\"data\":{}}");
    var result =
        dispatcher(
                webhook(
                    "ops",
                    WebhookType.FEISHU,
                    receiver.url("/open-apis/bot/v2/hook/tok"),
                    SECRET,
                    true))
            .dispatch(Fixtures.ownLeft());

    assertThat(result.webhooks().get(0).sent()).isEqualTo(1);
    Receiver.Request request = receiver.requests().get(0);
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.header("Content-Type")).startsWith("application/json");
    JsonNode body = json(request);
    assertThat(body.path("msg_type").asText()).isEqualTo("interactive");
    assertThat(body.path("timestamp").asText()).isEqualTo(Long.toString(NOW.getEpochSecond()));
    assertThat(body.path("sign").asText())
        .isEqualTo(WebhookSigner.feishu(SECRET, NOW.getEpochSecond()));
    JsonNode card = body.path("card");
    assertThat(card.path("header").path("template").asText()).isEqualTo("red");
    assertThat(card.path("header").path("title").path("tag").asText()).isEqualTo("plain_text");
    assertThat(card.path("header").path("title").path("content").asText())
        .isEqualTo("mallrank 排名告警 · 1 条（1 条严重）");
    JsonNode element = card.path("elements").get(0);
    assertThat(element.path("tag").asText()).isEqualTo("div");
    assertThat(element.path("text").path("tag").asText()).isEqualTo("lark_md");
    assertThat(element.path("text").path("content").asText())
        .isEqualTo(
            "**【严重】mx-hangzhou 的商品跌出前20** · 加厚羽绒服女长款 · douyin-mall · 11-28 14:00  \n> 排名 #8 → -");
  }

  @Test
  void feishuSignatureIsTheDocumentedOne() {
    // Feishu's algorithm: HmacSHA256 keyed with "timestamp\nsecret" over empty data, Base64.
    assertThat(WebhookSigner.feishu("secret", 1599360473L))
        .isEqualTo(
            java.util.Base64.getEncoder()
                .encodeToString(
                    hmac("1599360473\nsecret".getBytes(StandardCharsets.UTF_8), new byte[0])));
  }

  @Test
  void larkTextMessageWithoutSecretHasNoSignature() throws Exception {
    receiver("{\"StatusCode\":0,\"StatusMessage\":\"success\"}");
    dispatcher(webhook("lark", WebhookType.LARK, receiver.url("/hook"), "", false))
        .dispatch(Fixtures.ownLeft());

    JsonNode body = json(receiver.requests().get(0));
    assertThat(body.path("msg_type").asText()).isEqualTo("text");
    assertThat(body.path("content").path("text").asText())
        .startsWith("mallrank 排名告警 · 1 条")
        .contains("【严重】mx-hangzhou 的商品跌出前20 · 加厚羽绒服女长款 · douyin-mall · 11-28 14:00");
    assertThat(body.has("sign")).isFalse();
    assertThat(body.has("timestamp")).isFalse();
  }

  @Test
  void dingTalkGetsMarkdownSignedInTheQuery() throws Exception {
    receiver("{\"errcode\":0,\"errmsg\":\"ok\"}");
    dispatcher(
            webhook(
                "ding",
                WebhookType.DINGTALK,
                receiver.url("/robot/send?access_token=tok"),
                SECRET,
                true))
        .dispatch(Fixtures.ownLeft());

    Receiver.Request request = receiver.requests().get(0);
    Map<String, String> query = query(request.uri());
    assertThat(query).containsEntry("access_token", "tok");
    assertThat(query).containsEntry("timestamp", Long.toString(NOW.toEpochMilli()));
    String expected =
        java.util.Base64.getEncoder()
            .encodeToString(
                hmac(
                    SECRET.getBytes(StandardCharsets.UTF_8),
                    (NOW.toEpochMilli() + "\n" + SECRET).getBytes(StandardCharsets.UTF_8)));
    assertThat(query).containsEntry("sign", expected);
    JsonNode body = json(request);
    assertThat(body.path("msgtype").asText()).isEqualTo("markdown");
    assertThat(body.path("markdown").path("title").asText())
        .isEqualTo("mallrank 排名告警 · 1 条（1 条严重）");
    assertThat(body.path("markdown").path("text").asText())
        .startsWith("#### mallrank 排名告警")
        .contains("**【严重】mx-hangzhou 的商品跌出前20**");
  }

  @Test
  void weComGetsMarkdownContent() throws Exception {
    receiver("{\"errcode\":0,\"errmsg\":\"ok\"}");
    dispatcher(
            webhook(
                "wecom",
                WebhookType.WECOM,
                receiver.url("/cgi-bin/webhook/send?key=k"),
                null,
                true))
        .dispatch(Fixtures.ownLeft());

    JsonNode body = json(receiver.requests().get(0));
    assertThat(body.path("msgtype").asText()).isEqualTo("markdown");
    assertThat(body.path("markdown").size()).isEqualTo(1);
    assertThat(body.path("markdown").path("content").asText())
        .startsWith("### mallrank 排名告警 · 1 条")
        .contains("mx-hangzhou 的商品跌出前20");
  }

  @Test
  void genericJsonIsSignedInHeaders() throws Exception {
    receiver("");
    dispatcher(webhook("hook", WebhookType.JSON, receiver.url("/alerts"), SECRET, true))
        .dispatch(Fixtures.ownLeft());

    Receiver.Request request = receiver.requests().get(0);
    JsonNode body = json(request);
    assertThat(body.path("source").asText()).isEqualTo("mallrank");
    assertThat(body.path("version").asInt()).isEqualTo(1);
    JsonNode alert = body.path("alerts").get(0);
    assertThat(alert.path("rule").asText()).isEqualTo("own_left_top20");
    assertThat(alert.path("severity").asText()).isEqualTo("critical");
    assertThat(alert.path("keyword").asText()).isEqualTo("加厚羽绒服女长款");
    assertThat(alert.path("subject").asText()).isEqualTo("3698123456789012345");
    assertThat(alert.path("profile").asText()).isEqualTo("douyin-mall");
    assertThat(alert.path("dedupe_key").asText())
        .isEqualTo("own_left_top20|douyin-mall|加厚羽绒服女长款|3698123456789012345");
    assertThat(alert.path("matrix_account").asText()).isEqualTo("mx-hangzhou");
    assertThat(alert.path("slot").asText()).isEqualTo("2026-11-28T06:00:00Z");
    assertThat(request.header("X-Mallrank-Timestamp"))
        .isEqualTo(Long.toString(NOW.getEpochSecond()));
    assertThat(request.header("X-Mallrank-Signature"))
        .isEqualTo(
            "sha256="
                + java.util.HexFormat.of()
                    .formatHex(
                        hmac(
                            SECRET.getBytes(StandardCharsets.UTF_8),
                            (NOW.getEpochSecond() + "." + request.body())
                                .getBytes(StandardCharsets.UTF_8))));
  }

  @Test
  void theSameAlertIsSentOncePerWindowAcrossRunsAndRestarts() throws Exception {
    receiver("{\"errcode\":0}");
    AlertProperties.Webhook hook =
        webhook("ding", WebhookType.DINGTALK, receiver.url("/r"), null, true);

    var first = dispatcher(hook).dispatch(Fixtures.ownLeft());
    var second = dispatcher(hook).dispatch(Fixtures.ownLeft()); // a new dispatcher: a restart
    assertThat(receiver.requests()).hasSize(1);
    assertThat(first.webhooks().get(0).sent()).isEqualTo(1);
    assertThat(second.webhooks().get(0).suppressed()).isEqualTo(1);

    clock.set(NOW.plus(Duration.ofHours(6)).plusSeconds(1));
    dispatcher(hook).dispatch(Fixtures.ownLeft());
    assertThat(receiver.requests()).hasSize(2);
  }

  @Test
  void aPriceCutOnASecondSurfaceIsSentWhileTheFirstIsStillDeduplicated() throws Exception {
    receiver("");
    AlertProperties.Webhook hook =
        webhook("hook", WebhookType.JSON, receiver.url("/a"), null, true);
    AlertInput.Change onMall =
        Fixtures.change(ChangeKind.PRICE, "羽绒服", "p1", null, "29900", "26900", 4, 2);
    AlertInput.Change onBuyin =
        Fixtures.on(
            Fixtures.BUYIN,
            Fixtures.change(ChangeKind.PRICE, "羽绒服", "p1", null, "25900", "19900", 3, 3));

    var first = dispatcher(hook).dispatch(Fixtures.input(onMall));
    var second = dispatcher(hook).dispatch(Fixtures.input(onMall, onBuyin));

    assertThat(first.webhooks().get(0).sent()).isEqualTo(1);
    assertThat(second.webhooks().get(0).sent()).isEqualTo(1);
    assertThat(second.webhooks().get(0).suppressed()).isEqualTo(1);
    assertThat(receiver.requests()).hasSize(2);
    List<String> sent = new ArrayList<>();
    for (Receiver.Request request : receiver.requests()) {
      for (JsonNode alert : json(request).path("alerts")) {
        sent.add(
            alert.path("profile").asText()
                + " "
                + alert.path("dedupe_key").asText()
                + " "
                + alert.path("detail").asText());
      }
    }
    assertThat(sent)
        .containsExactly(
            "douyin-mall competitor_price_cut|douyin-mall|羽绒服|p1 ¥299.00 → ¥269.00，排名 #2",
            "douyin-buyin competitor_price_cut|douyin-buyin|羽绒服|p1 ¥259.00 → ¥199.00，排名 #3");
    assertThat(jdbc.queryForList("SELECT dedupe_key FROM mallrank_alert_sent", String.class))
        .containsExactlyInAnyOrder(
            "hook|competitor_price_cut|douyin-mall|羽绒服|p1",
            "hook|competitor_price_cut|douyin-buyin|羽绒服|p1");
  }

  @Test
  void chatLinesNameTheSurface() throws Exception {
    receiver("{\"errcode\":0,\"errmsg\":\"ok\"}");
    AlertInput.Change onBuyin =
        Fixtures.on(
            Fixtures.BUYIN,
            Fixtures.change(ChangeKind.PRICE, "羽绒服", "p1", null, "25900", "19900", 3, 3));
    dispatcher(webhook("wecom", WebhookType.WECOM, receiver.url("/w"), null, true))
        .dispatch(Fixtures.input(onBuyin));

    assertThat(json(receiver.requests().get(0)).path("markdown").path("content").asText())
        .isEqualTo(
            "### mallrank 排名告警 · 1 条\n"
                + "**【注意】暖冬旗舰店 降价 23.17%** · 羽绒服 · douyin-buyin · 11-28 14:00  \n"
                + "> ¥259.00 → ¥199.00，排名 #3");
  }

  @Test
  void aServerErrorIsRetriedAndDeliveredOnce() throws Exception {
    receiver("{\"errcode\":0}").then(new Receiver.Answer(500, "oops", Map.of()));
    var result =
        dispatcher(webhook("wecom", WebhookType.WECOM, receiver.url("/w"), null, true))
            .dispatch(Fixtures.ownLeft());

    assertThat(receiver.requests()).hasSize(2);
    assertThat(result.webhooks().get(0).delivery().delivered()).isTrue();
    assertThat(result.webhooks().get(0).delivery().attempts()).isEqualTo(2);
    assertThat(sleeps).containsExactly(Duration.ofSeconds(2));
  }

  @Test
  void tooManyRequestsWaitsForRetryAfter() throws Exception {
    receiver("{\"code\":0}").then(new Receiver.Answer(429, "{}", Map.of("Retry-After", "7")));
    dispatcher(webhook("ops", WebhookType.FEISHU, receiver.url("/f"), SECRET, true))
        .dispatch(Fixtures.ownLeft());

    assertThat(receiver.requests()).hasSize(2);
    assertThat(sleeps).containsExactly(Duration.ofSeconds(7));
  }

  @Test
  void backoffDoublesUpToTheLimitAndGivesUpAfterMaxAttempts() throws Exception {
    receiver("{}");
    receiver.then(
        new Receiver.Answer(503, "", Map.of()),
        new Receiver.Answer(503, "", Map.of()),
        new Receiver.Answer(503, "", Map.of()),
        new Receiver.Answer(503, "", Map.of()));
    var result =
        dispatcher(webhook("hook", WebhookType.JSON, receiver.url("/a"), null, true))
            .dispatch(Fixtures.ownLeft());

    assertThat(receiver.requests()).hasSize(4);
    assertThat(sleeps)
        .containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8));
    assertThat(result.webhooks().get(0).delivery().delivered()).isFalse();
  }

  @Test
  void aFailedDeliveryIsTriedAgainByTheNextRun() throws Exception {
    receiver("{\"errcode\":0}").then(new Receiver.Answer(429, "{}", Map.of("Retry-After", "3600")));
    AlertProperties.Webhook hook =
        webhook("ding", WebhookType.DINGTALK, receiver.url("/r"), null, true);

    var first = dispatcher(hook).dispatch(Fixtures.ownLeft());
    assertThat(first.webhooks().get(0).delivery().delivered()).isFalse();
    assertThat(sleeps).as("an hour is too long to wait in a run").isEmpty();

    var second = dispatcher(hook).dispatch(Fixtures.ownLeft());
    assertThat(second.webhooks().get(0).sent()).isEqualTo(1);
    assertThat(receiver.requests()).hasSize(2);
  }

  @Test
  void aRefusalInTheBodyIsNotRetried() throws Exception {
    receiver("{\"errcode\":310000,\"errmsg\":\"sign not match\"}");
    var result =
        dispatcher(webhook("ding", WebhookType.DINGTALK, receiver.url("/r"), "wrong", true))
            .dispatch(Fixtures.ownLeft());

    assertThat(receiver.requests()).hasSize(1);
    assertThat(result.webhooks().get(0).delivery().problem()).contains("310000");
  }

  @Test
  void aRateLimitInTheBodyIsRetried() throws Exception {
    receiver("{\"errcode\":0}").then(Receiver.Answer.ok("{\"errcode\":45009,\"errmsg\":\"freq\"}"));
    dispatcher(webhook("wecom", WebhookType.WECOM, receiver.url("/w"), null, true))
        .dispatch(Fixtures.ownLeft());

    assertThat(receiver.requests()).hasSize(2);
  }

  @Test
  void secretsAndTokensAreNeverLogged(CapturedOutput output) throws Exception {
    receiver("{\"errcode\":0}").then(new Receiver.Answer(500, "", Map.of()));
    AlertProperties.Webhook hook =
        webhook(
            "ding", WebhookType.DINGTALK, receiver.url("/r?access_token=TOKEN123"), SECRET, true);
    dispatcher(hook).dispatch(Fixtures.ownLeft());

    assertThat(output.getAll()).contains("alert webhook ding").doesNotContain(SECRET, "TOKEN123");
    assertThat(hook.toString()).doesNotContain(SECRET, "TOKEN123");
  }

  @Test
  void nothingIsSentWhenDisabled() throws Exception {
    receiver("{}");
    AlertProperties properties =
        new AlertProperties(
            false,
            Duration.ofHours(6),
            20,
            Duration.ofSeconds(5),
            new AlertProperties.Rules(
                true, 5, BigDecimal.TEN, true, true, true, 5, Set.of(), true, true, true),
            new AlertProperties.Retry(
                4, Duration.ofSeconds(2), Duration.ofSeconds(30), Duration.ofMinutes(2)),
            List.of(webhook("hook", WebhookType.JSON, receiver.url("/a"), null, true)));
    var dispatcher =
        new AlertDispatcher(
            properties,
            AlertRules.from(properties.rules()),
            new JdbcAlertDedupeStore(jdbc),
            new WebhookSender(
                WebhookSender.httpClient(Duration.ofSeconds(5)),
                properties.retry(),
                Duration.ofSeconds(5),
                sleeps::add,
                clock),
            clock);

    assertThat(dispatcher.dispatch(Fixtures.ownLeft()).alerts()).isEmpty();
    assertThat(receiver.requests()).isEmpty();
  }

  private static Map<String, String> query(URI uri) {
    Map<String, String> params = new HashMap<>();
    for (String pair : uri.getRawQuery().split("&")) {
      int eq = pair.indexOf('=');
      params.put(
          pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return params;
  }

  private static byte[] hmac(byte[] key, byte[] data) {
    try {
      javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
      mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A clock the test moves. */
  private static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void set(Instant now) {
      this.now = now;
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
