package com.mallrank.index.schema;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Every index, alias and template name for one prefix. Reads go through the aliases {@code
 * {prefix}-listings} and {@code {prefix}-samples}; writes go to the concrete monthly index of the
 * document's slot (UTC), e.g. {@code {prefix}-listings-2026.11}, so a re-run of a slot lands in the
 * same index under the same id.
 *
 * @param prefix lowercase letters, digits, {@code -}, {@code _} or {@code .}, starting with a
 *     letter or digit, at most 100 characters
 */
public record IndexNames(String prefix) {

  /** The production prefix. */
  public static final String DEFAULT_PREFIX = "mallrank";

  private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");
  private static final DateTimeFormatter MONTH =
      DateTimeFormatter.ofPattern("yyyy.MM").withZone(ZoneOffset.UTC);

  public IndexNames {
    Objects.requireNonNull(prefix, "index prefix");
    if (!VALID.matcher(prefix).matches()) {
      throw new IllegalArgumentException(
          "Invalid index prefix '"
              + prefix
              + "': use 1-100 lowercase letters, digits, '-', '_' or '.', starting with a letter"
              + " or digit (no spaces, no uppercase)");
    }
  }

  /** Names for the production prefix {@value #DEFAULT_PREFIX}. */
  public static IndexNames defaults() {
    return new IndexNames(DEFAULT_PREFIX);
  }

  /** The read alias over all listing indices. */
  public String listingsAlias() {
    return prefix + "-listings";
  }

  /** The read alias over all sample indices. */
  public String samplesAlias() {
    return prefix + "-samples";
  }

  /** The concrete listing index for the slot's month (UTC). */
  public String listingsIndex(Instant slot) {
    return listingsAlias() + "-" + MONTH.format(slot);
  }

  /** The concrete sample index for the slot's month (UTC). */
  public String samplesIndex(Instant slot) {
    return samplesAlias() + "-" + MONTH.format(slot);
  }

  /** The pattern the listings template matches. */
  public String listingsPattern() {
    return listingsAlias() + "-*";
  }

  /** The pattern the samples template matches. */
  public String samplesPattern() {
    return samplesAlias() + "-*";
  }

  /** The listings index template name. */
  public String listingsTemplate() {
    return listingsAlias();
  }

  /** The samples index template name. */
  public String samplesTemplate() {
    return samplesAlias();
  }

  /** A pattern matching every index of this prefix. */
  public String allIndicesPattern() {
    return prefix + "-*";
  }
}
