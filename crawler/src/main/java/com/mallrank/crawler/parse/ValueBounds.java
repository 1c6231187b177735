package com.mallrank.crawler.parse;

import com.mallrank.crawler.profile.FieldName;
import com.mallrank.crawler.text.ControlCharacters;
import java.math.BigDecimal;

/**
 * The bounds on values read from a page, in one place. Everything a page says is written by third
 * parties: a 12-byte JSON number {@code 1e999999999} becomes a billion-character string when
 * printed plainly, and a price of four million digits pins a core in {@code BigDecimal} arithmetic.
 * Values beyond these bounds are refused ({@link RefusedValueException}) before any {@code
 * BigDecimal} is built from them or printed.
 */
public final class ValueBounds {

  /**
   * The most digits a number may have, in its integer part and in its fraction each, as written
   * plainly. Prices, commissions and numeric ids (Douyin's have 19 digits) all fit.
   */
  public static final int MAX_DIGITS = 30;

  /** The longest product or shop id accepted, in characters. */
  public static final int MAX_ID_LENGTH = 128;

  /**
   * Prices must be below this many yuan: stored in fen as a {@code long}, and no listing costs a
   * trillion yuan.
   */
  public static final BigDecimal MAX_PRICE_YUAN = new BigDecimal("1000000000000");

  /**
   * The largest commission rate accepted, in percent: stored in basis points as an {@code int}. Far
   * above any real rate on purpose: a profile reading basis points as percent (1250 %) must still
   * show its mistake rather than hide it.
   */
  public static final BigDecimal MAX_COMMISSION_PERCENT = new BigDecimal("1000000");

  private ValueBounds() {}

  /**
   * Refuses a normalised price (yuan) or commission rate (percent) that no listing can have and the
   * store cannot hold.
   */
  static BigDecimal checkAmount(FieldName field, BigDecimal value) {
    if (field == FieldName.PRICE && value.compareTo(MAX_PRICE_YUAN) >= 0) {
      throw new RefusedValueException(
          "price of " + MAX_PRICE_YUAN.toPlainString() + " yuan or more");
    }
    if (field == FieldName.COMMISSION && value.compareTo(MAX_COMMISSION_PERCENT) > 0) {
      throw new RefusedValueException(
          "commission over " + MAX_COMMISSION_PERCENT.toPlainString() + " percent");
    }
    return value;
  }

  /**
   * Refuses a number whose plain form would exceed {@link #MAX_DIGITS} digits before or after the
   * point; cheap for any value (reads precision and scale, never prints it).
   */
  static BigDecimal check(BigDecimal value) {
    long integerDigits = (long) value.precision() - value.scale();
    if (value.precision() > MAX_DIGITS) {
      throw new RefusedValueException(
          "number of " + value.precision() + " digits (max " + MAX_DIGITS + ")");
    }
    if (integerDigits > MAX_DIGITS || value.scale() > MAX_DIGITS) {
      throw new RefusedValueException(
          "number with exponent " + (-(long) value.scale()) + " (max ±" + MAX_DIGITS + " digits)");
    }
    return value;
  }

  /**
   * Refuses an id that is not a sane token: longer than {@link #MAX_ID_LENGTH} characters, or
   * holding a control, format or line-separator character (which would corrupt document ids,
   * terminals and CSV files).
   *
   * @param id a stripped, non-blank id
   */
  static String checkId(String id) {
    if (id.length() > MAX_ID_LENGTH) {
      throw new RefusedValueException(id.length() + " characters (max " + MAX_ID_LENGTH + ")");
    }
    for (int i = 0; i < id.length(); i++) {
      if (ControlCharacters.breaksAToken(id.charAt(i))) {
        throw new RefusedValueException(
            String.format("control character U+%04X at index %d", (int) id.charAt(i), i));
      }
    }
    return id;
  }
}
