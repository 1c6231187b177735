package com.mallrank.batch.alert;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code alerts.*}: which rules run, where alerts go, how often the same alert may repeat. Every
 * key with its default is documented in {@code docs/alerts.md}.
 *
 * @param enabled whether alerts are evaluated and sent at all
 * @param dedupeWindow the same rule + profile + keyword + product alerts once per window (per
 *     webhook)
 * @param maxAlertsPerMessage alerts listed in one chat message; the rest are counted
 * @param timeout connect and response timeout of one webhook request
 * @param rules the rules
 * @param retry how failed deliveries are retried
 * @param webhooks where alerts go
 */
@ConfigurationProperties("alerts")
public record AlertProperties(
    boolean enabled,
    Duration dedupeWindow,
    int maxAlertsPerMessage,
    Duration timeout,
    Rules rules,
    Retry retry,
    List<Webhook> webhooks) {

  public AlertProperties {
    webhooks = webhooks == null ? List.of() : List.copyOf(webhooks);
  }

  /**
   * {@code alerts.rules.*}.
   *
   * @param ownLeftTop20 alert when a matrix-account listing leaves the Top-20
   * @param ownRankDrop alert when a matrix-account listing drops by at least this many positions (0
   *     = off)
   * @param competitorPriceCutPercent alert when a competitor cuts its price by at least this
   *     percentage (0 = off)
   * @param commissionRaised alert when a competitor raises its commission rate
   * @param mainImageChanged alert when a competitor changes its main image
   * @param newEntrant alert on a new shop in a keyword's Top-20
   * @param newEntrantMaxRank also alert when a competitor listing enters at this position or better
   *     (0 = only new shops)
   * @param samplingBlockedStatuses sample statuses that raise a sampling-blocked alert per identity
   *     (empty = off)
   * @param needsLogin alert once per matrix account whose login expired ({@code login_required}):
   *     "账号 X 需要重新登录"
   * @param layoutChanged alert once per profile whose samples turned {@code layout_changed}, with
   *     the {@code profile repair} command when a proposal can be made
   * @param partitionDeadLettered alert once per partition whose request the broker dead-lettered
   *     ({@code serve --role manager})
   */
  public record Rules(
      boolean ownLeftTop20,
      int ownRankDrop,
      BigDecimal competitorPriceCutPercent,
      boolean commissionRaised,
      boolean mainImageChanged,
      boolean newEntrant,
      int newEntrantMaxRank,
      Set<String> samplingBlockedStatuses,
      boolean needsLogin,
      boolean layoutChanged,
      boolean partitionDeadLettered) {}

  /**
   * {@code alerts.retry.*}: bounded retries with exponential backoff; a 429's Retry-After is
   * honoured up to {@code maxRetryAfter} (longer: give up, the next run tries again).
   *
   * @param maxAttempts attempts per delivery, including the first
   * @param initialBackoff the wait after the first failure, doubled after each
   * @param maxBackoff the longest backoff
   * @param maxRetryAfter the longest Retry-After honoured
   */
  public record Retry(
      int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {}

  /**
   * {@code alerts.webhooks[n].*}: one destination. Its URL and secret are credentials: never
   * logged, not even in {@link #toString()}.
   *
   * @param name a name for logs and the dedupe table
   * @param type {@code feishu}, {@code lark}, {@code dingtalk}, {@code wecom} or {@code json}
   * @param url the webhook URL (with its access token or key)
   * @param secret the signing secret (Feishu/Lark and DingTalk "加签"; json: HMAC header), or blank
   * @param card Feishu/Lark: an interactive card (true) or plain text (false)
   * @param rules only these rule ids (empty = all)
   */
  public record Webhook(
      String name,
      WebhookType type,
      URI url,
      String secret,
      @DefaultValue("true") boolean card,
      @DefaultValue List<String> rules) {

    public Webhook {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("alerts.webhooks[].name is required");
      }
      if (type == null) {
        throw new IllegalArgumentException("alerts.webhooks[" + name + "].type is required");
      }
      if (url == null) {
        throw new IllegalArgumentException("alerts.webhooks[" + name + "].url is required");
      }
      rules = rules == null ? List.of() : List.copyOf(rules);
    }

    /** Whether a signing secret is set. */
    public boolean signed() {
      return secret != null && !secret.isBlank();
    }

    /** Whether this webhook takes alerts of this rule. */
    public boolean accepts(String rule) {
      return rules.isEmpty() || rules.contains(rule);
    }

    @Override
    public String toString() {
      return "Webhook[name="
          + name
          + ", type="
          + type.code()
          + ", url="
          + com.mallrank.index.client.Redaction.url(url.toString())
          + ", secret=***]";
    }
  }
}
