package com.mallrank.batch.alert;

import com.mallrank.crawler.politeness.TimeSource;
import java.time.Duration;

/** Waits between retries; tests pass one that records the wait instead. */
@FunctionalInterface
public interface Sleeper {

  /** The real one: the system {@link TimeSource}, an interrupt turned into a failure. */
  Sleeper SYSTEM =
      duration -> {
        try {
          TimeSource.system().sleep(duration);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while waiting to retry", e);
        }
      };

  void sleep(Duration duration);
}
