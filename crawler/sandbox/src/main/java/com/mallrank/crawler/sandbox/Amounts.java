package com.mallrank.crawler.sandbox;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The sandbox's number conventions, shared by the ground truth and the HTML so that a value parsed
 * back from the page {@link BigDecimal#equals equals} the ground truth: prices always have 2
 * decimals ({@code 299.00}); commission rates have 1 decimal only when needed ({@code 12.5}, {@code
 * 12}).
 */
final class Amounts {

  private Amounts() {}

  static BigDecimal yuan(BigDecimal value) {
    return value.setScale(2, RoundingMode.HALF_UP);
  }

  static BigDecimal percent(int tenths) {
    return tenths % 10 == 0 ? BigDecimal.valueOf(tenths / 10) : BigDecimal.valueOf(tenths, 1);
  }

  static int tenths(BigDecimal percent) {
    return percent.movePointRight(1).intValueExact();
  }
}
