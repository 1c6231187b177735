package com.mallrank.batch.alert;

import java.time.Duration;

/** Waits between retries; tests pass one that records the wait instead. */
@FunctionalInterface
public interface Sleeper {

  /** The real one. */
  Sleeper SYSTEM =
      duration -> {
        try {
          Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while waiting to retry", e);
        }
      };

  void sleep(Duration duration);
}
