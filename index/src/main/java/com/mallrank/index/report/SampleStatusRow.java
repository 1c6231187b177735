package com.mallrank.index.report;

import com.mallrank.index.document.SampleStatus;
import java.time.Instant;

/**
 * One sample.
 *
 * @param keyword the keyword
 * @param vantage the vantage
 * @param slot the slot
 * @param status its status code ({@code ok}, {@code blocked}, ...)
 * @param profile the site profile (surface) sampled
 * @param marker what decided the status ({@code needs-login} for a sample skipped because its
 *     account needs a new login, the matched marker of a blocked page, ...), or {@code null}
 */
public record SampleStatusRow(
    String keyword, String vantage, Instant slot, String status, String profile, String marker) {

  /** A row without a marker. */
  public SampleStatusRow(
      String keyword, String vantage, Instant slot, String status, String profile) {
    this(keyword, vantage, slot, status, profile, null);
  }

  /** A row whose profile is not known (fixtures). */
  public SampleStatusRow(String keyword, String vantage, Instant slot, String status) {
    this(keyword, vantage, slot, status, null, null);
  }

  /** Whether the sample produced ranks ({@link SampleStatus#producesRanks}). */
  public boolean ranked() {
    return SampleStatus.producesRanks(status);
  }
}
