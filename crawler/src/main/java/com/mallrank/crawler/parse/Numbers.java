package com.mallrank.crawler.parse;

import com.mallrank.crawler.profile.NumberUnit;
import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Exact parsing of the numbers shown on cards.
 *
 * <p>Rules: whitespace (also non-breaking), currency signs and other text are ignored; the
 * thousands separator is removed ({@code ,} by default, {@code .} when the decimal separator is
 * {@code ,}); the <b>first</b> number wins, so a price range {@code ¥59.9-89} or {@code 59.9~89.0}
 * yields its low end {@code 59.9}, which is the price a shopper sees first. Nothing is ever
 * rounded: {@code 299.00} stays {@code 299.00}.
 */
public final class Numbers {

  private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");
  private static final Pattern SPACES = Pattern.compile("[\\s\\u00a0\\u202f]");

  private Numbers() {}

  /**
   * The first number in {@code raw}, exactly, or {@code null} when there is none.
   *
   * @param decimalSeparator {@code '.'} or {@code ','}
   */
  public static BigDecimal parse(String raw, char decimalSeparator) {
    if (raw == null) {
      return null;
    }
    String s = SPACES.matcher(raw).replaceAll("");
    if (decimalSeparator == ',') {
      s = s.replace(".", "").replace(',', '.');
    } else {
      s = s.replace(",", "");
    }
    Matcher m = NUMBER.matcher(s);
    return m.find() ? new BigDecimal(m.group()) : null;
  }

  /** {@link #parse} then converted from {@code unit} (yuan/percent when {@code null}). */
  public static BigDecimal parse(String raw, char decimalSeparator, NumberUnit unit) {
    BigDecimal value = parse(raw, decimalSeparator);
    if (value == null || unit == null) {
      return value;
    }
    return unit.normalise(value);
  }
}
