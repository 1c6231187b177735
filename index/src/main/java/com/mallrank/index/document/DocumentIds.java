package com.mallrank.index.document;

import java.time.Instant;
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

  public static String listing(Instant slot, String keyword, String vantage, int position) {
    return sample(slot, keyword, vantage) + "|" + position;
  }
}
