package com.mallrank.batch.alert;

import java.time.Duration;
import java.time.Instant;

/**
 * Remembers which alerts were sent, so the same rule + profile + keyword + subject goes out once
 * per window and webhook, across runs, restarts and concurrent processes.
 */
public interface AlertDedupeStore {

  /**
   * Claims the right to send: true when the key was not sent within {@code window} before {@code
   * now} (and records {@code now}), false when it was. Atomic across processes.
   */
  boolean claim(String key, Instant now, Duration window);

  /** Gives a claim back after a failed delivery, so the next run tries again. */
  void release(String key, Instant claimedAt);
}
