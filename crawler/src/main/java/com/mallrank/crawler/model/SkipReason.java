package com.mallrank.crawler.model;

import java.util.Locale;

/**
 * Why a sample was {@link SampleStatus#SKIPPED skipped}: stored as the sample's marker, so a report
 * can say why a keyword was not sampled.
 */
public enum SkipReason {
  /** The identity's login expired earlier in the slot ({@code login_required}). */
  NEEDS_LOGIN,
  /** The identity rests after a captcha or 风控 page ({@code blocked}). */
  COOLDOWN,
  /** The identity's request budget is spent. */
  BUDGET,
  /**
   * A {@code fetch.with: har} profile found no search of the keyword in the slot's phone captures
   * (the detail says why: no request to the search URL, another keyword, an unreadable body).
   */
  NO_CAPTURE,
  /**
   * The anonymous vantage on a profile whose search needs a logged-in account ({@code
   * search.requires-login}: Douyin answers 2483): never sampled, a capture or a page of it could
   * only be some account's view or the login refusal.
   */
  NO_ACCOUNT;

  /** The stable marker stored with the sample, e.g. {@code needs-login}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
