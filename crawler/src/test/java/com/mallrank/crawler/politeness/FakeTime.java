package com.mallrank.crawler.politeness;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A clock that moves only when told or when someone "sleeps"; sleeps are recorded. */
final class FakeTime implements TimeSource {

  private Instant now = Instant.parse("2026-11-28T14:00:00Z");
  private final List<Duration> sleeps = new ArrayList<>();

  @Override
  public synchronized Instant now() {
    return now;
  }

  @Override
  public synchronized void sleep(Duration duration) {
    sleeps.add(duration);
    if (duration.isNegative()) {
      throw new AssertionError("negative sleep " + duration);
    }
    now = now.plus(duration);
  }

  synchronized void advance(Duration duration) {
    now = now.plus(duration);
  }

  synchronized List<Duration> sleeps() {
    return List.copyOf(sleeps);
  }
}
