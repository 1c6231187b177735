package com.mallrank.crawler.sandbox;

import java.math.BigDecimal;

/**
 * What a product shows during one slot: a pure function of (product, slot).
 *
 * @param productId the 19-digit product id
 * @param title the title shown
 * @param price the price in yuan, always 2 decimals
 * @param commissionRate the commission rate in percent, 1 decimal only when needed ({@code 12.5},
 *     {@code 12})
 * @param imageKey the main image's key (32 hex digits), the stable part of its URL path
 * @param salesLabel the sales label shown, e.g. {@code 已售1.2万}; grows slowly with time and is not a
 *     scheduled change
 */
public record ProductState(
    String productId,
    String title,
    BigDecimal price,
    BigDecimal commissionRate,
    String imageKey,
    String salesLabel) {}
