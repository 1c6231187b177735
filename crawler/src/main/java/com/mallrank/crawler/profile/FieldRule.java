package com.mallrank.crawler.profile;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How to read one field of a card.
 *
 * @param locator where the value is, relative to the card (empty = the card itself)
 * @param attributes HTML only: attributes to read, first non-blank wins (e.g. {@code
 *     [data-lazy-img, src]}); empty = the element's text. Ignored for JSON.
 * @param regex a pattern with exactly one group applied to the raw text; the group is the value.
 *     {@code null} = the whole text. No match = no value.
 * @param unit for {@code price} and {@code commission}: the unit on the page; {@code null} for
 *     other fields (prices default to {@link NumberUnit#YUAN}, rates to {@link NumberUnit#PERCENT})
 * @param decimalSeparator {@code '.'} (default) or {@code ','} for pages that write {@code 17,04}
 */
public record FieldRule(
    Locator locator,
    List<String> attributes,
    Pattern regex,
    NumberUnit unit,
    char decimalSeparator) {

  public FieldRule {
    Objects.requireNonNull(locator, "locator");
    attributes = List.copyOf(attributes);
    if (decimalSeparator != '.' && decimalSeparator != ',') {
      throw new IllegalArgumentException("decimal separator must be '.' or ','");
    }
  }
}
