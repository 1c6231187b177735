package com.mallrank.index.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DocumentIdsTest {

  private static final Instant SLOT = Instant.parse("2026-11-28T14:00:00Z");

  @Test
  void idsAreReadableAndDeterministic() {
    assertThat(DocumentIds.sample(SLOT, "羽绒服女", "anonymous"))
        .isEqualTo("20261128T1400Z|anonymous|羽绒服女");
    assertThat(DocumentIds.listing(SLOT, "羽绒服女", "anonymous", 3))
        .isEqualTo("20261128T1400Z|anonymous|羽绒服女|3");
    assertThat(DocumentIds.listing(SLOT, "羽绒服女", "anonymous", 3))
        .isEqualTo(
            DocumentIds.listing(Instant.parse("2026-11-28T14:00:00Z"), "羽绒服女", "anonymous", 3));
  }

  @Test
  void slotIsFormattedInUtcToTheMinute() {
    assertThat(DocumentIds.sample(Instant.parse("2026-11-28T14:00:59.999Z"), "k", "v"))
        .isEqualTo("20261128T1400Z|v|k");
  }

  @Test
  void differentVantagesAndPositionsGiveDifferentIds() {
    assertThat(DocumentIds.sample(SLOT, "k", "anonymous"))
        .isNotEqualTo(DocumentIds.sample(SLOT, "k", "acct-1"));
    assertThat(DocumentIds.listing(SLOT, "k", "anonymous", 1))
        .isNotEqualTo(DocumentIds.listing(SLOT, "k", "anonymous", 11));
  }

  @Test
  void recordsUseTheSameIds() {
    SampleDocument sample =
        new SampleDocument(
            SLOT, "k", "g", "anonymous", "p", "ok", 1, 1, 200, null, "u", null, SLOT);
    assertThat(sample.id()).isEqualTo(DocumentIds.sample(SLOT, "k", "anonymous"));
    assertThat(sample.producesRanks()).isTrue();
    assertThat(SampleDocument.producesRanks("partial")).isTrue();
    assertThat(SampleDocument.producesRanks("blocked")).isFalse();
    assertThat(SampleDocument.producesRanks("empty")).isFalse();
  }
}
