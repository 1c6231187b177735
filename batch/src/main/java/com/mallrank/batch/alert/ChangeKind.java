package com.mallrank.batch.alert;

import java.util.Locale;

/** The kinds of change event, as the index writes them ({@code price}, {@code left_top20}, ...). */
public enum ChangeKind {
  PRICE,
  COMMISSION,
  MAIN_IMAGE,
  TITLE,
  SHOP,
  ENTERED_TOP20,
  LEFT_TOP20,
  NEW_SHOP,
  OWN_MOVED;

  /** The code stored in the index. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The kind of a stored code. */
  public static ChangeKind ofCode(String code) {
    return valueOf(code.toUpperCase(Locale.ROOT));
  }
}
