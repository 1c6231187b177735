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
 * platform's risk control counts). Cleared by a new slot (a new instance), or by a new login: the
 * batch module's {@code accounts login} deletes the account's marks from the shared store once it
 * has saved the new login state.
 *
 * <p>The marks live in a {@link Marks} store: in memory by default; the batch module keeps them in
 * the JobRepository's database, so every worker sampling the slot sees an account another worker
 * found logged out. The store is asked every time (nothing is remembered here), so a mark taken
 * back by a new login is seen by the next sample of the slot, in every worker.
 *
 * <p>Thread-safe. Identities are ids only; nothing secret is kept.
 */
public final class NeedsLogin {

  private final Marks store;

  /** Marks kept in this instance only. */
  public NeedsLogin() {
    this(new InMemory());
  }

  /** Marks kept in {@code store}, shared with whoever else uses it for the slot. */
  public NeedsLogin(Marks store) {
    this.store = Objects.requireNonNull(store, "store");
  }

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

  /**
   * Where one slot's marks are kept. Implementations hold across threads, and across processes
   * where several sample the slot at once.
   */
  public interface Marks {

    /** Keeps the identity's mark unless it has one already: the first mark is kept. */
    void putIfAbsent(String identity, Mark mark);

    /** The identity's mark, if it has one. */
    Optional<Mark> get(String identity);
  }

  /** Marks the identity for a login wall met at {@code at}; the first mark is kept. */
  public void mark(String identity, Instant at) {
    mark(identity, at, "login wall at " + at);
  }

  /** Marks the identity with the reason; the first mark is kept. */
  public void mark(String identity, Instant at, String reason) {
    Objects.requireNonNull(identity, "identity");
    // asked first: a marked identity is marked again for each of its samples, and a store refusing
    // a second mark (a primary key) would log each refusal
    if (store.get(identity).isEmpty()) {
      store.putIfAbsent(identity, new Mark(at, reason));
    }
  }

  /** When the identity was found logged out, if it was. */
  public Optional<Instant> since(String identity) {
    return of(identity).map(Mark::since);
  }

  /** The identity's mark, if it has one. */
  public Optional<Mark> of(String identity) {
    return store.get(identity);
  }

  private static final class InMemory implements Marks {
    private final Map<String, Mark> marks = new ConcurrentHashMap<>();

    @Override
    public void putIfAbsent(String identity, Mark mark) {
      marks.putIfAbsent(identity, mark);
    }

    @Override
    public Optional<Mark> get(String identity) {
      return Optional.ofNullable(marks.get(identity));
    }
  }
}
