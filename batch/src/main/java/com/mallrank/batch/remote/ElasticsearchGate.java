package com.mallrank.batch.remote;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.Lifecycle;

/**
 * Whether a worker may take a partition: only when it reaches Elasticsearch. A partition run
 * without it would fail, and its slot with it, while another worker could have sampled it.
 *
 * <p>When the check fails the gate stops the worker's listener and checks again every interval,
 * starting the listener once Elasticsearch answers. Stopping (not only refusing) matters: all
 * partitions of an identity form one JMS message group, pinned to one consumer, and a request
 * handed back returns to that same consumer until it closes. A stopped listener closes its
 * consumers once its running partitions end, and the broker then gives their groups to the other
 * workers.
 *
 * <p>A check's result is trusted for the interval, so a busy worker asks Elasticsearch at most once
 * per interval.
 */
public class ElasticsearchGate implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(ElasticsearchGate.class);

  /** One bounded check: {@code null} when reachable, else why not (no credentials in it). */
  @FunctionalInterface
  public interface Probe {
    String unreachableReason();
  }

  private final Probe probe;
  private final String url;
  private final long intervalNanos;
  private final LongSupplier clock;
  private final ScheduledExecutorService rechecks;
  private long checkedAt;
  private boolean reachable;
  private boolean checked;
  private boolean paused;

  /**
   * @param url the Elasticsearch URL as it may be logged ({@code Redaction.url})
   */
  public ElasticsearchGate(Probe probe, String url, Duration interval) {
    this(probe, url, interval, System::nanoTime);
  }

  ElasticsearchGate(Probe probe, String url, Duration interval, LongSupplier clock) {
    this.probe = probe;
    this.url = url;
    this.intervalNanos = interval.toNanos();
    this.clock = clock;
    this.rechecks =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "es-gate");
              thread.setDaemon(true);
              return thread;
            });
  }

  /**
   * Whether a partition may start now. When not, {@code listener} has been stopped, one WARN line
   * names the URL, and a recheck restarts the listener once Elasticsearch is reachable again.
   */
  public synchronized boolean admit(Lifecycle listener) {
    long now = clock.getAsLong();
    String reason = null;
    if (!checked || now - checkedAt >= intervalNanos) {
      reason = probe.unreachableReason();
      reachable = reason == null;
      checked = true;
      checkedAt = now;
    }
    if (reachable) {
      return true;
    }
    if (!paused) {
      paused = true;
      log.warn(
          "Elasticsearch at {} unreachable ({}): this worker takes no partitions until it is"
              + " reachable again (checked every {}s); the request goes back to the broker",
          url,
          reason == null ? "last check" : reason,
          TimeUnit.NANOSECONDS.toSeconds(intervalNanos));
      listener.stop();
      scheduleRecheck(listener);
    }
    return false;
  }

  /** Whether the listener is stopped for want of Elasticsearch. */
  public synchronized boolean paused() {
    return paused;
  }

  private void scheduleRecheck(Lifecycle listener) {
    rechecks.schedule(() -> recheck(listener), intervalNanos, TimeUnit.NANOSECONDS);
  }

  private void recheck(Lifecycle listener) {
    String reason = probe.unreachableReason();
    synchronized (this) {
      checked = true;
      checkedAt = clock.getAsLong();
      reachable = reason == null;
      if (!reachable) {
        scheduleRecheck(listener);
        return;
      }
      paused = false;
    }
    log.info("Elasticsearch at {} reachable again: this worker takes partitions", url);
    listener.start();
  }

  @Override
  public void destroy() {
    rechecks.shutdownNow();
  }
}
