package com.mallrank.batch.alert;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** One platform's message form: the request for a batch of alerts, and how it says "accepted". */
public interface WebhookPayload {

  /** What the platform answered in an HTTP 2xx body. */
  enum Verdict {
    ACCEPTED,
    /** Rate limited in the body (DingTalk 130101, WeCom 45009, Feishu 9499/11232): retry. */
    RETRY,
    REJECTED;

    /**
     * The verdict of a platform's result code: 0 accepted, one of its {@code rateLimited} codes
     * retried, anything else (or no code) rejected.
     */
    static Verdict ofCode(Long code, Set<Long> rateLimited) {
      if (code == null) {
        return REJECTED;
      }
      return code == 0 ? ACCEPTED : rateLimited.contains(code) ? RETRY : REJECTED;
    }
  }

  /**
   * The request for these alerts, signed at {@code now} when the webhook has a secret (a signature
   * is only valid for a while, so each attempt builds a new request).
   */
  WebhookRequest request(AlertProperties.Webhook webhook, List<Alert> alerts, Instant now);

  /** Reads a 2xx response body. */
  Verdict verdict(String body);

  /** The payload of a webhook type. */
  static WebhookPayload of(WebhookType type, int maxAlerts) {
    return switch (type) {
      case FEISHU, LARK -> new FeishuPayload(maxAlerts);
      case DINGTALK -> new DingTalkPayload(maxAlerts);
      case WECOM -> new WeComPayload(maxAlerts);
      case JSON -> new JsonPayload();
    };
  }
}
