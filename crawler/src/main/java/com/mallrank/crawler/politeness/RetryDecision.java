package com.mallrank.crawler.politeness;

import java.time.Duration;
import java.util.Objects;

/**
 * What to do after a failed attempt.
 *
 * @param retry whether to try again
 * @param delay how long to wait first; zero when not retrying
 * @param reason why, for the sample's detail and the log
 */
public record RetryDecision(boolean retry, Duration delay, String reason) {

  public RetryDecision {
    Objects.requireNonNull(delay, "delay");
    Objects.requireNonNull(reason, "reason");
  }

  static RetryDecision retryAfter(Duration delay, String reason) {
    return new RetryDecision(true, delay, reason);
  }

  static RetryDecision giveUp(String reason) {
    return new RetryDecision(false, Duration.ZERO, reason);
  }
}
