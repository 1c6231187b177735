package com.mallrank.crawler.model;

import java.util.Locale;

/**
 * What became of one sample. Only {@link #OK} and {@link #PARTIAL} samples may produce ranks,
 * movements or change events: a blocked, empty, broken or skipped sample never means "my listing
 * left the Top-20".
 */
public enum SampleStatus {
  /** The page loaded and every requested card was extracted. */
  OK,
  /**
   * The page loaded and listings were extracted, but fewer than requested (the results ended
   * early).
   */
  PARTIAL,
  /** The page says there are no results for the keyword. */
  EMPTY,
  /** A captcha, 风控 or verification page was served instead of results. */
  BLOCKED,
  /** A login wall was served instead of results. */
  LOGIN_REQUIRED,
  /** The page loaded but the profile's selectors matched nothing where cards were expected. */
  LAYOUT_CHANGED,
  /** Network, HTTP or size failure: nothing usable was received. */
  ERROR,
  /**
   * Not fetched on purpose: the identity needs a new login, rests after a captcha, or has no budget
   * left; the reason is the evidence's marker ({@link SkipReason}). Reports show it as "not
   * sampled", never as a drop.
   */
  SKIPPED;

  /** Whether a sample with this status may produce ranks and change events. */
  public boolean producesRanks() {
    return this == OK || this == PARTIAL;
  }

  /**
   * The stable lower-case code stored in Elasticsearch and shown in reports, e.g. {@code
   * login_required}.
   */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a {@link #code()} (case-insensitive, {@code -} or {@code _}). */
  public static SampleStatus fromCode(String code) {
    return valueOf(code.trim().replace('-', '_').toUpperCase(Locale.ROOT));
  }
}
