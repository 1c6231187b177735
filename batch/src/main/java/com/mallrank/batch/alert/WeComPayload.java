package com.mallrank.batch.alert;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * WeCom group robot: {@code {"msgtype": "markdown", "markdown": {"content": ...}}}, content cut to
 * the platform's 4096 bytes. Accepted when the body's {@code errcode} is 0; 45009 (frequency limit)
 * is retried. WeCom robots have no signing: the key in the URL is the credential.
 */
final class WeComPayload implements WebhookPayload {

  static final int MAX_CONTENT_BYTES = 4096;

  private final int maxAlerts;

  WeComPayload(int maxAlerts) {
    this.maxAlerts = maxAlerts;
  }

  @Override
  public WebhookRequest request(AlertProperties.Webhook webhook, List<Alert> alerts, Instant now) {
    String content =
        "### "
            + AlertText.title(alerts)
            + "\n"
            + String.join("\n", AlertText.lines(alerts, maxAlerts, true));
    ObjectNode body = PayloadJson.object().put("msgtype", "markdown");
    body.putObject("markdown").put("content", cut(content, MAX_CONTENT_BYTES));
    return new WebhookRequest(webhook.url(), PayloadJson.write(body), Map.of());
  }

  @Override
  public Verdict verdict(String body) {
    return Verdict.ofCode(PayloadJson.code(body, "errcode"), Set.of(45009L));
  }

  /** The longest prefix of whole characters within {@code maxBytes} UTF-8 bytes. */
  static String cut(String text, int maxBytes) {
    if (text.getBytes(StandardCharsets.UTF_8).length <= maxBytes) {
      return text;
    }
    String suffix = "…";
    int budget = maxBytes - suffix.getBytes(StandardCharsets.UTF_8).length;
    StringBuilder out = new StringBuilder();
    int used = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      int bytes = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
      if (used + bytes > budget) {
        break;
      }
      out.appendCodePoint(cp);
      used += bytes;
      i += Character.charCount(cp);
    }
    return out.append(suffix).toString();
  }
}
