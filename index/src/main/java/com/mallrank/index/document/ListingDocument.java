package com.mallrank.index.document;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Objects;

/**
 * One observation: the card at one position of one sample. One document per (slot, profile,
 * keyword, vantage, position). Prices are scaled integers (fen), commission rates basis points
 * (1250 = 12.50 %), product ids strings.
 *
 * @param slot the sample's slot
 * @param keyword the tracked keyword
 * @param group the keyword group
 * @param vantage {@code anonymous} or a matrix-account id
 * @param position 1-based position among all cards
 * @param organicRank 1-based rank among organic cards, {@code null} for a sponsored card
 * @param sponsored whether the card is a paid placement
 * @param productId the product id (string; Douyin ids have 19 digits)
 * @param title the card title
 * @param shopId the shop id, or {@code null}
 * @param shopName the shop name, or {@code null}
 * @param priceFen the price in fen (1/100 yuan), or {@code null}
 * @param commissionBp the commission rate in basis points, or {@code null}
 * @param imageUrl the main image URL as served, or {@code null}
 * @param imageKey the normalised main-image key (URL without signature), or {@code null}
 * @param salesLabel the sales label as shown, or {@code null} (stored with its number, {@link
 *     #salesCount})
 * @param matrixAccount the id of the matrix account that owns this listing, {@code null} for a
 *     competitor
 * @param sampledAt when the sample was taken
 * @param imageHash the main image's perceptual hash as 16 lower-case hex digits, or {@code null}
 *     when the picture was not fetched and hashed (only the key then decides a main-image change)
 * @param profile the site profile (surface) of the sample, part of the id; {@code null} only before
 *     the listing is put in a {@link com.mallrank.index.write.Snapshot} (which stamps the sample's)
 */
public record ListingDocument(
    Instant slot,
    String keyword,
    String group,
    String vantage,
    int position,
    Integer organicRank,
    boolean sponsored,
    String productId,
    String title,
    String shopId,
    String shopName,
    Long priceFen,
    Integer commissionBp,
    String imageUrl,
    String imageKey,
    String salesLabel,
    String matrixAccount,
    Instant sampledAt,
    String imageHash,
    String profile) {

  public ListingDocument {
    Objects.requireNonNull(slot, "slot");
    Objects.requireNonNull(keyword, "keyword");
    Objects.requireNonNull(vantage, "vantage");
    Objects.requireNonNull(productId, "productId");
  }

  /** This listing with the given image hash (16 hex digits, or {@code null}). */
  public ListingDocument withImageHash(String hash) {
    return copy(hash, profile);
  }

  /** This listing on the given profile (surface). */
  public ListingDocument withProfile(String surface) {
    return copy(imageHash, surface);
  }

  /** This listing with another image hash and profile; the rest as it is. */
  private ListingDocument copy(String hash, String surface) {
    return new ListingDocument(
        slot,
        keyword,
        group,
        vantage,
        position,
        organicRank,
        sponsored,
        productId,
        title,
        shopId,
        shopName,
        priceFen,
        commissionBp,
        imageUrl,
        imageKey,
        salesLabel,
        matrixAccount,
        sampledAt,
        hash,
        surface);
  }

  /**
   * The sales label as a number ({@code 已售1.2万} → 12000, {@link SalesCounts}), stored as {@code
   * sales_count} so sales can be charted over time; derived, never read back.
   */
  @JsonProperty(value = "sales_count", access = JsonProperty.Access.READ_ONLY)
  public Long salesCount() {
    return SalesCounts.count(salesLabel);
  }

  /** Whether a matrix account owns this listing. */
  public boolean own() {
    return matrixAccount != null;
  }

  /** The deterministic document id: a re-run of the slot overwrites, never duplicates. */
  public String id() {
    return DocumentIds.listing(slot, profile, keyword, vantage, position);
  }
}
