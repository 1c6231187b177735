package com.mallrank.crawler.sampler;

import java.time.Duration;

/**
 * How politely and how persistently one sampler works.
 *
 * @param minDelayPerHost the least time between two requests to one host
 * @param jitterPerHost a random extra delay up to this much, so requests do not march in step
 * @param maxConcurrentPerHost requests in flight to one host at once
 * @param maxAttempts fetch attempts for one sample (429, 5xx, timeouts are retried; blocks are not)
 * @param initialBackoff the wait before the first retry, doubled each retry
 * @param maxBackoff the longest wait between retries
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
    Duration maxRetryAfter,
    Duration cooldown,
    Duration maxCooldown) {

  /** Polite defaults for a real site: one request per host every 2-3 s, three attempts. */
  public static final SamplerSettings DEFAULTS =
      new SamplerSettings(
          Duration.ofSeconds(2),
          Duration.ofSeconds(1),
          1,
          3,
          Duration.ofSeconds(2),
          Duration.ofSeconds(30),
          Duration.ofSeconds(60),
          Duration.ofMinutes(30),
          Duration.ofHours(6));

  /** No delays: for the in-process sandbox and tests. */
  public static final SamplerSettings UNTHROTTLED =
      new SamplerSettings(
          Duration.ZERO,
          Duration.ZERO,
          8,
          2,
          Duration.ofMillis(10),
          Duration.ofMillis(50),
          Duration.ofSeconds(1),
          Duration.ofMinutes(30),
          Duration.ofHours(6));
}
