package com.mallrank.crawler.parse;

import com.mallrank.crawler.profile.FieldName;
import java.util.EnumMap;
import java.util.Map;

/**
 * The raw text of one card's fields as located by a profile, before numbers are parsed. Values are
 * stripped and never blank; an absent field has no entry.
 */
final class CardValues {

  private final Map<FieldName, String> values = new EnumMap<>(FieldName.class);
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

  void sponsored(boolean sponsored) {
    this.sponsored = sponsored;
  }

  boolean sponsored() {
    return sponsored;
  }
}
