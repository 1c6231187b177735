package com.mallrank.index.document;

import java.time.Instant;
import java.util.Objects;

/**
 * One detected difference between a ranked (ok/partial) sample and the previous ranked sample of
 * the same profile, keyword and vantage. Stored once per (slot, profile, vantage, keyword, kind,
 * product id), so a re-run of the detection overwrites instead of duplicating.
 *
 * @param slot the slot of the later sample (the one the event was detected in)
 * @param previousSlot the slot of the earlier sample it was compared with
 * @param keyword the keyword
 * @param group the keyword group, or {@code null}
 * @param vantage the vantage of both samples
 * @param kind the {@link ChangeKind#code() kind code}, e.g. {@code price}
 * @param productId the product; for {@code new_shop} the shop's best-placed product now
 * @param shopId the shop id (now, or before when the product left), or {@code null}
 * @param shopName the shop name (now, or before when the product left), or {@code null}
 * @param matrixAccount the owning matrix account for {@code own_moved}, else {@code null}
 * @param oldValue the value before as text (fen, basis points, image key, title, shop id), or
 *     {@code null} for kinds without values
 * @param newValue the value now as text, or {@code null}
 * @param rankBefore the best position in the earlier sample, or {@code null} when not found there
 * @param rankAfter the best position in the later sample, or {@code null} when not found there
 * @param organicRankBefore the organic rank in the earlier sample, or {@code null}
 * @param organicRankAfter the organic rank in the later sample, or {@code null}
 * @param sponsored whether the listing is a paid placement (now, or before when it left)
 * @param detectedAt when the detection ran
 * @param profile the site profile (surface) of both samples, part of the id
 * @param title the listing's title (now, or before when it left), so reports and dashboards name it
 *     by title rather than by its product id; {@code null} for events stored before it was kept
 */
public record ChangeEvent(
    Instant slot,
    Instant previousSlot,
    String keyword,
    String group,
    String vantage,
    String kind,
    String productId,
    String shopId,
    String shopName,
    String matrixAccount,
    String oldValue,
    String newValue,
    Integer rankBefore,
    Integer rankAfter,
    Integer organicRankBefore,
    Integer organicRankAfter,
    boolean sponsored,
    Instant detectedAt,
    String profile,
    String title) {

  public ChangeEvent {
    Objects.requireNonNull(slot, "slot");
    Objects.requireNonNull(previousSlot, "previousSlot");
    Objects.requireNonNull(keyword, "keyword");
    Objects.requireNonNull(vantage, "vantage");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(productId, "productId");
    ChangeKind.ofCode(kind);
  }

  /** The deterministic document id {@code slot|profile|vantage|keyword|kind|productId}. */
  public String id() {
    return DocumentIds.change(slot, profile, vantage, keyword, kind, productId);
  }

  /** The kind as an enum. */
  public ChangeKind changeKind() {
    return ChangeKind.ofCode(kind);
  }

  /**
   * Positions lost between the two samples (positive = dropped), or {@code null} unless both ranks
   * are known.
   */
  public Integer drop() {
    return rankBefore == null || rankAfter == null ? null : rankAfter - rankBefore;
  }
}
