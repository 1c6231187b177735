package com.mallrank.batch.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * The sampling metrics, exported on {@code /actuator/prometheus} by {@code mallrank serve}:
 *
 * <ul>
 *   <li>{@code mallrank_samples_total{group,status}}: samples stored, by sample status
 *   <li>{@code mallrank_pages_fetched_total{group}}: page fetches (pages/s = its rate)
 *   <li>{@code mallrank_bulk_seconds}: latency of the Elasticsearch bulk writes
 *   <li>{@code mallrank_slot_lag_seconds{group}}: how long after its slot time the last slot of a
 *       group started
 *   <li>{@code mallrank_slots_total{group,outcome}}: slots started on time, late, missed (skipped
 *       past their window) or refused (done already or running elsewhere)
 * </ul>
 */
@Component
public class SampleMetrics {

  private final MeterRegistry registry;
  private final Timer bulk;
  private final Map<String, AtomicLong> lag = new ConcurrentHashMap<>();

  public SampleMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.bulk =
        Timer.builder("mallrank.bulk")
            .description("Elasticsearch bulk write latency")
            .publishPercentileHistogram()
            .register(registry);
  }

  /** One sample of a group stored with this status. */
  public void sample(String group, String status) {
    Counter.builder("mallrank.samples")
        .description("samples stored, by sample status")
        .tag("group", group)
        .tag("status", status)
        .register(registry)
        .increment();
  }

  /** Pages fetched for one sample (retries included). */
  public void pages(String group, int pagesFetched) {
    Counter.builder("mallrank.pages.fetched")
        .description("result pages fetched")
        .tag("group", group)
        .register(registry)
        .increment(pagesFetched);
  }

  /** Times one bulk write. */
  public Timer bulk() {
    return bulk;
  }

  /** A slot of a group was started (or skipped, refused) this long after its time. */
  public void slot(String group, String outcome, Instant slot, Instant now) {
    Counter.builder("mallrank.slots")
        .description("slots by outcome: on-time, late, missed, refused")
        .tag("group", group)
        .tag("outcome", outcome)
        .register(registry)
        .increment();
    if (outcome.equals("on-time") || outcome.equals("late")) {
      AtomicLong seconds =
          lag.computeIfAbsent(
              group,
              g -> {
                AtomicLong value = new AtomicLong();
                registry.gauge(
                    "mallrank.slot.lag.seconds",
                    io.micrometer.core.instrument.Tags.of("group", g),
                    value);
                return value;
              });
      seconds.set(Math.max(0, Duration.between(slot, now).toSeconds()));
    }
  }

  /** The count of slots of a group with this outcome, so far (for tests and the log). */
  public double slots(String group, String outcome) {
    Counter counter =
        registry.find("mallrank.slots").tag("group", group).tag("outcome", outcome).counter();
    return counter == null ? 0 : counter.count();
  }
}
