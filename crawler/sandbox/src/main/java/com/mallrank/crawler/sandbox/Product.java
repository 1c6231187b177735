package com.mallrank.crawler.sandbox;

import java.math.BigDecimal;

/**
 * A product as generated, before any scheduled change: its list price, base commission, original
 * main image and original title. {@link ChangeSchedule} derives the state at a slot from it.
 *
 * @param productId the 19-digit product id
 * @param shop the shop selling it
 * @param category its category
 * @param title the original title
 * @param listPrice the list price in yuan (2 decimals)
 * @param commissionRate the base commission rate in percent (up to 1 decimal)
 * @param imageKey the original main image's path key
 * @param baseSales units sold at {@link ChangeSchedule#SALES_EPOCH}
 * @param salesPerDay units sold per simulated day afterwards
 */
record Product(
    String productId,
    Shop shop,
    Category category,
    String title,
    BigDecimal listPrice,
    BigDecimal commissionRate,
    String imageKey,
    long baseSales,
    int salesPerDay) {

  boolean isMatrix() {
    return shop.isMatrix();
  }
}
