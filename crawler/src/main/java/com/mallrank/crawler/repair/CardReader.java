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
}
