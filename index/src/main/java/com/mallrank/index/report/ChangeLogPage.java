package com.mallrank.index.report;

import com.mallrank.index.document.ChangeEvent;
import java.util.List;

/**
 * One page of the change log.
 *
 * @param events newest slot first; within a slot by keyword, vantage, kind, product
 * @param next the cursor of the next page, {@code null} when this is the last
 */
public record ChangeLogPage(List<ChangeEvent> events, Cursor next) {

  public ChangeLogPage {
    events = List.copyOf(events);
  }

  /**
   * Where a page ended: the sort values of its last event (slot millis, keyword, vantage, kind,
   * product). Plain values, so a caller can keep it between requests.
   *
   * @param slotMillis the last event's slot
   * @param keyword its keyword
   * @param vantage its vantage
   * @param kind its kind code
   * @param productId its product
   * @param profile its site profile (two profiles can have the same event otherwise)
   */
  public record Cursor(
      long slotMillis,
      String keyword,
      String vantage,
      String kind,
      String productId,
      String profile) {}
}
