package com.mallrank.batch.plan;

/**
 * How many search requests one identity (a matrix account or the anonymous vantage) may send, from
 * the plan's {@code budget: {per-minute: N, per-day: M}}: Douyin's risk control counts requests per
 * account and per minute, so a budget keeps an account below what gets it flagged. Counted across
 * every thread and process sharing the JobRepository database.
 *
 * @param perMinute requests per calendar minute, or {@code null}: no minute limit
 * @param perDay requests per calendar day (in {@code batch.zone}), or {@code null}: no day limit
 */
public record IdentityBudget(Integer perMinute, Integer perDay) {

  /** The largest limit accepted (a typo guard; a million requests is no budget). */
  public static final int MAX = 1_000_000;
}
