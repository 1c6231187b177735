package com.mallrank.batch.alert;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates the rules over a slot's input and sends what is new to every webhook: for each webhook,
 * the alerts it accepts whose key it has not been sent within the dedupe window go out in one
 * message; when that delivery fails, the claims are given back so the next run tries again. One
 * webhook failing does not stop the others.
 */
public final class AlertDispatcher {

  /** What one webhook got. */
  public record WebhookResult(
      String webhook, int sent, int suppressed, WebhookSender.Delivery delivery) {}

  /** What a dispatch did. */
  public record Result(List<Alert> alerts, List<WebhookResult> webhooks) {}

  private final AlertProperties properties;
  private final AlertRules rules;
  private final AlertDedupeStore dedupe;
  private final WebhookSender sender;
  private final Clock clock;

  public AlertDispatcher(
      AlertProperties properties,
      AlertRules rules,
      AlertDedupeStore dedupe,
      WebhookSender sender,
      Clock clock) {
    this.properties = properties;
    this.rules = rules;
    this.dedupe = dedupe;
    this.sender = sender;
    this.clock = clock;
  }

  /** Evaluates and sends (nothing when {@code alerts.enabled} is false). */
  public Result dispatch(AlertInput input) {
    if (!properties.enabled()) {
      return new Result(List.of(), List.of());
    }
    List<Alert> alerts = rules.evaluate(input);
    List<WebhookResult> results = new ArrayList<>();
    for (AlertProperties.Webhook webhook : properties.webhooks()) {
      Instant now = clock.instant();
      List<Alert> fresh = new ArrayList<>();
      int suppressed = 0;
      for (Alert alert : alerts) {
        if (!webhook.accepts(alert.rule())) {
          continue;
        }
        if (dedupe.claim(key(webhook, alert), now, properties.dedupeWindow())) {
          fresh.add(alert);
        } else {
          suppressed++;
        }
      }
      if (fresh.isEmpty()) {
        results.add(new WebhookResult(webhook.name(), 0, suppressed, null));
        continue;
      }
      WebhookSender.Delivery delivery =
          sender.send(
              webhook, WebhookPayload.of(webhook.type(), properties.maxAlertsPerMessage()), fresh);
      if (!delivery.delivered()) {
        fresh.forEach(alert -> dedupe.release(key(webhook, alert), now));
      }
      results.add(
          new WebhookResult(
              webhook.name(), delivery.delivered() ? fresh.size() : 0, suppressed, delivery));
    }
    return new Result(alerts, results);
  }

  private static String key(AlertProperties.Webhook webhook, Alert alert) {
    return webhook.name() + "|" + alert.dedupeKey();
  }
}
