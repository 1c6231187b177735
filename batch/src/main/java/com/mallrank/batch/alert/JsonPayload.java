package com.mallrank.batch.alert;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * mallrank's own JSON, for any endpoint:
 *
 * <pre>{@code
 * {"source": "mallrank", "version": 1, "sent_at": "2026-11-28T06:05:00Z",
 *  "alerts": [{"rule": "own_left_top20", "severity": "critical", "slot": "...",
 *              "profile": "douyin-mall", "keyword": "...", "subject": "...", "vantage": "...",
 *              "matrix_account": "...",
 *              "summary": "...", "detail": "...", "dedupe_key": "..."}]}
 * }</pre>
 *
 * When signed: {@code X-Mallrank-Timestamp} (seconds) and {@code X-Mallrank-Signature:
 * sha256=<hex>} (see {@link WebhookSigner#json}). Any 2xx is accepted.
 */
final class JsonPayload implements WebhookPayload {

  @Override
  public WebhookRequest request(AlertProperties.Webhook webhook, List<Alert> alerts, Instant now) {
    ObjectNode body =
        PayloadJson.object()
            .put("source", "mallrank")
            .put("version", 1)
            .put("sent_at", now.toString());
    ArrayNode list = body.putArray("alerts");
    for (Alert alert : alerts) {
      list.addObject()
          .put("rule", alert.rule())
          .put("severity", alert.severity().name().toLowerCase(java.util.Locale.ROOT))
          .put("slot", alert.slot().toString())
          .put("profile", alert.profile())
          .put("keyword", alert.keyword())
          .put("subject", alert.subject())
          .put("vantage", alert.vantage())
          .put("matrix_account", alert.matrixAccount())
          .put("summary", alert.summary())
          .put("detail", alert.detail())
          .put("dedupe_key", alert.dedupeKey());
    }
    String json = PayloadJson.write(body);
    if (!webhook.signed()) {
      return new WebhookRequest(webhook.url(), json, Map.of());
    }
    long seconds = now.getEpochSecond();
    return new WebhookRequest(
        webhook.url(),
        json,
        Map.of(
            "X-Mallrank-Timestamp",
            Long.toString(seconds),
            "X-Mallrank-Signature",
            "sha256=" + WebhookSigner.json(webhook.secret(), seconds, json)));
  }

  @Override
  public Verdict verdict(String body) {
    return Verdict.ACCEPTED;
  }
}
