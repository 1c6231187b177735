package com.mallrank.batch.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SampleSchedulerTest {

  @Test
  void theMissedSlotsOfAGroupAreOneLineWithCountReasonsFirstAndLast() {
    Map<String, Integer> reasons =
        new TreeMap<>(Map.of("never started", 286, "last run FAILED", 1));

    assertThat(
            SampleScheduler.missedSummary(
                "burst",
                287,
                Duration.ofHours(24),
                reasons,
                "2026-11-27 21:10",
                "2026-11-28 21:00"))
        .isEqualTo(
            "group 'burst': 287 slots of the last 24h missed, past their window and not sampled"
                + " (last run FAILED: 1, never started: 286), first 2026-11-27 21:10, last"
                + " 2026-11-28 21:00");
    assertThat(
            SampleScheduler.missedSummary(
                "core",
                1,
                Duration.ofMinutes(90),
                Map.of("never started", 1),
                "2026-11-28 20:05",
                "2026-11-28 20:05"))
        .startsWith("group 'core': 1 slot of the last 90m missed");
  }
}
