package com.mallrank.index.report;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sample statuses in a window, three ways, and the expected slots nothing was sampled in.
 *
 * @param bySlot status code → sample count, per slot (maps sorted by key)
 * @param byVantage status code → sample count, per vantage (identity)
 * @param byKeyword status code → sample count, per keyword
 * @param missedSlots expected slots with no sample at all, sorted
 * @param layoutChanges the keywords whose samples turned layout_changed in the window, per profile,
 *     with what a repair proposal needs
 */
public record SamplingHealthReport(
    Map<Instant, Map<String, Long>> bySlot,
    Map<String, Map<String, Long>> byVantage,
    Map<String, Map<String, Long>> byKeyword,
    List<Instant> missedSlots,
    List<LayoutChangeRow> layoutChanges) {

  public SamplingHealthReport {
    bySlot = Collections.unmodifiableMap(new TreeMap<>(bySlot));
    byVantage = Collections.unmodifiableMap(new TreeMap<>(byVantage));
    byKeyword = Collections.unmodifiableMap(new TreeMap<>(byKeyword));
    missedSlots = List.copyOf(missedSlots);
    layoutChanges = List.copyOf(layoutChanges);
  }

  /** A report without layout changes (fixtures). */
  public SamplingHealthReport(
      Map<Instant, Map<String, Long>> bySlot,
      Map<String, Map<String, Long>> byVantage,
      Map<String, Map<String, Long>> byKeyword,
      List<Instant> missedSlots) {
    this(bySlot, byVantage, byKeyword, missedSlots, List.of());
  }
}
