package com.mallrank.index.document;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What retention keeps of one product's listings in one profile, keyword, vantage and UTC day once
 * the raw listings are deleted. Positions are over every listing of the product that day (a product
 * shown twice in one sample counts both positions in the average).
 *
 * @param day the UTC day
 * @param keyword the keyword
 * @param group the keyword group, or {@code null}
 * @param vantage the vantage
 * @param productId the product
 * @param matrixAccount the owning matrix account, {@code null} for a competitor
 * @param bestPosition the best (lowest) position that day
 * @param worstPosition the worst (highest) position that day
 * @param avgPosition the mean position that day
 * @param slotsSeen the number of slots the product was seen in that day
 * @param lastPriceFen the price of the day's last observation, or {@code null}
 * @param lastCommissionBp the commission of the day's last observation, or {@code null}
 * @param profile the site profile (surface) the listings were sampled on, part of the id
 */
public record DailySummary(
    LocalDate day,
    String keyword,
    String group,
    String vantage,
    String productId,
    String matrixAccount,
    int bestPosition,
    int worstPosition,
    double avgPosition,
    int slotsSeen,
    Long lastPriceFen,
    Integer lastCommissionBp,
    String profile) {

  public DailySummary {
    Objects.requireNonNull(day, "day");
    Objects.requireNonNull(keyword, "keyword");
    Objects.requireNonNull(vantage, "vantage");
    Objects.requireNonNull(productId, "productId");
  }

  /** The deterministic document id {@code day|profile|vantage|keyword|productId}. */
  public String id() {
    return DocumentIds.daily(day, profile, vantage, keyword, productId);
  }
}
