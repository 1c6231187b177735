package com.mallrank.crawler.sandbox;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The faults switched on at runtime: per keyword, or for every keyword. A keyword's own fault wins
 * over the global one. Thread-safe; changes apply to the next request.
 */
public final class Faults {

  private final Map<String, Fault> byKeyword = new ConcurrentHashMap<>();
  private volatile Fault global;
  private volatile Duration slowDelay = Duration.ofSeconds(5);
  private volatile int oversizedBytes = 3 * 1024 * 1024;

  /** How long {@link Fault#SLOW} waits before answering; 5 s unless set. */
  public Duration slowDelay() {
    return slowDelay;
  }

  /** Sets how long {@link Fault#SLOW} waits before answering. */
  public void setSlowDelay(Duration delay) {
    if (delay.isNegative()) {
      throw new IllegalArgumentException("negative delay " + delay);
    }
    this.slowDelay = delay;
  }

  /** The size a page reaches under {@link Fault#OVERSIZED}; 3 MiB unless set. */
  public int oversizedBytes() {
    return oversizedBytes;
  }

  /** Sets the size a page reaches under {@link Fault#OVERSIZED}. */
  public void setOversizedBytes(int bytes) {
    if (bytes < 1) {
      throw new IllegalArgumentException("size must be positive: " + bytes);
    }
    this.oversizedBytes = bytes;
  }

  /** Serves {@code fault} for {@code keyword} until cleared. */
  public void set(String keyword, Fault fault) {
    byKeyword.put(keyword, fault);
  }

  /** Serves {@code fault} for every keyword without its own fault, until cleared. */
  public void setGlobal(Fault fault) {
    this.global = fault;
  }

  /** Removes the keyword's own fault. */
  public void clear(String keyword) {
    byKeyword.remove(keyword);
  }

  /** Removes the global fault. */
  public void clearGlobal() {
    this.global = null;
  }

  /** Removes every fault. */
  public void clearAll() {
    byKeyword.clear();
    global = null;
  }

  /** The fault to serve for a keyword, if any. */
  public Optional<Fault> active(String keyword) {
    Fault own = keyword == null ? null : byKeyword.get(keyword);
    return Optional.ofNullable(own != null ? own : global);
  }
}
