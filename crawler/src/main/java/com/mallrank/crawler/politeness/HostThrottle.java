package com.mallrank.crawler.politeness;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Paces requests per host: at most {@link Settings#maxConcurrent()} at a time, and each one starts
 * at least {@link Settings#minDelay()} plus a random jitter in {@code [0, maxJitter]} after both
 * the start and the end of the previous one (so a slow response does not let the next one in
 * early).
 *
 * <pre>{@code
 * try (HostThrottle.Permit permit = throttle.acquire(url)) {
 *   response = fetcher.fetch(request);
 * }
 * }</pre>
 *
 * <p>Thread-safe. Waiting threads are admitted in arrival order.
 */
public final class HostThrottle {

  /**
   * Pacing for every host.
   *
   * @param minDelay the least time between two requests to one host
   * @param maxJitter the most random time added to {@code minDelay}, so requests do not tick
   * @param maxConcurrent the most requests in flight to one host
   */
  public record Settings(Duration minDelay, Duration maxJitter, int maxConcurrent) {
    public Settings {
      Objects.requireNonNull(minDelay, "minDelay");
      Objects.requireNonNull(maxJitter, "maxJitter");
      if (minDelay.isNegative() || maxJitter.isNegative() || maxConcurrent < 1) {
        throw new IllegalArgumentException(
            "delays must be >= 0 and maxConcurrent >= 1, was " + this);
      }
    }
  }

  /** A granted turn at a host; close it when the request is over. Closing twice is harmless. */
  public interface Permit extends AutoCloseable {
    @Override
    void close();
  }

  private static final Logger log = LoggerFactory.getLogger(HostThrottle.class);

  private final Settings settings;
  private final Random random;
  private final TimeSource time;
  private final Map<String, HostState> hosts = new ConcurrentHashMap<>();

  public HostThrottle(Settings settings, Random random, TimeSource time) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.random = Objects.requireNonNull(random, "random");
    this.time = Objects.requireNonNull(time, "time");
  }

  /** {@link #acquire(String)} for the URL's host. */
  public Permit acquire(URI url) throws InterruptedException {
    if (url.getHost() == null) {
      throw new IllegalArgumentException("no host in " + url.getScheme() + " URL");
    }
    return acquire(url.getHost());
  }

  /**
   * Waits for a free slot at {@code host} and for its pacing delay, then grants a turn.
   *
   * @throws InterruptedException when interrupted while waiting; no permit is then held
   */
  public Permit acquire(String host) throws InterruptedException {
    String name = host.toLowerCase(Locale.ROOT);
    HostState state = hosts.computeIfAbsent(name, h -> new HostState(settings.maxConcurrent()));
    state.slots.acquire();
    try {
      Duration gap = gap();
      Instant start;
      Instant now;
      synchronized (state) {
        now = time.now();
        start = state.notBefore.isAfter(now) ? state.notBefore : now;
        state.notBefore = start.plus(gap);
      }
      Duration wait = Duration.between(now, start);
      if (!wait.isZero()) {
        log.debug("host {}: waiting {} ms", name, wait.toMillis());
        time.sleep(wait);
      }
      return new HostPermit(state, gap);
    } catch (InterruptedException | RuntimeException e) {
      state.slots.release();
      throw e;
    }
  }

  /** Requests to {@code host} in flight now. */
  public int inFlight(String host) {
    HostState state = hosts.get(host.toLowerCase(Locale.ROOT));
    return state == null ? 0 : settings.maxConcurrent() - state.slots.availablePermits();
  }

  private Duration gap() {
    long jitterNanos = settings.maxJitter().toNanos();
    long jitter;
    synchronized (random) {
      jitter = jitterNanos == 0 ? 0 : (long) (random.nextDouble() * (jitterNanos + 1));
    }
    return settings.minDelay().plusNanos(jitter);
  }

  private static final class HostState {
    final Semaphore slots;
    Instant notBefore = Instant.MIN;

    HostState(int maxConcurrent) {
      this.slots = new Semaphore(maxConcurrent, true);
    }
  }

  private final class HostPermit implements Permit {
    private final HostState state;
    private final Duration gap;
    private final AtomicBoolean closed = new AtomicBoolean();

    HostPermit(HostState state, Duration gap) {
      this.state = state;
      this.gap = gap;
    }

    @Override
    public void close() {
      if (closed.compareAndSet(false, true)) {
        synchronized (state) {
          Instant afterEnd = time.now().plus(gap);
          if (afterEnd.isAfter(state.notBefore)) {
            state.notBefore = afterEnd;
          }
        }
        state.slots.release();
      }
    }
  }
}
