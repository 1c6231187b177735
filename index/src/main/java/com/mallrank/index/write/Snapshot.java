package com.mallrank.index.write;

import com.mallrank.index.document.ListingDocument;
import com.mallrank.index.document.SampleDocument;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One sample and the listings it produced, validated to belong together: same slot, keyword and
 * vantage, distinct positions of at least 1, and no listings at all unless the sample {@linkplain
 * SampleDocument#producesRanks() produces ranks}.
 *
 * @param sample the sample
 * @param listings its listings (empty for a blocked, empty, ... sample)
 */
public record Snapshot(SampleDocument sample, List<ListingDocument> listings) {

  public Snapshot {
    Objects.requireNonNull(sample, "sample");
    listings = List.copyOf(Objects.requireNonNull(listings, "listings"));
    if (!listings.isEmpty() && !sample.producesRanks()) {
      throw new IllegalArgumentException(
          "sample "
              + sample.id()
              + " has status '"
              + sample.status()
              + "' and must not carry listings (only ok/partial samples produce ranks), got "
              + listings.size());
    }
    Set<Integer> positions = new HashSet<>();
    for (ListingDocument listing : listings) {
      if (!listing.slot().equals(sample.slot())
          || !listing.keyword().equals(sample.keyword())
          || !listing.vantage().equals(sample.vantage())) {
        throw new IllegalArgumentException(
            "listing " + listing.id() + " does not belong to sample " + sample.id());
      }
      if (listing.position() < 1) {
        throw new IllegalArgumentException(
            "listing " + listing.id() + " has position " + listing.position() + " (1-based)");
      }
      if (!positions.add(listing.position())) {
        throw new IllegalArgumentException(
            "sample " + sample.id() + " has two listings at position " + listing.position());
      }
    }
  }
}
