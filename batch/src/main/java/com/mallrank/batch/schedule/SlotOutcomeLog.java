package com.mallrank.batch.schedule;

import com.mallrank.batch.runtime.ElasticsearchRuntime;
import com.mallrank.batch.runtime.PlanRepository;
import com.mallrank.index.document.SlotOutcome;
import com.mallrank.index.security.MallrankRole;
import com.mallrank.index.write.SlotOutcomes;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Stores each slot the scheduler judges (on time, late, missed) as a {@link SlotOutcome} document,
 * as the writer: a missed slot has no samples, so this is how dashboards and reports see it. A
 * failure to store is logged and never stops scheduling (the metric and the log line stay).
 */
@Component
public record SlotOutcomeLog(ElasticsearchRuntime elasticsearch, PlanRepository plans) {

  private static final Logger log = LoggerFactory.getLogger(SlotOutcomeLog.class);

  /** The group's profile (surface) in the current plan, or {@code null} when unknown. */
  private String profileOf(String group) {
    try {
      return plans.plan().requireGroup(group).profile();
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** Stores how the slot of the group was judged at {@code now}. */
  public void record(String group, SlotTiming.Outcome outcome, Instant slot, Instant now) {
    SlotOutcome document =
        new SlotOutcome(
            slot,
            group,
            profileOf(group),
            switch (outcome) {
              case ON_TIME -> SlotOutcome.ON_TIME;
              case LATE -> SlotOutcome.LATE;
              case MISSED -> SlotOutcome.MISSED;
            },
            now);
    try {
      new SlotOutcomes(elasticsearch.client(MallrankRole.WRITER), elasticsearch.names())
          .record(document);
    } catch (RuntimeException e) {
      log.warn(
          "slot {} of group '{}' judged {}, not stored: {}",
          slot,
          group,
          document.outcome(),
          e.getMessage());
    }
  }
}
