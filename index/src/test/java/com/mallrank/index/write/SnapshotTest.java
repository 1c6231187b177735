package com.mallrank.index.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mallrank.index.testing.Fixtures;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnapshotTest {

  private static final Instant SLOT = Instant.parse("2026-11-28T14:00:00Z");

  @Test
  void acceptsAnOkSampleWithItsListings() {
    Snapshot snapshot = Fixtures.snapshot(SLOT, "k", "anonymous", "ok", 3);

    assertThat(snapshot.listings()).hasSize(3);
  }

  @Test
  void aSampleThatProducesNoRanksCarriesNoListings() {
    assertThatThrownBy(
            () ->
                new Snapshot(
                    Fixtures.sample(SLOT, "k", "anonymous", "blocked", 0),
                    Fixtures.listings(SLOT, "k", "anonymous", 1)))
        .hasMessageContaining("status 'blocked'");
  }

  @Test
  void listingsMustBelongToTheSampleAtDistinctPositions() {
    var sample = Fixtures.sample(SLOT, "k", "anonymous", "ok", 2);
    assertThatThrownBy(() -> new Snapshot(sample, Fixtures.listings(SLOT, "other", "anonymous", 1)))
        .hasMessageContaining("does not belong");
    assertThatThrownBy(
            () ->
                new Snapshot(
                    sample,
                    List.of(
                        Fixtures.listing(SLOT, "k", "anonymous", 1).build(),
                        Fixtures.listing(SLOT, "k", "anonymous", 1).productId("x").build())))
        .hasMessageContaining("two listings at position 1");
    assertThatThrownBy(
            () ->
                new Snapshot(sample, List.of(Fixtures.listing(SLOT, "k", "anonymous", 0).build())))
        .hasMessageContaining("1-based");
  }
}
