package com.mallrank.index.report;

import java.util.Map;

/**
 * One own listing's positions in one keyword across the vantages of one slot.
 *
 * @param keyword the keyword
 * @param productId the product
 * @param matrixAccount the owning matrix account
 * @param title the title in the slot (its best-placed card)
 * @param shopName the shop in the slot, or {@code null}
 * @param positions the best position per vantage where it was found, by vantage
 * @param min the best of those positions
 * @param max the worst of those positions
 * @param median their median (mean of the two middle values for an even count)
 */
public record SpreadRow(
    String keyword,
    String productId,
    String matrixAccount,
    String title,
    String shopName,
    Map<String, Integer> positions,
    int min,
    int max,
    double median) {

  public SpreadRow {
    positions = Map.copyOf(positions);
  }
}
