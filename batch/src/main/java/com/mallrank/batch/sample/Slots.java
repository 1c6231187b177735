package com.mallrank.batch.sample;

import com.mallrank.batch.plan.Cadence;
import com.mallrank.batch.text.Formats;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Slots as people write them. A slot is the scheduled time a sample belongs to (14:00 for the
 * 14:00-14:59 ranking race); it identifies a run.
 */
public final class Slots {

  private Slots() {}

  /**
   * Reads a slot: {@code 2026-11-28T14:00} (local time in {@code zone}), an offset or UTC instant
   * ({@code 2026-11-28T06:00:00Z}), or {@code now} (the current hour). Seconds are dropped.
   *
   * @throws IllegalArgumentException naming the accepted forms
   */
  public static Instant parse(String text, ZoneId zone, Clock clock) {
    String value = text.strip();
    if (value.equalsIgnoreCase("now")) {
      return currentHour(clock);
    }
    try {
      if (value.endsWith("Z") || value.matches(".*[+-]\\d\\d:\\d\\d$")) {
        return OffsetDateTime.parse(value).toInstant().truncatedTo(ChronoUnit.MINUTES);
      }
      return LocalDateTime.parse(value).atZone(zone).toInstant().truncatedTo(ChronoUnit.MINUTES);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "not a slot: '"
              + text
              + "' (use 2026-11-28T14:00 in "
              + zone
              + ", 2026-11-28T06:00:00Z, or now)");
    }
  }

  /**
   * The group's current slot: its latest slot by its cadence at {@code now} (the slot {@code
   * sample} takes by default), or the current hour for a cadence that never fired.
   */
  public static Instant current(Cadence cadence, Clock clock) {
    return cadence.latestSlot(clock.instant()).orElseGet(() -> currentHour(clock));
  }

  /**
   * Refuses a slot beyond the group's current slot: sampled now, it would be stored as that slot's
   * run, and the real slot, once due, refused as sampled already.
   *
   * @throws SampleLauncher.SlotRefusedException naming the group, the slot and the current slot
   */
  public static void requireDue(
      String group, Cadence cadence, Instant slot, Clock clock, ZoneId zone) {
    Instant current = current(cadence, clock);
    if (slot.isAfter(current)) {
      throw new SampleLauncher.SlotRefusedException(
          "slot "
              + show(slot, zone)
              + " ("
              + slot
              + ") of group '"
              + group
              + "' is in the future: the group's current slot is "
              + show(current, zone)
              + " ("
              + current
              + ", cadence '"
              + cadence.cron()
              + "'); a slot is sampled once it is due. Nothing was sampled",
          null);
    }
  }

  /** The slot of the current hour. */
  public static Instant currentHour(Clock clock) {
    return clock.instant().truncatedTo(ChronoUnit.HOURS);
  }

  /** A slot as shown to people: local time in the zone, e.g. {@code 2026-11-28 14:00}. */
  public static String show(Instant slot, ZoneId zone) {
    return Formats.time(slot, zone);
  }
}
