package com.mallrank.index.report;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one slot holds, through the read aliases (0 when nothing was written yet): what a sampling
 * run prints when it ends. Counts see what has been refreshed.
 *
 * @param slot the slot
 * @param samples sample documents of the slot (all keywords, vantages and profiles)
 * @param listings listing documents of the slot (all keywords, vantages and profiles)
 * @param samplesByStatus samples by status code, most frequent first
 */
public record SlotCounts(
    Instant slot, long samples, long listings, Map<String, Long> samplesByStatus) {

  public SlotCounts {
    samplesByStatus = Collections.unmodifiableMap(new LinkedHashMap<>(samplesByStatus));
  }
}
