package com.mallrank.index.document;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One sample: one fetch of one keyword's results from one vantage on one surface (profile) in one
 * slot. Stored once per (slot, profile, vantage, keyword); a re-run of the slot overwrites it,
 * another profile never does. Groups of the same profile that share the keyword and vantage share
 * the fetch: {@code group} lists every group it served.
 *
 * @param slot the scheduled time the sample belongs to (identifies the run)
 * @param keyword the tracked keyword
 * @param group the keyword groups this sample served, {@code null} for none (stored as a JSON
 *     array; documents written before it was one hold a single string, read as a one-element list)
 * @param vantage {@code anonymous} or a matrix-account id
 * @param profile the site profile used
 * @param status the sample status code ({@code ok}, {@code partial}, {@code empty}, {@code
 *     blocked}, {@code login_required}, {@code layout_changed}, {@code error}, {@code skipped}: not
 *     fetched on purpose, the reason in {@code marker})
 * @param resultCount the number of listings extracted
 * @param durationMillis how long fetch and extraction took
 * @param httpStatus the HTTP status, 0 when none
 * @param marker the profile marker that decided the status, or {@code null}
 * @param url the URL loaded
 * @param detail a short explanation, or {@code null}
 * @param sampledAt when the sample was actually taken
 * @param evidencePath where what the tracker saw is kept (body, screenshot), for a sample without
 *     ranks; {@code null} when none was kept (or for ok/partial samples)
 */
public record SampleDocument(
    Instant slot,
    String keyword,
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> group,
    String vantage,
    String profile,
    String status,
    int resultCount,
    long durationMillis,
    int httpStatus,
    String marker,
    String url,
    String detail,
    Instant sampledAt,
    String evidencePath) {

  public SampleDocument {
    Objects.requireNonNull(slot, "slot");
    Objects.requireNonNull(keyword, "keyword");
    Objects.requireNonNull(vantage, "vantage");
    Objects.requireNonNull(status, "status");
    group = group == null || group.isEmpty() ? null : List.copyOf(group);
  }

  /** This sample, with the path of its kept evidence. */
  public SampleDocument withEvidencePath(String path) {
    return copy(group, profile, path);
  }

  /** This sample as taken on another site profile (surface): a sample of its own, another id. */
  public SampleDocument withProfile(String surface) {
    return copy(group, surface, evidencePath);
  }

  /** The first group this sample served (the one whose job fetched it), or {@code null}. */
  public String firstGroup() {
    return group == null ? null : group.get(0);
  }

  /** This sample, also serving {@code another} group (unchanged when it already does). */
  public SampleDocument servingAlso(String another) {
    if (group != null && group.contains(another)) {
      return this;
    }
    List<String> groups = group == null ? new ArrayList<>() : new ArrayList<>(group);
    groups.add(another);
    return copy(groups, profile, evidencePath);
  }

  /** This sample with other groups, profile and evidence path; the rest as it is. */
  private SampleDocument copy(List<String> groups, String surface, String path) {
    return new SampleDocument(
        slot,
        keyword,
        groups,
        vantage,
        surface,
        status,
        resultCount,
        durationMillis,
        httpStatus,
        marker,
        url,
        detail,
        sampledAt,
        path);
  }

  /**
   * Whether this sample may produce ranks, movements and change events ({@link
   * SampleStatus#producesRanks}: only {@code ok} and {@code partial} do).
   */
  public boolean producesRanks() {
    return SampleStatus.producesRanks(status);
  }

  /** The deterministic document id: a re-run of the slot overwrites, never duplicates. */
  public String id() {
    return DocumentIds.sample(slot, profile, keyword, vantage);
  }
}
