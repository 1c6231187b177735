package com.mallrank.crawler.sandbox;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The sandbox's settable clock. By default it follows real time; {@link #set(Instant)} pins it, so
 * a test or the demo can walk the world slot by slot. Thread-safe.
 */
public final class SandboxClock {

  private final Clock system;
  private volatile Instant fixed;

  /** A clock following real time. */
  public SandboxClock() {
    this(Clock.systemUTC());
  }

  /** A clock following {@code system} until {@link #set(Instant)} is called. */
  public SandboxClock(Clock system) {
    this.system = system;
  }

  /** The current simulated time. */
  public Instant now() {
    Instant f = fixed;
    return f != null ? f : system.instant();
  }

  /** The current slot: {@link #now()} truncated to the hour. */
  public Instant slot() {
    return slotOf(now());
  }

  /** Pins the simulated time. */
  public void set(Instant time) {
    this.fixed = time;
  }

  /** Returns to real time. */
  public void useRealTime() {
    this.fixed = null;
  }

  /** The slot an instant belongs to: the instant truncated to the full hour (UTC). */
  public static Instant slotOf(Instant time) {
    return time.truncatedTo(ChronoUnit.HOURS);
  }

  /** The hour index since the epoch, the sandbox's internal slot number. */
  static long hourIndex(Instant time) {
    return Math.floorDiv(time.getEpochSecond(), 3600L);
  }
}
