package com.mallrank.index.document;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A card's sales label as a number, so sales can be charted: the first number of the label with its
 * Chinese or Latin unit, as its lower bound ({@code 已售1.2万} → 12000, {@code 已售10万+} → 100000,
 * {@code 月销3000+} → 3000, {@code 已拼578件} → 578, {@code 已售1.5k} → 1500). A label without a number
 * ({@code 已售}, {@code 热卖中}) has none. Page text is hostile: at most 12 digits before the point and
 * 4 after are read, anything longer is no number.
 */
public final class SalesCounts {

  private static final Pattern NUMBER =
      Pattern.compile("(?<![0-9.])([0-9]{1,12})(?:\\.([0-9]{1,4}))?(?![0-9.])\\s*([万wW千kK亿]?)");

  private SalesCounts() {}

  /** The label's count, or {@code null} when it holds no number. */
  public static Long count(String label) {
    if (label == null || label.length() > 200) {
      return null;
    }
    Matcher m = NUMBER.matcher(label);
    if (!m.find()) {
      return null;
    }
    BigDecimal value = new BigDecimal(m.group(1) + (m.group(2) == null ? "" : "." + m.group(2)));
    long unit =
        switch (m.group(3)) {
          case "万", "w", "W" -> 10_000L;
          case "千", "k", "K" -> 1_000L;
          case "亿" -> 100_000_000L;
          default -> 1L;
        };
    return value.multiply(BigDecimal.valueOf(unit)).setScale(0, RoundingMode.DOWN).longValueExact();
  }
}
