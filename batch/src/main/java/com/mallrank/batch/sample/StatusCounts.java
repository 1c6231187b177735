package com.mallrank.batch.sample;

import java.util.Map;
import java.util.TreeMap;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Samples by status, kept in each partition's step execution context ({@code samples.ok}, {@code
 * samples.blocked}, ...) so they are committed with the samples and survive a restart.
 */
public final class StatusCounts {

  /** The context key prefix. */
  public static final String PREFIX = "samples.";

  private StatusCounts() {}

  static void increment(ExecutionContext context, String status) {
    context.putLong(PREFIX + status, context.getLong(PREFIX + status, 0L) + 1);
  }

  /** The counts in one step context, by status. */
  public static Map<String, Long> of(ExecutionContext context) {
    Map<String, Long> counts = new TreeMap<>();
    for (Map.Entry<String, Object> entry : context.entrySet()) {
      if (entry.getKey().startsWith(PREFIX) && entry.getValue() instanceof Number n) {
        counts.put(entry.getKey().substring(PREFIX.length()), n.longValue());
      }
    }
    return counts;
  }

  /** Adds {@code more} into {@code into}. */
  public static void add(Map<String, Long> into, Map<String, Long> more) {
    more.forEach((status, n) -> into.merge(status, n, Long::sum));
  }
}
