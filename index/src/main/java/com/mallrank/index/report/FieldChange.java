package com.mallrank.index.report;

/**
 * A competitor listing, in the Top-N of both slots, whose price, commission, main image or title
 * changed. A value missing on either side (not extracted) is not reported as a change.
 *
 * @param field what changed
 * @param productId the product
 * @param shopName the shop name (later slot), or {@code null}
 * @param title the title (later slot), how reports name the listing
 * @param oldValue the value in the earlier slot (fen, basis points, image key or title as text)
 * @param newValue the value in the later slot
 * @param positionBefore the position in the earlier slot
 * @param positionAfter the position in the later slot
 */
public record FieldChange(
    Field field,
    String productId,
    String shopName,
    String title,
    String oldValue,
    String newValue,
    int positionBefore,
    int positionAfter) {

  /** The compared fields, named as in the index. */
  public enum Field {
    PRICE_FEN,
    COMMISSION_BP,
    IMAGE_KEY,
    TITLE
  }
}
