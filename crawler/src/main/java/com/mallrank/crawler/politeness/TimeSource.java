package com.mallrank.crawler.politeness;

import java.time.Duration;
import java.time.Instant;

/** The clock and the sleeping politeness waits on; tests pass one that only pretends. */
public interface TimeSource {

  Instant now();

  /** Sleeps for {@code duration}; zero or negative returns at once. */
  void sleep(Duration duration) throws InterruptedException;

  /** The system clock and {@link Thread#sleep}. */
  static TimeSource system() {
    return SystemTime.INSTANCE;
  }

  /** The real time source. */
  enum SystemTime implements TimeSource {
    INSTANCE;

    @Override
    public Instant now() {
      return Instant.now();
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
      if (!duration.isNegative() && !duration.isZero()) {
        Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
      }
    }
  }
}
