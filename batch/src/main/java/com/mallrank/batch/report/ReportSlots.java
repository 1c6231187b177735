package com.mallrank.batch.report;

import com.mallrank.batch.runtime.ElasticsearchRuntime;
import com.mallrank.batch.sample.Slots;
import com.mallrank.index.report.SampleCounts;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.springframework.stereotype.Component;

/** Which slot a report is about: the one asked for, or the latest one sampled. */
@Component
public class ReportSlots {

  private final ElasticsearchRuntime elasticsearch;

  public ReportSlots(ElasticsearchRuntime elasticsearch) {
    this.elasticsearch = elasticsearch;
  }

  public Instant resolve(String slot, ZoneId zone) {
    if (slot != null && !slot.isBlank() && !slot.equals("latest")) {
      return Slots.parse(slot, zone, Clock.systemUTC());
    }
    return new SampleCounts(elasticsearch.client(), elasticsearch.names())
        .latestSlot()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "nothing sampled yet in "
                        + elasticsearch.names().samplesAlias()
                        + ": run `mallrank sample --group <group>` first"));
  }
}
