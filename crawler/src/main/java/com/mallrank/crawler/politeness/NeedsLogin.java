package com.mallrank.crawler.politeness;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The identities whose login expired during a slot: once a sample of an identity got a login wall
 * (or its login state could not be used at all), its other keywords of the slot are not fetched
 * (each would only show the wall again, and every request with a dead session is one more the
 * platform's risk control counts). Cleared only by a new slot (a new instance), since nothing but a
 * new login fixes it.
 *
 * <p>Thread-safe. Identities are ids only; nothing secret is kept.
 */
public final class NeedsLogin {

  private final Map<String, Mark> marks = new ConcurrentHashMap<>();

  /**
   * Why an identity needs a new login.
   *
   * @param since when it was found logged out
   * @param reason what showed it, for the skipped samples' detail (e.g. {@code login wall at …},
   *     {@code its login state … is missing}); never a secret
   */
  public record Mark(Instant since, String reason) {
    public Mark {
      Objects.requireNonNull(since, "since");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** Marks the identity for a login wall met at {@code at}; the first mark is kept. */
  public void mark(String identity, Instant at) {
    mark(identity, at, "login wall at " + at);
  }

  /** Marks the identity with the reason; the first mark is kept. */
  public void mark(String identity, Instant at, String reason) {
    marks.putIfAbsent(Objects.requireNonNull(identity, "identity"), new Mark(at, reason));
  }

  /** When the identity was found logged out, if it was. */
  public Optional<Instant> since(String identity) {
    return of(identity).map(Mark::since);
  }

  /** The identity's mark, if it has one. */
  public Optional<Mark> of(String identity) {
    return Optional.ofNullable(marks.get(identity));
  }
}
