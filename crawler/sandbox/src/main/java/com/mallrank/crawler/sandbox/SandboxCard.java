package com.mallrank.crawler.sandbox;

import java.math.BigDecimal;

/**
 * One card of a sandbox result page, exactly as the HTML shows it: the ground truth a sample is
 * compared against.
 *
 * @param position 1-based position among all cards
 * @param organicRank 1-based rank among organic cards; {@code null} for a sponsored card
 * @param sponsored whether the card is an ad (广告)
 * @param productId the 19-digit product id
 * @param title the title shown
 * @param shopId the 19-digit shop id
 * @param shopName the shop name
 * @param price the price in yuan (2 decimals)
 * @param commissionRate the commission rate in percent (1 decimal only when needed)
 * @param imageKey the main image key, the stable part of the image URL path
 * @param salesLabel the sales label, e.g. {@code 已售1.2万}
 * @param matrixAccount the owning matrix account id, or {@code null} for a competitor
 */
public record SandboxCard(
    int position,
    Integer organicRank,
    boolean sponsored,
    String productId,
    String title,
    String shopId,
    String shopName,
    BigDecimal price,
    BigDecimal commissionRate,
    String imageKey,
    String salesLabel,
    String matrixAccount) {}
