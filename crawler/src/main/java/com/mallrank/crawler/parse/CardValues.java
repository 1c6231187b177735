package com.mallrank.crawler.parse;

import com.mallrank.crawler.profile.FieldName;
import com.mallrank.crawler.text.ControlCharacters;
import java.util.EnumMap;
import java.util.Map;

/**
 * The raw text of one card's fields as located by a profile, before numbers are parsed. Values are
 * stripped and never blank; an absent field has no entry. A field whose value was refused (out of
 * {@link ValueBounds}, or its regex out of steps) has no value but a reason, so the card can be
 * noted instead of the value vanishing silently. Control characters (C0, DEL, C1) and bidirectional
 * overrides are removed (line breaks and tabs become spaces): a title carrying {@code ESC [2J} or a
 * right-to-left override is stored clean, so no reader of the data meets them.
 */
final class CardValues {

  private final Map<FieldName, String> values = new EnumMap<>(FieldName.class);
  private final Map<FieldName, String> refused = new EnumMap<>(FieldName.class);
  private boolean sponsored;

  void put(FieldName name, String value) {
    if (value != null) {
      // Ids are kept as the page wrote them, so a control character in one is refused (ValueBounds)
      // rather than silently making a different id.
      boolean id = name == FieldName.PRODUCT_ID || name == FieldName.SHOP_ID;
      String stripped = (id ? value : clean(value)).strip();
      if (!stripped.isEmpty()) {
        values.put(name, stripped);
      }
    }
  }

  /** The text without control characters; whitespace controls become a space. */
  static String clean(String value) {
    StringBuilder out = null;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean control = ControlCharacters.isControl(c) || ControlCharacters.isBidiControl(c);
      if (control && out == null) {
        out = new StringBuilder(value.length()).append(value, 0, i);
      }
      if (out != null) {
        if (!control) {
          out.append(c);
        } else if (c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B || c == 0x85) {
          out.append(' ');
        }
      }
    }
    return out == null ? value : out.toString();
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
