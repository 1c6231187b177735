package com.mallrank.index.write;

import com.mallrank.index.document.ListingDocument;
import com.mallrank.index.document.SampleDocument;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One sample and the listings it produced, validated to belong together: same slot, profile,
 * keyword and vantage (a listing without a profile gets the sample's), distinct positions of at
 * least 1, and no listings at all unless the sample {@linkplain SampleDocument#producesRanks()
 * produces ranks}.
 *
 * @param sample the sample
 * @param listings its listings (empty for a blocked, empty, ... sample)
 * @param served whether this is an already stored sample that serves one more group (same profile,
 *     keyword and vantage in the same slot): only the sample document (its group list) is
 *     rewritten, its stored listings stay as they are
 */
public record Snapshot(SampleDocument sample, List<ListingDocument> listings, boolean served) {

  /** A freshly taken sample and its listings. */
  public Snapshot(SampleDocument sample, List<ListingDocument> listings) {
    this(sample, listings, false);
  }

  /**
   * A stored sample that one more group's slot is served by (no second fetch): {@code sample} is
   * the stored one with the group added.
   */
  public static Snapshot served(SampleDocument sample) {
    return new Snapshot(sample, List.of(), true);
  }

  public Snapshot {
    Objects.requireNonNull(sample, "sample");
    Objects.requireNonNull(
        sample.profile(), "sample profile (the surface is part of a sample's identity)");
    listings =
        Objects.requireNonNull(listings, "listings").stream()
            .map(l -> l.profile() == null ? l.withProfile(sample.profile()) : l)
            .toList();
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
          || !listing.vantage().equals(sample.vantage())
          || !listing.profile().equals(sample.profile())) {
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
