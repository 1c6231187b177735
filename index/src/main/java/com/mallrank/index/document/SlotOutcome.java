package com.mallrank.index.document;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * How the scheduler judged one slot of one keyword group: started on time, late (within its
 * window), or missed (past its window: never sampled, so no sample document says so). One document
 * per (slot, group); dashboards count missed slots from these.
 *
 * @param slot the slot
 * @param group the keyword group
 * @param profile the site profile (surface) the group samples, or {@code null} when the plan could
 *     not be read
 * @param outcome {@value #ON_TIME}, {@value #LATE} or {@value #MISSED}
 * @param judgedAt when the scheduler judged it
 */
public record SlotOutcome(
    Instant slot, String group, String profile, String outcome, Instant judgedAt) {

  /** Started within the lateness allowance. */
  public static final String ON_TIME = "on_time";

  /** Started after the allowance but within the slot's window. */
  public static final String LATE = "late";

  /** Past its window: skipped, never sampled. */
  public static final String MISSED = "missed";

  private static final Set<String> OUTCOMES = Set.of(ON_TIME, LATE, MISSED);

  public SlotOutcome {
    Objects.requireNonNull(slot, "slot");
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(judgedAt, "judgedAt");
    if (!OUTCOMES.contains(outcome)) {
      throw new IllegalArgumentException(
          "slot outcome '" + outcome + "' is not one of " + new java.util.TreeSet<>(OUTCOMES));
    }
  }

  /** The deterministic document id {@code slot|group}. */
  public String id() {
    return DocumentIds.slotOutcome(slot, group);
  }
}
