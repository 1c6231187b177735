package com.mallrank.index.document;

import java.util.Locale;

/** What a {@link ChangeEvent} reports; stored as its lower-case {@link #code()}. */
public enum ChangeKind {
  /** A competitor's price changed ({@code price_fen}). */
  PRICE,
  /** A competitor's commission rate changed ({@code commission_bp}). */
  COMMISSION,
  /** A competitor's main picture changed (image key, and perceptual hash when both have one). */
  MAIN_IMAGE,
  /** A competitor's title changed. */
  TITLE,
  /** A competitor product is now sold by another shop ({@code shop_id}). */
  SHOP,
  /** A competitor product entered the organic Top-20. */
  ENTERED_TOP20,
  /** A competitor product left the organic Top-20. */
  LEFT_TOP20,
  /** A competitor shop appeared in the keyword's results for the first time in the lookback. */
  NEW_SHOP,
  /** A matrix-account listing moved, entered or left the Top-20. */
  OWN_MOVED;

  /** The stored code, e.g. {@code main_image}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The kind of a stored code. */
  public static ChangeKind ofCode(String code) {
    return valueOf(code.toUpperCase(Locale.ROOT));
  }

  /** Whether this kind describes a competitor (everything but {@link #OWN_MOVED}). */
  public boolean competitor() {
    return this != OWN_MOVED;
  }
}
