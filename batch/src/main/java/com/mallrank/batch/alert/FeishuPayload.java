package com.mallrank.batch.alert;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Feishu/Lark custom bot: {@code {"msg_type": "text", "content": {"text": ...}}} or {@code
 * {"msg_type": "interactive", "card": {"header": ..., "elements": [...]}}}; when signed, {@code
 * timestamp} (seconds, as a string) and {@code sign} at the top level. Accepted when the body's
 * {@code code} (older: {@code StatusCode}) is 0.
 */
final class FeishuPayload implements WebhookPayload {

  /** Feishu's "too many requests" codes. */
  private static final Set<Long> RATE_LIMITED = Set.of(9499L, 11232L);

  private final int maxAlerts;

  FeishuPayload(int maxAlerts) {
    this.maxAlerts = maxAlerts;
  }

  @Override
  public WebhookRequest request(AlertProperties.Webhook webhook, List<Alert> alerts, Instant now) {
    ObjectNode body = PayloadJson.object();
    if (webhook.signed()) {
      long seconds = now.getEpochSecond();
      body.put("timestamp", Long.toString(seconds));
      body.put("sign", WebhookSigner.feishu(webhook.secret(), seconds));
    }
    if (webhook.card()) {
      body.put("msg_type", "interactive");
      ObjectNode card = body.putObject("card");
      card.putObject("config").put("wide_screen_mode", true);
      boolean critical = alerts.stream().anyMatch(a -> a.severity() == Alert.Severity.CRITICAL);
      ObjectNode header = card.putObject("header").put("template", critical ? "red" : "orange");
      header.putObject("title").put("tag", "plain_text").put("content", AlertText.title(alerts));
      ArrayNode elements = card.putArray("elements");
      for (String line : AlertText.lines(alerts, maxAlerts, true)) {
        elements
            .addObject()
            .put("tag", "div")
            .putObject("text")
            .put("tag", "lark_md")
            .put("content", line);
      }
    } else {
      body.put("msg_type", "text");
      body.putObject("content")
          .put(
              "text",
              AlertText.title(alerts)
                  + "\n"
                  + String.join("\n", AlertText.lines(alerts, maxAlerts, false)));
    }
    return new WebhookRequest(webhook.url(), PayloadJson.write(body), Map.of());
  }

  @Override
  public Verdict verdict(String body) {
    return Verdict.ofCode(PayloadJson.code(body, "code", "StatusCode"), RATE_LIMITED);
  }
}
