package com.mallrank.index.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallrank.index.testing.Fixtures;
import com.mallrank.index.testing.LocalElasticsearchTest;
import com.mallrank.index.testing.TestIndices;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@LocalElasticsearchTest
class SampleCountsIT {

  private static final Instant SLOT = Instant.parse("2026-11-28T14:00:00Z");
  private static final Instant LATER = SLOT.plusSeconds(3600);

  @Test
  void nothingWrittenHasNoLatestSlotAndNoCounts(TestIndices es) {
    es.bootstrap();
    Reports counts = new Reports(es.client(), es.names());

    assertThat(counts.latestSlot()).isEmpty();
    assertThat(counts.counts(SLOT).samplesByStatus()).isEmpty();
    assertThat(counts.counts(SLOT).samples()).isZero();
  }

  @Test
  void countsSamplesByStatusPerSlotAndFindsTheLatestSlot(TestIndices es) {
    es.bootstrap();
    String anon = Fixtures.ANONYMOUS;
    es.writer()
        .writeAll(
            List.of(
                Fixtures.snapshot(SLOT, "a", anon, "ok", 3),
                Fixtures.snapshot(SLOT, "b", anon, "ok", 2),
                Fixtures.snapshot(SLOT, "c", anon, "blocked", 0),
                Fixtures.snapshot(LATER, "a", anon, "error", 0)));
    Reports counts = new Reports(es.client(), es.names());

    assertThat(counts.latestSlot()).contains(LATER);
    assertThat(counts.counts(SLOT).samplesByStatus()).isEqualTo(Map.of("ok", 2L, "blocked", 1L));
    assertThat(counts.counts(LATER).samplesByStatus()).isEqualTo(Map.of("error", 1L));
    assertThat(counts.counts(SLOT).samples()).isEqualTo(3);
    assertThat(counts.counts(SLOT).listings()).isEqualTo(5);
  }
}
