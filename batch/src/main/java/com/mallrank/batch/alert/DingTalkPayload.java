package com.mallrank.batch.alert;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * DingTalk custom robot: {@code {"msgtype": "markdown", "markdown": {"title": ..., "text": ...}}};
 * when signed, {@code &timestamp=<ms>&sign=<urlencoded>} appended to the URL. Accepted when the
 * body's {@code errcode} is 0; 130101 (sending too fast) is retried.
 */
final class DingTalkPayload implements WebhookPayload {

  private final int maxAlerts;

  DingTalkPayload(int maxAlerts) {
    this.maxAlerts = maxAlerts;
  }

  @Override
  public WebhookRequest request(AlertProperties.Webhook webhook, List<Alert> alerts, Instant now) {
    ObjectNode body = PayloadJson.object().put("msgtype", "markdown");
    String title = AlertText.title(alerts);
    body.putObject("markdown")
        .put("title", title)
        .put(
            "text",
            "#### "
                + title
                + "\n\n"
                + String.join("\n\n", AlertText.lines(alerts, maxAlerts, true)));
    URI uri = webhook.url();
    if (webhook.signed()) {
      long millis = now.toEpochMilli();
      String query =
          "timestamp="
              + millis
              + "&sign="
              + WebhookSigner.urlEncode(WebhookSigner.dingTalk(webhook.secret(), millis));
      String base = uri.toString();
      uri = URI.create(base + (uri.getRawQuery() == null ? "?" : "&") + query);
    }
    return new WebhookRequest(uri, PayloadJson.write(body), Map.of());
  }

  @Override
  public Verdict verdict(String body) {
    return Verdict.ofCode(PayloadJson.code(body, "errcode"), Set.of(130101L));
  }
}
