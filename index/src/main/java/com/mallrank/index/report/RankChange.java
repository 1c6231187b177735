package com.mallrank.index.report;

/**
 * A listing that moved within, entered or left the Top-N between two slots.
 *
 * @param kind what happened
 * @param productId the product
 * @param matrixAccount the owning matrix account, {@code null} for a competitor
 * @param title the title (from the later slot when present there)
 * @param shopName the shop name (from the later slot when present there), or {@code null}
 * @param positionBefore the position in the earlier slot, {@code null} when not in its Top-N
 * @param positionAfter the position in the later slot, {@code null} when not in its Top-N
 */
public record RankChange(
    Kind kind,
    String productId,
    String matrixAccount,
    String title,
    String shopName,
    Integer positionBefore,
    Integer positionAfter) {

  /** What happened to the listing. */
  public enum Kind {
    /** In the Top-N of both slots, at another position. */
    MOVED,
    /** Only in the later slot's Top-N. */
    ENTERED,
    /** Only in the earlier slot's Top-N. */
    LEFT
  }

  /** Positions gained (positive = moved up), or {@code null} unless {@link Kind#MOVED}. */
  public Integer gain() {
    return kind == Kind.MOVED ? positionBefore - positionAfter : null;
  }

  /** Whether the listing belongs to a matrix account. */
  public boolean own() {
    return matrixAccount != null;
  }
}
