package com.mallrank.batch.alert;

import com.mallrank.crawler.politeness.Backoff;
import com.mallrank.crawler.politeness.RetryAfter;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts alerts to one webhook with bounded retries: up to {@code maxAttempts}, exponential backoff
 * from {@code initialBackoff} to {@code maxBackoff}, a 429's {@code Retry-After} honoured up to
 * {@code maxRetryAfter} (longer: give up now, the next run tries again). Retried: I/O errors, 408,
 * 429, 5xx, and the platforms' in-body rate limits; anything else fails at once. Logs name the
 * webhook, never its URL or secret; redirects are not followed (they would carry the token).
 */
public final class WebhookSender {

  private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);

  /** The result of one delivery. */
  public record Delivery(boolean delivered, int attempts, String problem) {}

  private final HttpClient http;
  private final AlertProperties.Retry retry;
  private final Backoff backoff;
  private final Duration timeout;
  private final Sleeper sleeper;
  private final Clock clock;

  public WebhookSender(
      HttpClient http,
      AlertProperties.Retry retry,
      Duration timeout,
      Sleeper sleeper,
      Clock clock) {
    this.http = http;
    this.retry = retry;
    // an initial backoff over the limit waits the limit, as before Backoff took the rule
    this.backoff =
        new Backoff(
            retry.initialBackoff().compareTo(retry.maxBackoff()) > 0
                ? retry.maxBackoff()
                : retry.initialBackoff(),
            retry.maxBackoff(),
            2,
            0,
            new Random());
    this.timeout = timeout;
    this.sleeper = sleeper;
    this.clock = clock;
  }

  /** An HTTP client for webhooks: the timeout, no redirects. */
  public static HttpClient httpClient(Duration timeout) {
    return HttpClient.newBuilder()
        .connectTimeout(timeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  /** Delivers the alerts in one message. */
  public Delivery send(
      AlertProperties.Webhook webhook, WebhookPayload payload, List<Alert> alerts) {
    String problem = null;
    int attempts = Math.max(1, retry.maxAttempts());
    for (int attempt = 1; attempt <= attempts; attempt++) {
      WebhookRequest request = payload.request(webhook, alerts, clock.instant());
      Duration wait;
      try {
        HttpResponse<String> response = http.send(httpRequest(request), bodyHandler());
        int status = response.statusCode();
        if (status / 100 == 2) {
          WebhookPayload.Verdict verdict = payload.verdict(response.body());
          if (verdict == WebhookPayload.Verdict.ACCEPTED) {
            log.info(
                "alert webhook {}: delivered {} alert(s), attempt {}",
                webhook.name(),
                alerts.size(),
                attempt);
            return new Delivery(true, attempt, null);
          }
          problem = "refused: " + brief(response.body());
          if (verdict == WebhookPayload.Verdict.REJECTED) {
            return failed(webhook, attempt, problem);
          }
          wait = backoff(attempt);
        } else if (status == 429 || status == 408 || status / 100 == 5) {
          problem = "HTTP " + status;
          Optional<Duration> asked =
              RetryAfter.parse(
                  response.headers().firstValue("Retry-After").orElse(null), clock.instant());
          if (asked.isPresent() && asked.get().compareTo(retry.maxRetryAfter()) > 0) {
            return failed(
                webhook, attempt, problem + ", Retry-After " + asked.get().toSeconds() + "s");
          }
          wait = asked.isPresent() ? asked.get() : backoff(attempt);
        } else {
          return failed(webhook, attempt, "HTTP " + status);
        }
      } catch (IOException e) {
        // The exception's message may hold the host; the class name is enough to act on.
        problem = e.getClass().getSimpleName();
        wait = backoff(attempt);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return failed(webhook, attempt, "interrupted");
      }
      if (attempt < attempts) {
        log.warn(
            "alert webhook {}: attempt {} failed ({}), retrying in {}s",
            webhook.name(),
            attempt,
            problem,
            wait.toSeconds());
        sleeper.sleep(wait);
      }
    }
    return failed(webhook, attempts, problem);
  }

  /** The wait after failed attempt {@code n}: initial × 2^(n-1), at most maxBackoff. */
  Duration backoff(int attempt) {
    return backoff.delay(attempt);
  }

  private HttpRequest httpRequest(WebhookRequest request) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(request.uri())
            .timeout(timeout)
            .header("Content-Type", "application/json; charset=utf-8")
            .POST(HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8));
    request.headers().forEach(builder::header);
    return builder.build();
  }

  private static HttpResponse.BodyHandler<String> bodyHandler() {
    return HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8);
  }

  private static Delivery failed(AlertProperties.Webhook webhook, int attempts, String problem) {
    log.warn(
        "alert webhook {}: not delivered after {} attempt(s): {}",
        webhook.name(),
        attempts,
        problem);
    return new Delivery(false, attempts, problem);
  }

  private static String brief(String body) {
    String oneLine = body == null ? "" : body.replaceAll("\\s+", " ");
    return oneLine.length() > 200 ? oneLine.substring(0, 200) + "…" : oneLine;
  }
}
