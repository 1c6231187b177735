package com.mallrank.crawler.parse;

import com.mallrank.crawler.profile.NumberUnit;
import java.math.BigDecimal;

/**
 * Exact parsing of the numbers shown on cards.
 *
 * <p>Rules: whitespace (also non-breaking), currency signs and other text are ignored; the
 * thousands separator is removed ({@code ,} by default, {@code .} when the decimal separator is
 * {@code ,}); the <b>first</b> number wins, so a price range {@code ¥59.9-89} or {@code 59.9~89.0}
 * yields its low end {@code 59.9}, which is the price a shopper sees first. Nothing is ever
 * rounded: {@code 299.00} stays {@code 299.00}.
 *
 * <p>Bounds: a number with more than {@link ValueBounds#MAX_DIGITS} digits before or after the
 * point, or written with an exponent ({@code 1e999999999}), is refused with a {@link
 * RefusedValueException} before any {@code BigDecimal} is built; one linear pass over the text,
 * however long it is.
 */
public final class Numbers {

  private Numbers() {}

  /**
   * The first number in {@code raw}, exactly, or {@code null} when there is none.
   *
   * @param decimalSeparator {@code '.'} or {@code ','}
   * @throws RefusedValueException when the first number is out of bounds
   */
  public static BigDecimal parse(String raw, char decimalSeparator) {
    if (raw == null) {
      return null;
    }
    char thousands = decimalSeparator == ',' ? '.' : ',';
    int n = raw.length();
    int i = 0;
    while (i < n && !digit(raw.charAt(i))) {
      i++;
    }
    if (i == n) {
      return null;
    }
    StringBuilder number = new StringBuilder(ValueBounds.MAX_DIGITS * 2 + 1);
    long integerDigits = 0;
    long fractionDigits = 0;
    boolean fraction = false;
    for (; i < n; i++) {
      char c = raw.charAt(i);
      if (digit(c)) {
        if (fraction) {
          fractionDigits++;
        } else {
          integerDigits++;
        }
        if (integerDigits <= ValueBounds.MAX_DIGITS && fractionDigits <= ValueBounds.MAX_DIGITS) {
          number.append(c);
        }
      } else if (ignorable(c, thousands)) {
        continue;
      } else if (c == decimalSeparator && !fraction && digit(next(raw, i + 1, thousands))) {
        fraction = true;
        number.append('.');
      } else {
        break;
      }
    }
    if (exponentAt(raw, i, thousands)) {
      throw new RefusedValueException("number written with an exponent (e.g. 1e999999999)");
    }
    if (integerDigits > ValueBounds.MAX_DIGITS || fractionDigits > ValueBounds.MAX_DIGITS) {
      throw new RefusedValueException(
          (integerDigits + fractionDigits) + " digits (max " + ValueBounds.MAX_DIGITS + ")");
    }
    return new BigDecimal(number.toString());
  }

  /**
   * {@link #parse} then converted from {@code unit} (yuan/percent when {@code null}).
   *
   * @throws RefusedValueException when the first number is out of bounds
   */
  public static BigDecimal parse(String raw, char decimalSeparator, NumberUnit unit) {
    BigDecimal value = parse(raw, decimalSeparator);
    if (value == null || unit == null) {
      return value;
    }
    return unit.normalise(value);
  }

  private static boolean digit(char c) {
    return c >= '0' && c <= '9';
  }

  /** Whitespace (also non-breaking) and the thousands separator, which never end a number. */
  private static boolean ignorable(char c, char thousands) {
    return c == thousands
        || c == ' '
        || c == '\t'
        || c == '\n'
        || c == '\u000b'
        || c == '\f'
        || c == '\r'
        || c == '\u00a0'
        || c == '\u202f';
  }

  /** The next character from {@code i} on that is not ignorable, or {@code 0}. */
  private static char next(String raw, int i, char thousands) {
    while (i < raw.length() && ignorable(raw.charAt(i), thousands)) {
      i++;
    }
    return i < raw.length() ? raw.charAt(i) : 0;
  }

  /** Whether an exponent ({@code e5}, {@code E+5}, {@code e-5}) follows the number at {@code i}. */
  private static boolean exponentAt(String raw, int i, char thousands) {
    if (i >= raw.length() || (raw.charAt(i) != 'e' && raw.charAt(i) != 'E')) {
      return false;
    }
    int j = i + 1;
    if (j < raw.length() && (raw.charAt(j) == '+' || raw.charAt(j) == '-')) {
      j++;
    }
    return digit(next(raw, j, thousands));
  }
}
