package com.mallrank.batch.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallrank.batch.schedule.SlotTiming.Outcome;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SlotTimingTest {

  private static final Instant SLOT = Instant.parse("2026-11-28T06:05:00Z");

  @Test
  void startsAreSpreadWithinTheJitterTheSameWayInEveryProcess() {
    Duration jitter = Duration.ofMinutes(3);
    Instant core = SlotTiming.startAt("core", SLOT, jitter);
    Instant burst = SlotTiming.startAt("burst", SLOT, jitter);

    assertThat(core)
        .isBetween(SLOT, SLOT.plus(jitter))
        .isEqualTo(SlotTiming.startAt("core", SLOT, jitter));
    assertThat(burst).isBetween(SLOT, SLOT.plus(jitter)).isNotEqualTo(core);
    assertThat(SlotTiming.startAt("core", SLOT, Duration.ZERO)).isEqualTo(SLOT);
  }

  @Test
  void aSlotIsOnTimeThenLateWithinItsWindowThenMissed() {
    Duration lateAfter = Duration.ofMinutes(10);
    Duration window = Duration.ofMinutes(30);

    assertThat(SlotTiming.judge(SLOT, SLOT.plusSeconds(100), lateAfter, window))
        .isEqualTo(Outcome.ON_TIME);
    assertThat(SlotTiming.judge(SLOT, SLOT.plus(Duration.ofMinutes(20)), lateAfter, window))
        .isEqualTo(Outcome.LATE);
    assertThat(SlotTiming.judge(SLOT, SLOT.plus(Duration.ofMinutes(31)), lateAfter, window))
        .isEqualTo(Outcome.MISSED);
    assertThat(Outcome.ON_TIME.tag()).isEqualTo("on-time");
  }
}
