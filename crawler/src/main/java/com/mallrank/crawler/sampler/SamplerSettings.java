package com.mallrank.crawler.sampler;

import java.time.Duration;
import java.util.Objects;

/**
 * How politely and how persistently one sampler works. For real sites the values come from the
 * configuration ({@code crawler.politeness.*} in the batch module's {@code application.yml}, their
 * one home); the crawler itself only has {@link #UNTHROTTLED}, for the in-process sandbox and
 * tests.
 *
 * @param minDelayPerHost the least time between two requests to one host
 * @param jitterPerHost a random extra delay up to this much, so requests do not march in step
 * @param maxConcurrentPerHost requests in flight to one host at once
 * @param maxAttempts fetch attempts for one sample (429, 5xx, timeouts are retried; blocks are not)
 * @param initialBackoff the wait before the first retry
 * @param maxBackoff the longest wait between retries
 * @param backoffMultiplier how much each retry's wait grows ({@code >= 1})
 * @param backoffJitter the share of a retry's wait that is random, {@code 0..1}
 * @param maxRetryAfter the longest server {@code Retry-After} still waited for; longer ends the
 *     sample
 * @param cooldown how long an identity rests after it was blocked (doubling while it stays blocked)
 * @param maxCooldown the longest rest
 */
public record SamplerSettings(
    Duration minDelayPerHost,
    Duration jitterPerHost,
    int maxConcurrentPerHost,
    int maxAttempts,
    Duration initialBackoff,
    Duration maxBackoff,
    double backoffMultiplier,
    double backoffJitter,
    Duration maxRetryAfter,
    Duration cooldown,
    Duration maxCooldown) {

  public SamplerSettings {
    Objects.requireNonNull(minDelayPerHost, "minDelayPerHost");
    Objects.requireNonNull(jitterPerHost, "jitterPerHost");
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
    Objects.requireNonNull(cooldown, "cooldown");
    Objects.requireNonNull(maxCooldown, "maxCooldown");
  }

  /** No delays: for the in-process sandbox and tests. */
  public static final SamplerSettings UNTHROTTLED =
      new SamplerSettings(
          Duration.ZERO,
          Duration.ZERO,
          8,
          2,
          Duration.ofMillis(10),
          Duration.ofMillis(50),
          2.0,
          0.2,
          Duration.ofSeconds(1),
          Duration.ofMinutes(30),
          Duration.ofHours(6));
}
