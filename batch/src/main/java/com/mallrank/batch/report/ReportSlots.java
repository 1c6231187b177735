package com.mallrank.batch.report;

import com.mallrank.batch.sample.Slots;
import com.mallrank.index.report.Reports;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.springframework.stereotype.Component;

/** Which slot a report is about: the one asked for, or the latest one sampled. */
@Component
public class ReportSlots {

  private final Reports reports;

  public ReportSlots(Reports reports) {
    this.reports = reports;
  }

  public Instant resolve(String slot, ZoneId zone) {
    if (slot != null && !slot.isBlank() && !slot.equals("latest")) {
      return Slots.parse(slot, zone, Clock.systemUTC());
    }
    return reports
        .latestSlot()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "nothing sampled yet in "
                        + reports.names().samplesAlias()
                        + ": run `mallrank sample --group <group>` first"));
  }
}
