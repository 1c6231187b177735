package com.mallrank.crawler.politeness;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The identities whose login expired during a slot: once a sample of an identity got a login wall,
 * its other keywords of the slot are not fetched (each would only show the wall again, and every
 * request with a dead session is one more the platform's risk control counts). Cleared only by a
 * new slot (a new instance), since nothing but a new login fixes it.
 *
 * <p>Thread-safe. Identities are ids only; nothing secret is kept.
 */
public final class NeedsLogin {

  private final Map<String, Instant> since = new ConcurrentHashMap<>();

  /** Marks the identity; the first mark's time is kept. */
  public void mark(String identity, Instant at) {
    since.putIfAbsent(Objects.requireNonNull(identity, "identity"), at);
  }

  /** When the identity was found logged out, if it was. */
  public Optional<Instant> since(String identity) {
    return Optional.ofNullable(since.get(identity));
  }
}
