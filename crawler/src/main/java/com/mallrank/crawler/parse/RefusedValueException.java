package com.mallrank.crawler.parse;

/**
 * A value read from a page was refused because it is out of the bounds mallrank accepts (too many
 * digits, a huge exponent, an id that is not a sane token, a field regex that ran out of steps).
 * The message says why without repeating the value, which may be megabytes long. The extractor
 * leaves the field empty and notes the card, or refuses the ranking when the refused field is the
 * product id.
 */
public final class RefusedValueException extends RuntimeException {

  public RefusedValueException(String reason) {
    super(reason, null, false, false);
  }

  /** Why the value was refused, e.g. {@code 4000000 digits (max 30)}. */
  public String reason() {
    return getMessage();
  }
}
