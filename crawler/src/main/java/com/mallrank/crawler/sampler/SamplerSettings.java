package com.mallrank.crawler.sampler;

import java.time.Duration;

/**
 * How politely and how persistently one sampler works. For real sites the values come from the
 * configuration ({@code crawler.politeness.*} in the batch module's {@code application.yml}, their
 * one home, bound straight into this record: its component names are the keys); the crawler itself
 * only has {@link #UNTHROTTLED}, for the in-process sandbox and tests.
 *
 * <p>The bounds are checked here, their one place; a value out of them is refused with one line
 * naming its configuration key ({@code crawler.politeness.min-delay must be 0s..10m, was 20m}).
 *
 * @param minDelay the least time between two requests to one host (0s..10m)
 * @param jitter a random extra delay per request to one host, up to this much, so requests do not
 *     march in step (0s..10m)
 * @param maxConcurrentPerHost requests in flight to one host at once (1..16)
 * @param maxAttempts fetch attempts for one sample, the first included (429, 5xx, timeouts are
 *     retried; blocks are not) (1..10)
 * @param initialBackoff the wait before the first retry (0s..max-backoff)
 * @param maxBackoff the longest wait between retries (..1h)
 * @param backoffMultiplier each retry's wait is the previous one times this (1..10)
 * @param backoffJitter the share of a retry's wait that is random (0..1)
 * @param maxRetryAfter the longest server {@code Retry-After} still waited for; longer ends the
 *     sample (0s..1h)
 * @param cooldown how long an identity rests after it was blocked, doubling while it stays blocked
 *     (1s..max-cooldown)
 * @param maxCooldown the longest rest of a blocked identity (..7d)
 */
public record SamplerSettings(
    Duration minDelay,
    Duration jitter,
    int maxConcurrentPerHost,
    int maxAttempts,
    Duration initialBackoff,
    Duration maxBackoff,
    double backoffMultiplier,
    double backoffJitter,
    Duration maxRetryAfter,
    Duration cooldown,
    Duration maxCooldown) {

  /** The configuration keys these settings are read from. */
  private static final String KEY = "crawler.politeness.";

  public SamplerSettings {
    within("min-delay", minDelay, Duration.ZERO, Duration.ofMinutes(10));
    within("jitter", jitter, Duration.ZERO, Duration.ofMinutes(10));
    within("max-concurrent-per-host", maxConcurrentPerHost, 1, 16);
    within("max-attempts", maxAttempts, 1, 10);
    within("max-backoff", maxBackoff, Duration.ZERO, Duration.ofHours(1));
    within("initial-backoff", initialBackoff, Duration.ZERO, maxBackoff);
    within("backoff-multiplier", backoffMultiplier, 1, 10);
    within("backoff-jitter", backoffJitter, 0, 1);
    within("max-retry-after", maxRetryAfter, Duration.ZERO, Duration.ofHours(1));
    within("max-cooldown", maxCooldown, Duration.ofSeconds(1), Duration.ofDays(7));
    within("cooldown", cooldown, Duration.ofSeconds(1), maxCooldown);
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

  private static void within(String key, Duration value, Duration min, Duration max) {
    if (value == null) {
      throw new IllegalArgumentException(KEY + key + " is required (a duration, e.g. 2s)");
    }
    if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw new IllegalArgumentException(
          KEY + key + " must be " + text(min) + ".." + text(max) + ", was " + text(value));
    }
  }

  private static void within(String key, double value, double min, double max) {
    if (!(value >= min && value <= max)) {
      throw new IllegalArgumentException(
          KEY + key + " must be " + number(min) + ".." + number(max) + ", was " + number(value));
    }
  }

  private static String number(double value) {
    return value == Math.rint(value) && !Double.isInfinite(value)
        ? String.valueOf((long) value)
        : String.valueOf(value);
  }

  /** A duration the way it is written in application.yml: 2s, 10m, 1h, 7d, 250ms. */
  private static String text(Duration value) {
    if (value.isZero()) {
      return "0s";
    }
    if (value.toNanos() % 1_000_000 != 0) {
      return value.toString();
    }
    long ms = value.toMillis();
    long[] sizes = {86_400_000L, 3_600_000L, 60_000L, 1_000L};
    String[] units = {"d", "h", "m", "s"};
    for (int i = 0; i < sizes.length; i++) {
      if (ms % sizes[i] == 0) {
        return ms / sizes[i] + units[i];
      }
    }
    return ms + "ms";
  }
}
