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
 */
public record SampleStatusRow(
    String keyword, String vantage, Instant slot, String status, String profile) {

  /** A row whose profile is not known (fixtures). */
  public SampleStatusRow(String keyword, String vantage, Instant slot, String status) {
    this(keyword, vantage, slot, status, null);
  }

  /** Whether the sample produced ranks ({@link SampleStatus#producesRanks}). */
  public boolean ranked() {
    return SampleStatus.producesRanks(status);
  }
}
