package com.mallrank.crawler.model;

import java.util.List;
import java.util.Objects;

/**
 * What one sample produced: a status, the listings in page order, and the evidence for the status.
 * Listings are present only when {@link SampleStatus#producesRanks()} holds.
 */
public record ResultPage(SampleStatus status, List<Listing> listings, Evidence evidence) {

  public ResultPage {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(evidence, "evidence");
    listings = List.copyOf(listings);
    if (!status.producesRanks() && !listings.isEmpty()) {
      throw new IllegalArgumentException("a " + status.code() + " page carries no listings");
    }
  }

  /** A page without listings, for every status that produces no ranks. */
  public static ResultPage without(SampleStatus status, Evidence evidence) {
    return new ResultPage(status, List.of(), evidence);
  }

  /** An {@code error} page: no listings, no marker, why in the detail. */
  public static ResultPage error(String url, int httpStatus, String detail) {
    return without(SampleStatus.ERROR, new Evidence(url, httpStatus, null, detail));
  }
}
