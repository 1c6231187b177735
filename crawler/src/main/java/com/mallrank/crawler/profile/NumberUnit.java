package com.mallrank.crawler.profile;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The unit a number is written in on the page, and how to convert it to the unit mallrank stores
 * ({@code yuan} for prices, {@code percent} for commission rates).
 */
public enum NumberUnit {
  /** The currency's main unit as shown (yuan, but also euro or dollar on foreign pages). */
  YUAN("yuan", 0),
  /** Hundredths of the main unit (Douyin APIs send prices in fen). */
  FEN("fen", 2),
  /** A percentage, {@code 12.5} = 12.5 %. */
  PERCENT("percent", 0),
  /** Hundredths of a percent, {@code 1250} = 12.5 % (some commission APIs, see douyin-notes). */
  BASIS_POINTS("basis-points", 2);

  private final String key;
  private final int shift;

  NumberUnit(String key, int shift) {
    this.key = key;
    this.shift = shift;
  }

  /** The YAML spelling. */
  public String key() {
    return key;
  }

  /** Converts an exact value in this unit to yuan (prices) or percent (rates). */
  public BigDecimal normalise(BigDecimal value) {
    return value.movePointLeft(shift);
  }

  /** Whether this unit is valid for a field. */
  public boolean appliesTo(FieldName field) {
    return switch (this) {
      case YUAN, FEN -> field == FieldName.PRICE;
      case PERCENT, BASIS_POINTS -> field == FieldName.COMMISSION;
    };
  }

  /** The unit for a YAML spelling, or empty. */
  public static Optional<NumberUnit> fromKey(String key) {
    for (NumberUnit unit : values()) {
      if (unit.key.equals(key)) {
        return Optional.of(unit);
      }
    }
    return Optional.empty();
  }
}
