package com.mallrank.batch.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A competitor's title in a chat alert cannot mention everyone, add a link or an image, or start a
 * line of its own, on any platform and in card and plain-text messages alike.
 */
class HostileAlertTextTest {

  private static final String TITLE =
      "<at user_id=\"all\">所有人</at>[点我](http://evil.example) ![x](http://evil.example/p.png)"
          + " @13800000000\n### 标题\u001b[2J";
  private static final Instant SLOT = Instant.parse("2026-11-28T06:00:00Z");

  private static final Alert ALERT =
      new Alert(
          "competitor_price_cut",
          Alert.Severity.WARNING,
          SLOT,
          "douyin-mall",
          "羽绒服 " + TITLE,
          "p1",
          "anonymous",
          null,
          "竞品降价：" + TITLE,
          TITLE);

  private static List<String> texts(WebhookType type, boolean card) throws Exception {
    AlertProperties.Webhook webhook =
        new AlertProperties.Webhook(
            "w", type, URI.create("http://127.0.0.1:1/hook"), null, card, List.of());
    WebhookPayload payload =
        switch (type) {
          case FEISHU -> new FeishuPayload(10);
          case DINGTALK -> new DingTalkPayload(10);
          case WECOM -> new WeComPayload(10);
          default -> throw new IllegalArgumentException(type.name());
        };
    JsonNode body =
        new ObjectMapper().readTree(payload.request(webhook, List.of(ALERT), SLOT).body());
    List<String> texts = new ArrayList<>();
    body.findValues("text").forEach(n -> texts.add(n.isTextual() ? n.asText() : n.toString()));
    body.findValues("content").forEach(n -> texts.add(n.isTextual() ? n.asText() : n.toString()));
    return texts;
  }

  @Test
  void noPlatformGetsAMentionALinkAnImageOrANewLineFromATitle() throws Exception {
    for (WebhookType type : List.of(WebhookType.FEISHU, WebhookType.DINGTALK, WebhookType.WECOM)) {
      for (boolean card : List.of(true, false)) {
        List<String> texts = texts(type, card).stream().filter(t -> t.contains("所有人")).toList();
        assertThat(texts).as(type + " card=" + card + ": texts with the title").isNotEmpty();
        for (String text : texts) {
          assertThat(text)
              .as(type + " card=" + card)
              .doesNotContain("<at", "@138", "\n### 标题", "\u001b")
              .contains("＜at user", "＠13800000000");
          boolean markdown = card || type != WebhookType.FEISHU; // Feishu text shows no links
          if (markdown) {
            assertThat(text).as(type + " card=" + card).doesNotContain("](", "![");
          }
        }
      }
    }
  }
}
