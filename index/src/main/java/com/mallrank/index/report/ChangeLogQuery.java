package com.mallrank.index.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
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
    return filter(Filter.KEYWORDS, values);
  }

  public ChangeLogQuery shops(List<String> values) {
    return filter(Filter.SHOPS, values);
  }

  public ChangeLogQuery kinds(List<String> values) {
    return filter(Filter.KINDS, values);
  }

  public ChangeLogQuery vantages(List<String> values) {
    return filter(Filter.VANTAGES, values);
  }

  public ChangeLogQuery products(List<String> values) {
    return filter(Filter.PRODUCTS, values);
  }

  public ChangeLogQuery pageSize(int value) {
    return copy(filters(), value, after);
  }

  /** The query for the page after {@code page} (same filters). */
  public ChangeLogQuery after(ChangeLogPage.Cursor cursor) {
    return copy(filters(), pageSize, cursor);
  }

  /** The list filters, in the order of the components. */
  private enum Filter {
    KEYWORDS,
    SHOPS,
    KINDS,
    VANTAGES,
    PRODUCTS
  }

  private ChangeLogQuery filter(Filter which, List<String> values) {
    List<List<String>> filters = filters();
    filters.set(which.ordinal(), values);
    return copy(filters, pageSize, after);
  }

  private List<List<String>> filters() {
    return new ArrayList<>(Arrays.asList(keywords, shopIds, kinds, vantages, productIds));
  }

  /** The one copy: these bounds with {@code filters} (in {@link Filter} order), size and cursor. */
  private ChangeLogQuery copy(List<List<String>> filters, int size, ChangeLogPage.Cursor cursor) {
    return new ChangeLogQuery(
        from,
        to,
        filters.get(0),
        filters.get(1),
        filters.get(2),
        filters.get(3),
        filters.get(4),
        size,
        cursor);
  }
}
