package com.mallrank.crawler.parse;

import com.mallrank.crawler.profile.FieldName;
import com.mallrank.crawler.profile.FieldRule;
import java.util.EnumMap;
import java.util.Map;

/**
 * Applies the profile's field regexes to the cards of one page, each match bounded by {@link
 * BoundedRegex}. A regex that ran out of steps on one card is not run again on the page's later
 * cards (they get the same refusal), so one page costs at most one budget per field, not one per
 * card. One instance per page; not thread-safe.
 */
final class FieldRegexes {

  private final Map<FieldName, String> exhausted = new EnumMap<>(FieldName.class);

  /** Puts the field's value (its regex group when it has a regex) or its refusal into the card. */
  void put(CardValues card, FieldName name, FieldRule rule, String raw) {
    if (raw == null || rule.regex() == null) {
      card.put(name, raw);
      return;
    }
    String spent = exhausted.get(name);
    if (spent != null) {
      card.refuse(name, spent);
      return;
    }
    try {
      card.put(name, BoundedRegex.group1(rule.regex(), raw));
    } catch (RefusedValueException e) {
      String reason = "fields." + name.key() + ".regex: " + e.reason();
      card.refuse(name, reason);
      if (raw.length() <= BoundedRegex.MAX_INPUT) {
        exhausted.put(name, reason);
      }
    }
  }
}
