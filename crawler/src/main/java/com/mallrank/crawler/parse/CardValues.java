package com.mallrank.crawler.parse;

import com.mallrank.crawler.profile.FieldName;
import java.util.EnumMap;
import java.util.Map;

/**
 * The raw text of one card's fields as located by a profile, before numbers are parsed. Values are
 * stripped and never blank; an absent field has no entry. A field whose value was refused (out of
 * {@link ValueBounds}, or its regex out of steps) has no value but a reason, so the card can be
 * noted instead of the value vanishing silently.
 */
final class CardValues {

  private final Map<FieldName, String> values = new EnumMap<>(FieldName.class);
  private final Map<FieldName, String> refused = new EnumMap<>(FieldName.class);
  private boolean sponsored;

  void put(FieldName name, String value) {
    if (value != null) {
      String stripped = value.strip();
      if (!stripped.isEmpty()) {
        values.put(name, stripped);
      }
    }
  }

  /** The value, or {@code null}. */
  String get(FieldName name) {
    return values.get(name);
  }

  /** Drops the field's value and records why. */
  void refuse(FieldName name, String reason) {
    values.remove(name);
    refused.put(name, reason);
  }

  /** Why the field's value was refused, or {@code null} when it was not. */
  String refusal(FieldName name) {
    return refused.get(name);
  }

  /** Every refused field and why, in field order. */
  Map<FieldName, String> refusals() {
    return refused;
  }

  void sponsored(boolean sponsored) {
    this.sponsored = sponsored;
  }

  boolean sponsored() {
    return sponsored;
  }
}
