package com.mallrank.crawler.politeness;

import java.time.Duration;
import java.util.Objects;
import java.util.Random;

/**
 * Capped exponential backoff with jitter: retry {@code n} waits {@code min(max, initial ×
 * multiplier^(n-1))}, less a random share of up to {@code jitter} of it, so retries of many workers
 * spread out instead of arriving together.
 */
public final class Backoff {

  private final Duration initial;
  private final Duration max;
  private final double multiplier;
  private final double jitter;
  private final Random random;

  /**
   * @param initial the wait before the first retry
   * @param max the longest wait
   * @param multiplier growth per retry, {@code >= 1}
   * @param jitter the share of a wait that is random, {@code 0} (none) to {@code 1} (full jitter)
   * @param random the randomness; seed it in tests
   */
  public Backoff(Duration initial, Duration max, double multiplier, double jitter, Random random) {
    this.initial = Objects.requireNonNull(initial, "initial");
    this.max = Objects.requireNonNull(max, "max");
    this.random = Objects.requireNonNull(random, "random");
    if (initial.isNegative() || max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("need 0 <= initial <= max, was " + initial + ", " + max);
    }
    if (!(multiplier >= 1) || !(jitter >= 0 && jitter <= 1)) {
      throw new IllegalArgumentException(
          "need multiplier >= 1 and 0 <= jitter <= 1, was " + multiplier + ", " + jitter);
    }
    this.multiplier = multiplier;
    this.jitter = jitter;
  }

  /** The wait before retry {@code retry} (1 = the first retry). */
  public Duration delay(int retry) {
    if (retry < 1) {
      throw new IllegalArgumentException("retry counts from 1, was " + retry);
    }
    double nanos = initial.toNanos() * Math.pow(multiplier, retry - 1);
    double capped = Math.min(nanos, max.toNanos());
    double share;
    synchronized (random) {
      share = random.nextDouble();
    }
    return Duration.ofNanos((long) (capped * (1 - jitter * share)));
  }

  /** The longest wait this backoff ever returns. */
  public Duration max() {
    return max;
  }
}
