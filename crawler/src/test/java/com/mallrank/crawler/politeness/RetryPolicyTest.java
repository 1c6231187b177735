package com.mallrank.crawler.politeness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class RetryPolicyTest {

  private static final Instant NOW = Instant.parse("2026-11-28T14:00:00Z");

  @ParameterizedTest
  @CsvSource({
    "200, SUCCESS",
    "304, SUCCESS",
    "429, RATE_LIMITED",
    "500, SERVER_ERROR",
    "503, SERVER_ERROR",
    "408, TIMEOUT",
    "403, CLIENT_ERROR",
    "404, CLIENT_ERROR"
  })
  void classifiesHttpStatuses(int status, AttemptOutcome expected) {
    assertThat(AttemptOutcome.ofHttpStatus(status)).isEqualTo(expected);
  }

  @Test
  void onlyOverloadAndFlakinessAreRetryable() {
    assertThat(AttemptOutcome.values())
        .filteredOn(AttemptOutcome::retryable)
        .containsExactlyInAnyOrder(
            AttemptOutcome.RATE_LIMITED,
            AttemptOutcome.SERVER_ERROR,
            AttemptOutcome.TIMEOUT,
            AttemptOutcome.CONNECTION_FAILED);
  }

  @Test
  void aFailureIsClassifiedByItsCauseChainAndAnOversizeIsNotRetried() {
    Exception oversize =
        new Exception("fetch failed", new java.io.IOException(new BodyTooLargeException(100)));
    assertThat(AttemptOutcome.ofFailure(oversize)).isEqualTo(AttemptOutcome.TOO_LARGE);
    assertThat(AttemptOutcome.ofFailure(new java.net.SocketTimeoutException("read timed out")))
        .isEqualTo(AttemptOutcome.TIMEOUT);
    assertThat(AttemptOutcome.ofFailure(new java.net.ConnectException("refused")))
        .isEqualTo(AttemptOutcome.CONNECTION_FAILED);
    assertThat(AttemptOutcome.ofFailure(null)).isEqualTo(AttemptOutcome.CONNECTION_FAILED);

    RetryDecision decision =
        new RetryPolicy(
                3,
                new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1), 2, 0, new Random(1)),
                Duration.ofMinutes(1))
            .decide(1, AttemptOutcome.TOO_LARGE, null);
    assertThat(decision.retry()).isFalse();
    assertThat(decision.reason()).isEqualTo("TOO_LARGE is not retryable");
  }

  @Test
  void backoffGrowsExponentiallyUpToItsCapWithoutJitter() {
    Backoff backoff =
        new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(10), 2, 0, new Random(1));

    assertThat(backoff.delay(1)).isEqualTo(Duration.ofSeconds(1));
    assertThat(backoff.delay(2)).isEqualTo(Duration.ofSeconds(2));
    assertThat(backoff.delay(4)).isEqualTo(Duration.ofSeconds(8));
    assertThat(backoff.delay(5)).isEqualTo(Duration.ofSeconds(10));
    assertThat(backoff.delay(60)).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void jitterOnlyShortensAndIsReproducible() {
    Backoff a = new Backoff(Duration.ofSeconds(4), Duration.ofSeconds(4), 2, 0.5, new Random(9));
    Backoff b = new Backoff(Duration.ofSeconds(4), Duration.ofSeconds(4), 2, 0.5, new Random(9));

    for (int i = 1; i <= 50; i++) {
      Duration delay = a.delay(i);
      assertThat(delay).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(4));
      assertThat(b.delay(i)).isEqualTo(delay);
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = AttemptOutcome.class,
      names = {"BLOCKED", "LOGIN_REQUIRED", "CLIENT_ERROR", "SUCCESS"})
  void neverRetriesWhatRetryingCannotFix(AttemptOutcome outcome) {
    RetryDecision decision = policy(5).decide(1, outcome, Duration.ofSeconds(1));

    assertThat(decision.retry()).isFalse();
    assertThat(decision.delay()).isZero();
  }

  @Test
  void retriesWithBackoffUntilAttemptsRunOut() {
    RetryPolicy policy = policy(3);

    RetryDecision first = policy.decide(1, AttemptOutcome.SERVER_ERROR, null);
    RetryDecision second = policy.decide(2, AttemptOutcome.TIMEOUT, null);
    RetryDecision third = policy.decide(3, AttemptOutcome.SERVER_ERROR, null);

    assertThat(first).isEqualTo(new RetryDecision(true, Duration.ofSeconds(1), first.reason()));
    assertThat(first.reason()).contains("SERVER_ERROR").contains("backoff");
    assertThat(second.delay()).isEqualTo(Duration.ofSeconds(2));
    assertThat(third.retry()).isFalse();
    assertThat(third.reason()).contains("3 of 3 attempts");
  }

  @Test
  void retryAfterWinsWhenLongerThanBackoff() {
    RetryDecision decision =
        policy(3).decide(1, AttemptOutcome.RATE_LIMITED, Duration.ofSeconds(30));

    assertThat(decision.retry()).isTrue();
    assertThat(decision.delay()).isEqualTo(Duration.ofSeconds(30));
    assertThat(decision.reason()).contains("Retry-After");
  }

  @Test
  void backoffWinsWhenLongerThanRetryAfter() {
    RetryDecision decision =
        policy(5).decide(3, AttemptOutcome.RATE_LIMITED, Duration.ofSeconds(1));

    assertThat(decision.delay()).isEqualTo(Duration.ofSeconds(4));
  }

  @Test
  void retryAfterBeyondTheCapEndsRetrying() {
    RetryDecision decision = policy(5).decide(1, AttemptOutcome.RATE_LIMITED, Duration.ofHours(1));

    assertThat(decision.retry()).isFalse();
    assertThat(decision.reason()).contains("3600 s exceeds the 120 s cap");
  }

  @Test
  void parsesRetryAfterSecondsAndDates() {
    assertThat(RetryAfter.parse("120", NOW)).contains(Duration.ofSeconds(120));
    assertThat(RetryAfter.parse(" 0 ", NOW)).contains(Duration.ZERO);
    assertThat(RetryAfter.parse("Sat, 28 Nov 2026 14:01:30 GMT", NOW))
        .contains(Duration.ofSeconds(90));
    assertThat(RetryAfter.parse("Sat, 28 Nov 2026 13:00:00 GMT", NOW)).contains(Duration.ZERO);
    assertThat(RetryAfter.parse(null, NOW)).isEmpty();
    assertThat(RetryAfter.parse("", NOW)).isEmpty();
    assertThat(RetryAfter.parse("-5", NOW)).isEmpty();
    assertThat(RetryAfter.parse("soon", NOW)).isEqualTo(Optional.empty());
    assertThat(RetryAfter.parse("99999999999999999999999", NOW)).isEmpty();
  }

  @Test
  void argumentsAreValidated() {
    Random random = new Random();
    assertThatThrownBy(
            () -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), 2, 0, random))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1), 0.5, 0, random))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1), 2, 1.5, random))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> policy(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> policy(3).decide(0, AttemptOutcome.TIMEOUT, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static RetryPolicy policy(int maxAttempts) {
    Backoff backoff =
        new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), 2, 0, new Random(1));
    return new RetryPolicy(maxAttempts, backoff, Duration.ofMinutes(2));
  }
}
