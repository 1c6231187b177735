package com.mallrank.index.report;

import com.mallrank.index.document.SampleStatus;
import java.time.Instant;

/**
 * One identity on one surface (site profile): what its samples say about its login.
 *
 * @param vantage the identity
 * @param profile the site profile (surface)
 * @param lastRanked the latest slot of an ok/partial sample, or {@code null}
 * @param lastLoginRequired the latest slot of a {@code login_required} sample, or {@code null}
 * @param lastSkippedForLogin the latest slot of a sample skipped for {@code needs-login}, or {@code
 *     null}
 * @param newest its newest sample (by the time it was taken), whatever its status
 * @param newestOnLogin its newest sample that says something about the login: ok, partial or empty
 *     (the page was served to it, and proved the login where the profile says how), {@code
 *     login_required}, or skipped for {@code needs-login}; {@code null} when none
 */
public record AccountActivityRow(
    String vantage,
    String profile,
    Instant lastRanked,
    Instant lastLoginRequired,
    Instant lastSkippedForLogin,
    Seen newest,
    Seen newestOnLogin) {

  /** The marker of a sample skipped because its identity needs a new login. */
  public static final String NEEDS_LOGIN = "needs-login";

  /**
   * One sample as {@code accounts status} shows it.
   *
   * @param slot its slot
   * @param status its status code
   * @param marker its marker, or {@code null}
   * @param sampledAt when it was taken
   */
  public record Seen(Instant slot, String status, String marker, Instant sampledAt) {

    /** Whether the page was served to the logged-in account (ok, partial or empty). */
    public boolean loggedIn() {
      return SampleStatus.producesRanks(status) || SampleStatus.EMPTY.equals(status);
    }

    /** Whether it showed the account logged out: a login wall, or skipped for it. */
    public boolean loggedOut() {
      return SampleStatus.LOGIN_REQUIRED.equals(status)
          || SampleStatus.SKIPPED.equals(status) && NEEDS_LOGIN.equals(marker);
    }
  }
}
