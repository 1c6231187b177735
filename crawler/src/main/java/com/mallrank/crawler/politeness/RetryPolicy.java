package com.mallrank.crawler.politeness;

import java.time.Duration;
import java.util.Objects;

/**
 * Decides whether and when to retry a fetch: only {@link AttemptOutcome#retryable()} outcomes, at
 * most {@code maxAttempts} attempts in all, after the larger of the {@link Backoff} delay and the
 * server's {@code Retry-After}. A {@code Retry-After} longer than {@code maxRetryAfter} ends the
 * retries: waiting less than the server asked would be impolite, and waiting longer does not fit a
 * sample slot.
 */
public final class RetryPolicy {

  private final int maxAttempts;
  private final Backoff backoff;
  private final Duration maxRetryAfter;

  /**
   * @param maxAttempts attempts in all, the first one included ({@code 1} = never retry)
   * @param backoff the delays between attempts
   * @param maxRetryAfter the longest {@code Retry-After} still waited for
   */
  public RetryPolicy(int maxAttempts, Backoff backoff, Duration maxRetryAfter) {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be >= 1, was " + maxAttempts);
    }
    this.maxAttempts = maxAttempts;
    this.backoff = Objects.requireNonNull(backoff, "backoff");
    this.maxRetryAfter = Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
  }

  /**
   * Decides after attempt number {@code attempt} ended with {@code outcome}.
   *
   * @param attempt the attempt just made, counted from 1
   * @param outcome how it ended
   * @param retryAfter the server's {@code Retry-After}, or {@code null}
   */
  public RetryDecision decide(int attempt, AttemptOutcome outcome, Duration retryAfter) {
    if (attempt < 1) {
      throw new IllegalArgumentException("attempt counts from 1, was " + attempt);
    }
    if (outcome == AttemptOutcome.SUCCESS) {
      return RetryDecision.giveUp("succeeded");
    }
    if (!outcome.retryable()) {
      return RetryDecision.giveUp(outcome + " is not retryable");
    }
    if (attempt >= maxAttempts) {
      return RetryDecision.giveUp(
          outcome + " after " + attempt + " of " + maxAttempts + " attempts");
    }
    if (retryAfter != null && retryAfter.compareTo(maxRetryAfter) > 0) {
      return RetryDecision.giveUp(
          outcome
              + ": Retry-After "
              + retryAfter.toSeconds()
              + " s exceeds the "
              + maxRetryAfter.toSeconds()
              + " s cap");
    }
    Duration delay = backoff.delay(attempt);
    String basis = "backoff";
    if (retryAfter != null && retryAfter.compareTo(delay) > 0) {
      delay = retryAfter;
      basis = "Retry-After";
    }
    return RetryDecision.retryAfter(
        delay,
        outcome + ": retry " + attempt + " after " + delay.toMillis() + " ms (" + basis + ")");
  }

  public int maxAttempts() {
    return maxAttempts;
  }
}
