package com.mallrank.batch.schedule;

import java.time.Duration;
import java.time.Instant;

/**
 * When a due slot starts and how it is judged, as pure functions: a slot's start is spread over the
 * jitter after its time (the same offset for a group and slot in every process, so two {@code
 * serve} processes race for it and the JobRepository lets one win); a slot started within {@code
 * late-after} is on time, within its window late, after it missed.
 */
public final class SlotTiming {

  /** How a slot is handled when its start comes. */
  public enum Outcome {
    /** Started within late-after of its time. */
    ON_TIME,
    /** Started after late-after but within the group's window: sampled and flagged late. */
    LATE,
    /** Past the window: skipped, reported as missed. */
    MISSED;

    /** The metric tag, e.g. {@code on-time}. */
    public String tag() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }

  private SlotTiming() {}

  /** When the slot of a group should start: its time plus the group's jitter offset. */
  public static Instant startAt(String group, Instant slot, Duration jitter) {
    long span = jitter.toMillis();
    if (span <= 0) {
      return slot;
    }
    long offset = Math.floorMod((group + "|" + slot).hashCode() * 0x9E3779B1L, span);
    return slot.plusMillis(offset);
  }

  /** How a slot started at {@code now} is judged. */
  public static Outcome judge(Instant slot, Instant now, Duration lateAfter, Duration window) {
    Duration lateness = Duration.between(slot, now);
    if (lateness.compareTo(window) > 0) {
      return Outcome.MISSED;
    }
    return lateness.compareTo(lateAfter) > 0 ? Outcome.LATE : Outcome.ON_TIME;
  }
}
