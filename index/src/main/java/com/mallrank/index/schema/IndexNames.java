package com.mallrank.index.schema;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Every index, alias and template name for one prefix. Reads go through the aliases {@code
 * {prefix}-listings} and {@code {prefix}-samples}; writes go to the concrete monthly index of the
 * document's slot (UTC), e.g. {@code {prefix}-listings-2026.11}, so a re-run of a slot lands in the
 * same index under the same id. Change events follow the same scheme ({@code {prefix}-changes},
 * monthly {@code {prefix}-changes-yyyy.MM}); daily summaries written by retention live in yearly
 * {@code {prefix}-daily-yyyy} indices read through {@code {prefix}-daily}; the scheduler's slot
 * outcomes (on time, late, missed) in yearly {@code {prefix}-slots-yyyy} read through {@code
 * {prefix}-slots}.
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
  private static final DateTimeFormatter YEAR =
      DateTimeFormatter.ofPattern("yyyy").withZone(ZoneOffset.UTC);

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

  /**
   * The concrete sample indices of every month (UTC) from {@code from}'s to {@code to}'s, both
   * included: where the samples of slots in [from, to] can be. A search of these, not of the alias,
   * is not answered by a later month's index (one being created ahead of its month has a shard that
   * may still be starting).
   */
  public List<String> samplesIndices(Instant from, Instant to) {
    return monthly(from, to, this::samplesIndex);
  }

  /** The concrete listing indices of every month from {@code from}'s to {@code to}'s. */
  public List<String> listingsIndices(Instant from, Instant to) {
    return monthly(from, to, this::listingsIndex);
  }

  private static List<String> monthly(Instant from, Instant to, Function<Instant, String> index) {
    if (from.isAfter(to)) {
      throw new IllegalArgumentException("from " + from + " is after to " + to);
    }
    YearMonth last = YearMonth.from(to.atOffset(ZoneOffset.UTC));
    List<String> indices = new ArrayList<>();
    for (YearMonth month = YearMonth.from(from.atOffset(ZoneOffset.UTC));
        !month.isAfter(last);
        month = month.plusMonths(1)) {
      indices.add(index.apply(month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
    }
    return indices;
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

  /** The read alias over all change-event indices. */
  public String changesAlias() {
    return prefix + "-changes";
  }

  /** The concrete change-event index for the month (UTC) of the slot the event was detected in. */
  public String changesIndex(Instant slot) {
    return changesAlias() + "-" + MONTH.format(slot);
  }

  /** The pattern the changes template matches. */
  public String changesPattern() {
    return changesAlias() + "-*";
  }

  /** The changes index template name. */
  public String changesTemplate() {
    return changesAlias();
  }

  /** The read alias over all daily-summary indices. */
  public String dailyAlias() {
    return prefix + "-daily";
  }

  /** The concrete daily-summary index for the day's year. */
  public String dailyIndex(LocalDate day) {
    return dailyAlias() + "-" + YEAR.format(day.atStartOfDay(ZoneOffset.UTC));
  }

  /** The pattern the daily template matches. */
  public String dailyPattern() {
    return dailyAlias() + "-*";
  }

  /** The daily index template name. */
  public String dailyTemplate() {
    return dailyAlias();
  }

  /** The read alias over all slot-outcome indices. */
  public String slotsAlias() {
    return prefix + "-slots";
  }

  /** The concrete slot-outcome index for the slot's year (UTC). */
  public String slotsIndex(Instant slot) {
    return slotsAlias() + "-" + YEAR.format(slot);
  }

  /** The pattern the slots template matches. */
  public String slotsPattern() {
    return slotsAlias() + "-*";
  }

  /** The slots index template name. */
  public String slotsTemplate() {
    return slotsAlias();
  }

  /**
   * The month (UTC) a concrete monthly listings index holds, or {@code null} when the name is not
   * one of this prefix's listing indices.
   */
  public YearMonth listingsIndexMonth(String index) {
    String head = listingsAlias() + "-";
    if (!index.startsWith(head)) {
      return null;
    }
    String month = index.substring(head.length());
    if (!month.matches("\\d{4}\\.\\d{2}")) {
      return null;
    }
    return YearMonth.of(
        Integer.parseInt(month.substring(0, 4)), Integer.parseInt(month.substring(5)));
  }
}
