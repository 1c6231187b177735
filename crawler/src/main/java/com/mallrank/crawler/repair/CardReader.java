package com.mallrank.crawler.repair;

import com.mallrank.crawler.profile.FieldName;
import com.mallrank.crawler.profile.FieldRule;
import com.mallrank.crawler.profile.SponsoredRule;

/**
 * Reads one card of the new page with a candidate rule, the way the extractor will (see {@link
 * com.mallrank.crawler.parse.CardReading}); numbers come back normalised (yuan, percent).
 */
interface CardReader<C> {

  /** The value as stored, or {@code null}. */
  String read(C card, FieldName field, FieldRule rule);

  /** Whether the rule marks the card sponsored. */
  boolean sponsored(C card, SponsoredRule rule);

  /**
   * A value as stored: numbers in yuan or percent (plain), texts as they are; {@code null} stays.
   */
  static String stored(FieldName field, FieldRule rule, String value) {
    if (value == null || !KnownValues.numeric(field)) {
      return value;
    }
    java.math.BigDecimal number = com.mallrank.crawler.parse.CardReading.number(field, rule, value);
    return number == null ? null : number.toPlainString();
  }
}
