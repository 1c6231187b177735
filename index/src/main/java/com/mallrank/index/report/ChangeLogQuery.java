package com.mallrank.index.report;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Which change events to list. {@code null} or empty lists mean "any".
 *
 * @param from the earliest slot (inclusive)
 * @param to the latest slot (exclusive)
 * @param keywords keywords
 * @param shopIds shop ids
 * @param kinds kind codes ({@code price}, {@code main_image}, ...)
 * @param vantages vantages
 * @param productIds products
 * @param pageSize events per page, 1..1000
 * @param after the cursor of the previous page, {@code null} for the first
 */
public record ChangeLogQuery(
    Instant from,
    Instant to,
    List<String> keywords,
    List<String> shopIds,
    List<String> kinds,
    List<String> vantages,
    List<String> productIds,
    int pageSize,
    ChangeLogPage.Cursor after) {

  public ChangeLogQuery {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (pageSize < 1 || pageSize > 1_000) {
      throw new IllegalArgumentException("pageSize must be 1..1000, got " + pageSize);
    }
  }

  /** Every event in [from, to), 100 per page. */
  public static ChangeLogQuery window(Instant from, Instant to) {
    return new ChangeLogQuery(from, to, null, null, null, null, null, 100, null);
  }

  public ChangeLogQuery keywords(List<String> values) {
    return new ChangeLogQuery(
        from, to, values, shopIds, kinds, vantages, productIds, pageSize, after);
  }

  public ChangeLogQuery shops(List<String> values) {
    return new ChangeLogQuery(
        from, to, keywords, values, kinds, vantages, productIds, pageSize, after);
  }

  public ChangeLogQuery kinds(List<String> values) {
    return new ChangeLogQuery(
        from, to, keywords, shopIds, values, vantages, productIds, pageSize, after);
  }

  public ChangeLogQuery vantages(List<String> values) {
    return new ChangeLogQuery(
        from, to, keywords, shopIds, kinds, values, productIds, pageSize, after);
  }

  public ChangeLogQuery products(List<String> values) {
    return new ChangeLogQuery(
        from, to, keywords, shopIds, kinds, vantages, values, pageSize, after);
  }

  public ChangeLogQuery pageSize(int value) {
    return new ChangeLogQuery(
        from, to, keywords, shopIds, kinds, vantages, productIds, value, after);
  }

  /** The query for the page after {@code page} (same filters). */
  public ChangeLogQuery after(ChangeLogPage.Cursor cursor) {
    return new ChangeLogQuery(
        from, to, keywords, shopIds, kinds, vantages, productIds, pageSize, cursor);
  }
}
