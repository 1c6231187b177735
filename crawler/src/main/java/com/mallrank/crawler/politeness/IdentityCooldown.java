package com.mallrank.crawler.politeness;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Benches an identity (anonymous, or a matrix account id) that was blocked (captcha, 风控) while the
 * others go on. The first block benches it for {@code base}; each further block before a success
 * doubles that, up to {@code max}. A success resets the count.
 *
 * <p>Thread-safe. Identities are ids only; nothing secret is kept or logged.
 */
public final class IdentityCooldown {

  private static final Logger log = LoggerFactory.getLogger(IdentityCooldown.class);

  private final Duration base;
  private final Duration max;
  private final TimeSource time;
  private final Map<String, Bench> benches = new ConcurrentHashMap<>();

  private record Bench(int strikes, Instant until) {}

  /**
   * @param base the cool-down after a first block
   * @param max the longest cool-down
   * @param time the clock
   */
  public IdentityCooldown(Duration base, Duration max, TimeSource time) {
    this.base = Objects.requireNonNull(base, "base");
    this.max = Objects.requireNonNull(max, "max");
    this.time = Objects.requireNonNull(time, "time");
    if (base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
      throw new IllegalArgumentException("need 0 < base <= max, was " + base + ", " + max);
    }
  }

  /**
   * Records a block and benches the identity.
   *
   * @return when the identity may be used again
   */
  public Instant recordBlocked(String identity) {
    Objects.requireNonNull(identity, "identity");
    Instant now = time.now();
    Bench bench =
        benches.compute(
            identity,
            (id, old) -> {
              int strikes = old == null ? 1 : old.strikes() + 1;
              return new Bench(strikes, now.plus(cooldown(strikes)));
            });
    log.info(
        "identity {} blocked ({} in a row): cooling down until {}",
        identity,
        bench.strikes(),
        bench.until());
    return bench.until();
  }

  /** Records a usable page: the identity's next block starts again from {@code base}. */
  public void recordSuccess(String identity) {
    benches.remove(Objects.requireNonNull(identity, "identity"));
  }

  /** Whether the identity must not be used now. */
  public boolean isCoolingDown(String identity) {
    return until(identity).isPresent();
  }

  /** When the identity's cool-down ends, or empty when it is not cooling down. */
  public Optional<Instant> until(String identity) {
    Bench bench = benches.get(Objects.requireNonNull(identity, "identity"));
    if (bench == null || !bench.until().isAfter(time.now())) {
      return Optional.empty();
    }
    return Optional.of(bench.until());
  }

  private Duration cooldown(int strikes) {
    Duration d = base;
    for (int i = 1; i < strikes && d.compareTo(max) < 0; i++) {
      d = d.multipliedBy(2);
    }
    return d.compareTo(max) > 0 ? max : d;
  }
}
