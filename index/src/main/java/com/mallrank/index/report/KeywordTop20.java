package com.mallrank.index.report;

import com.mallrank.index.document.ListingDocument;
import com.mallrank.index.document.SampleDocument;
import java.util.List;

/**
 * One keyword's Top-20 in one slot from one vantage. Listings are present only when the sample
 * produced ranks (ok/partial); otherwise the status says why there are none, and there are none.
 *
 * @param keyword the keyword
 * @param status the sample status code, or {@value #STATUS_MISSING} when no sample exists
 * @param sample the sample, or {@code null} when missing
 * @param listings the listings at positions 1..20 ordered by position; empty unless the sample
 *     produced ranks (a partial sample may have fewer than 20)
 */
public record KeywordTop20(
    String keyword, String status, SampleDocument sample, List<ListingDocument> listings) {

  /** The status of a keyword that has no sample in the slot. */
  public static final String STATUS_MISSING = "missing";

  public KeywordTop20 {
    listings = List.copyOf(listings);
  }

  /** Whether this keyword has ranks for the slot (its sample was ok or partial). */
  public boolean ranked() {
    return sample != null && sample.producesRanks();
  }
}
