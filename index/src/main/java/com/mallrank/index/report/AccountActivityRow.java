package com.mallrank.index.report;

import java.time.Instant;

/**
 * One identity.
 *
 * @param vantage the identity
 * @param lastRanked the latest slot of an ok/partial sample, or {@code null}
 * @param lastLoginRequired the latest slot of a {@code login_required} sample, or {@code null}
 * @param lastSkippedForLogin the latest slot of a sample skipped for {@code needs-login}, or {@code
 *     null}
 */
public record AccountActivityRow(
    String vantage, Instant lastRanked, Instant lastLoginRequired, Instant lastSkippedForLogin) {

  /** Whether its latest word is a login wall: a login wall (or skip) after its last ok sample. */
  public boolean needsLogin() {
    Instant wall = latest(lastLoginRequired, lastSkippedForLogin);
    return wall != null && (lastRanked == null || wall.isAfter(lastRanked));
  }

  private static Instant latest(Instant a, Instant b) {
    return a == null ? b : b == null || a.isAfter(b) ? a : b;
  }
}
