package com.mallrank.index.document;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Deterministic, readable document ids. The same (slot, keyword, vantage[, position]) always gives
 * the same id, so re-indexing a slot overwrites instead of duplicating.
 */
public final class DocumentIds {

  private static final DateTimeFormatter SLOT =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'").withZone(ZoneOffset.UTC);

  private DocumentIds() {}

  public static String sample(Instant slot, String keyword, String vantage) {
    return SLOT.format(slot) + "|" + vantage + "|" + keyword;
  }

  /**
   * The id of a change event: {@code slot|vantage|keyword|kind|productId}, so re-running the
   * detection of a slot overwrites its events.
   */
  public static String change(
      Instant slot, String vantage, String keyword, String kind, String productId) {
    return sample(slot, keyword, vantage) + "|" + kind + "|" + productId;
  }

  /** The id of a daily summary: {@code yyyy-MM-dd|vantage|keyword|productId}. */
  public static String daily(LocalDate day, String vantage, String keyword, String productId) {
    return day + "|" + vantage + "|" + keyword + "|" + productId;
  }

  public static String listing(Instant slot, String keyword, String vantage, int position) {
    return sample(slot, keyword, vantage) + "|" + position;
  }
}
