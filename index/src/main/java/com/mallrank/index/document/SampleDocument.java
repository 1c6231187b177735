package com.mallrank.index.document;

import java.time.Instant;
import java.util.Objects;

/**
 * One sample: one fetch of one keyword's results from one vantage in one slot. Stored once per
 * (slot, keyword, vantage); a re-run of the slot overwrites it.
 *
 * @param slot the scheduled time the sample belongs to (identifies the run)
 * @param keyword the tracked keyword
 * @param group the keyword group
 * @param vantage {@code anonymous} or a matrix-account id
 * @param profile the site profile used
 * @param status the sample status code ({@code ok}, {@code partial}, {@code empty}, {@code
 *     blocked}, {@code login_required}, {@code layout_changed}, {@code error})
 * @param resultCount the number of listings extracted
 * @param durationMillis how long fetch and extraction took
 * @param httpStatus the HTTP status, 0 when none
 * @param marker the profile marker that decided the status, or {@code null}
 * @param url the URL loaded
 * @param detail a short explanation, or {@code null}
 * @param sampledAt when the sample was actually taken
 */
public record SampleDocument(
    Instant slot,
    String keyword,
    String group,
    String vantage,
    String profile,
    String status,
    int resultCount,
    long durationMillis,
    int httpStatus,
    String marker,
    String url,
    String detail,
    Instant sampledAt) {

  public SampleDocument {
    Objects.requireNonNull(slot, "slot");
    Objects.requireNonNull(keyword, "keyword");
    Objects.requireNonNull(vantage, "vantage");
    Objects.requireNonNull(status, "status");
  }

  /** The deterministic document id: a re-run of the slot overwrites, never duplicates. */
  public String id() {
    return DocumentIds.sample(slot, keyword, vantage);
  }
}
