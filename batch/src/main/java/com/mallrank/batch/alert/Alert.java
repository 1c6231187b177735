package com.mallrank.batch.alert;

import java.time.Instant;
import java.util.Objects;

/**
 * Something a person should look at now.
 *
 * @param rule the rule id ({@code own_left_top20}, ...)
 * @param severity how urgent
 * @param slot the slot it was seen in
 * @param profile the site profile (surface) it was seen on, or {@code null} when unknown: two
 *     surfaces are two places to rank, so the same event on each is two alerts
 * @param keyword the keyword, or {@code null} (a sampling problem across keywords)
 * @param subject what the alert is about within the keyword: the product id, or {@code
 *     vantage:<id>} for a sampling problem
 * @param vantage who searched, or {@code null}
 * @param matrixAccount the matrix account concerned, or {@code null}
 * @param summary one line, as people read it (may hold text from the web)
 * @param detail more, or {@code null}
 */
public record Alert(
    String rule,
    Severity severity,
    Instant slot,
    String profile,
    String keyword,
    String subject,
    String vantage,
    String matrixAccount,
    String summary,
    String detail) {

  /** How urgent an alert is. */
  public enum Severity {
    INFO,
    WARNING,
    CRITICAL
  }

  public Alert {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(slot, "slot");
    Objects.requireNonNull(summary, "summary");
  }

  /**
   * Same rule, profile, keyword and subject within the dedupe window means the same alert: {@code
   * rule|profile|keyword|subject}. The same event on two surfaces is two alerts; seen from several
   * vantages of one surface, one. Its parts are bounded where they come from (a keyword by the
   * plan, a product id by the crawler, a profile id by its file name), far below the dedupe table's
   * 1,000 characters.
   */
  public String dedupeKey() {
    return rule + "|" + part(profile) + "|" + part(keyword) + "|" + part(subject);
  }

  private static String part(String value) {
    return value == null ? "" : value;
  }
}
