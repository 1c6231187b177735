package com.mallrank.batch.plan;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.scheduling.support.CronExpression;

/**
 * When a keyword group is sampled: a cron expression (Spring {@link CronExpression} syntax, six
 * fields with seconds) in a zone, and how late a slot may still be sampled. Each time the cron
 * fires is a slot.
 *
 * @param cron the cron expression as written
 * @param zone the zone it is read in ({@code batch.zone})
 * @param window how long after its time a slot that was not started may still be sampled (flagged
 *     late); later, it is skipped and reported as missed
 */
public record Cadence(String cron, ZoneId zone, Duration window) {

  /** Hourly at five minutes past the hour, after Douyin's hourly ranking race has restarted. */
  public static final String DEFAULT_CRON = "0 5 * * * *";

  /** A missed hourly slot may still be sampled for 30 minutes. */
  public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(30);

  private static final Duration[] LOOKBACKS = {
    Duration.ofHours(2), Duration.ofDays(2), Duration.ofDays(32), Duration.ofDays(400)
  };

  /**
   * @throws IllegalArgumentException when the cron expression is invalid
   */
  public Cadence {
    CronExpression.parse(cron);
  }

  /** The default cadence in a zone. */
  public static Cadence hourly(ZoneId zone) {
    return new Cadence(DEFAULT_CRON, zone, DEFAULT_WINDOW);
  }

  /** The slots in {@code (after, until]}, oldest first. */
  public List<Instant> slotsBetween(Instant after, Instant until) {
    CronExpression expression = CronExpression.parse(cron);
    List<Instant> slots = new ArrayList<>();
    ZonedDateTime next = expression.next(after.atZone(zone));
    while (next != null && !next.toInstant().isAfter(until)) {
      slots.add(next.toInstant());
      next = expression.next(next);
    }
    return slots;
  }

  /** The latest slot at or before {@code now}; empty only for a cron that never fired. */
  public java.util.Optional<Instant> latestSlot(Instant now) {
    for (Duration lookback : LOOKBACKS) {
      CronExpression expression = CronExpression.parse(cron);
      ZonedDateTime at = expression.next(now.minus(lookback).atZone(zone));
      Instant latest = null;
      while (at != null && !at.toInstant().isAfter(now)) {
        latest = at.toInstant();
        at = expression.next(at);
      }
      if (latest != null) {
        return java.util.Optional.of(latest);
      }
    }
    return java.util.Optional.empty();
  }
}
