package com.mallrank.index.report;

import com.mallrank.index.document.ListingDocument;
import com.mallrank.index.document.SampleDocument;
import java.util.List;
import java.util.Objects;

/**
 * What {@code profile repair} learns a changed layout from, for one keyword and profile: the newest
 * {@code layout_changed} sample whose evidence was kept, and the last sample before it that
 * produced ranks, with its listings (what the old profile read while it still could).
 *
 * @param failed the newest layout_changed sample with kept evidence ({@code evidence_path})
 * @param lastRanked the newest ok/partial sample before it (the same vantage when there is one), or
 *     {@code null} when there is none
 * @param listings the listings of {@code lastRanked}, by position; empty without one
 */
public record RepairEvidence(
    SampleDocument failed, SampleDocument lastRanked, List<ListingDocument> listings) {

  public RepairEvidence {
    Objects.requireNonNull(failed, "failed");
    listings = List.copyOf(listings);
  }
}
