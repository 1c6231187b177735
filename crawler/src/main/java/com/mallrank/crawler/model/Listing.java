package com.mallrank.crawler.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One product card of a result page, in page order.
 *
 * @param position 1-based position among all cards, sponsored ones included
 * @param organicRank 1-based rank among organic cards only; {@code null} for a sponsored card
 * @param sponsored whether the card is a paid placement (广告 / 千川)
 * @param productId the platform's product id, kept as a string (Douyin ids have 19 digits)
 * @param title the card title
 * @param shopId the shop id, or {@code null} when the page does not show it
 * @param shopName the shop name, or {@code null}
 * @param price the shown price in yuan, exact; {@code null} when the card shows none
 * @param commissionRate the commission (佣金) rate in percent, e.g. {@code 12.5}; {@code null} when
 *     unknown
 * @param imageUrl the main image (主图) URL as served, or {@code null}
 * @param salesLabel the sales label as shown (e.g. {@code 已售1.2万}), or {@code null}
 */
public record Listing(
    int position,
    Integer organicRank,
    boolean sponsored,
    String productId,
    String title,
    String shopId,
    String shopName,
    BigDecimal price,
    BigDecimal commissionRate,
    String imageUrl,
    String salesLabel) {

  public Listing {
    if (position < 1) {
      throw new IllegalArgumentException("position must be >= 1, was " + position);
    }
    Objects.requireNonNull(productId, "productId");
    if (sponsored && organicRank != null) {
      throw new IllegalArgumentException("a sponsored card has no organic rank");
    }
  }
}
