package com.mallrank.crawler.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The faults switched on at runtime: per keyword, or for every keyword. A keyword's own fault wins
 * over the global one. Thread-safe; changes apply to the next request.
 */
public final class Faults {

  private final Map<String, Fault> byKeyword = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> loginSearchesLeft = new ConcurrentHashMap<>();
  private final Set<String> forgottenSessions = ConcurrentHashMap.newKeySet();
  private volatile Fault global;
  private volatile Duration slowDelay = Duration.ofSeconds(5);
  private volatile int oversizedBytes = 3 * 1024 * 1024;
  private volatile Instant redesignAt;

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

  /**
   * Schedules the mall's redesign: from the slot of {@code slot} on (the sandbox clock's hour),
   * every search page is rendered in the redesigned markup and every search API answer in the
   * renamed JSON (a front-end and back-end release at a set hour; see docs/design.md "Sandbox mall
   * redesign"), for every keyword and identity; a fault switched on still wins. {@code null}
   * cancels it.
   */
  public void redesignAt(Instant slot) {
    this.redesignAt = slot == null ? null : SandboxClock.slotOf(slot);
  }

  /** The slot the redesign takes effect, or {@code null} when none is scheduled. */
  public Instant redesignAt() {
    return redesignAt;
  }

  /** Whether pages of {@code slot} are rendered redesigned. */
  public boolean redesigned(Instant slot) {
    Instant at = redesignAt;
    return at != null && !SandboxClock.slotOf(slot).isBefore(at);
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

  /** Removes every fault, expired logins and sessions and a scheduled redesign included. */
  public void clearAll() {
    byKeyword.clear();
    loginSearchesLeft.clear();
    forgottenSessions.clear();
    global = null;
    redesignAt = null;
  }

  /**
   * Expires the login of identity {@code uid} after {@code searches} more search pages (0: now):
   * from then on every search page and API call with its cookie shows the login wall ({@link
   * Fault#LOGIN_WALL}), whatever the keyword, until {@link #renewLogin}. Other identities are not
   * affected.
   */
  public void expireLogin(String uid, int searches) {
    if (searches < 0) {
      throw new IllegalArgumentException("negative search count " + searches);
    }
    loginSearchesLeft.put(uid, new AtomicInteger(searches));
  }

  /**
   * Gives {@code uid} a working login again (after {@link #expireLogin} or {@link #expireSession}).
   */
  public void renewLogin(String uid) {
    loginSearchesLeft.remove(uid);
    forgottenSessions.remove(uid);
  }

  /**
   * Forgets the session of identity {@code uid} without a login wall: from now on the mall serves
   * every page to its cookie as to a logged-out visitor (the anonymous ranking, the login entry in
   * the header instead of its nickname), as a real mall does once a session expired on its side,
   * until {@link #renewLogin}. Other identities are not affected.
   */
  public void expireSession(String uid) {
    forgottenSessions.add(uid);
  }

  /** Whether the mall forgot the session of {@code uid} ({@link #expireSession}). */
  public boolean sessionExpired(String uid) {
    return uid != null && forgottenSessions.contains(uid);
  }

  /**
   * The fault of one search page (v1 page or app shell) of {@code uid} ({@code null}: anonymous):
   * counts the search against an expiring login, then answers as {@link #active(String, String)}.
   */
  public Optional<Fault> onSearch(String keyword, String uid) {
    AtomicInteger left = uid == null ? null : loginSearchesLeft.get(uid);
    if (left != null && left.getAndUpdate(n -> Math.max(0, n - 1)) <= 0) {
      return Optional.of(Fault.LOGIN_WALL);
    }
    return active(keyword);
  }

  /** The fault for a keyword searched by {@code uid}: its expired login wins, then as below. */
  public Optional<Fault> active(String keyword, String uid) {
    AtomicInteger left = uid == null ? null : loginSearchesLeft.get(uid);
    if (left != null && left.get() <= 0) {
      return Optional.of(Fault.LOGIN_WALL);
    }
    return active(keyword);
  }

  /** The fault to serve for a keyword, if any. */
  public Optional<Fault> active(String keyword) {
    Fault own = keyword == null ? null : byKeyword.get(keyword);
    return Optional.ofNullable(own != null ? own : global);
  }
}
