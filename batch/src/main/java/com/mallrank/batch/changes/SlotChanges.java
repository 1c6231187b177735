package com.mallrank.batch.changes;

import co.elastic.clients.elasticsearch._types.Refresh;
import com.mallrank.batch.alert.AlertDispatcher;
import com.mallrank.batch.alert.AlertInput;
import com.mallrank.batch.runtime.ElasticsearchRuntime;
import com.mallrank.index.changes.ChangeDetector;
import com.mallrank.index.changes.DetectionResult;
import com.mallrank.index.document.ChangeKind;
import com.mallrank.index.document.SampleStatus;
import com.mallrank.index.report.ChangeLogQuery;
import com.mallrank.index.report.Reports;
import com.mallrank.index.security.MallrankRole;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What follows the sampling of a slot: change detection (each keyword and vantage against its
 * previous ok/partial sample, events stored with deterministic ids) and then the alerts on those
 * events and on the slot's sample statuses. Both are idempotent: a rerun writes the same events and
 * the alert dedupe keeps a chat from hearing the same thing twice.
 */
@Component
public record SlotChanges(
    ElasticsearchRuntime elasticsearch,
    AlertDispatcher alerts,
    Reports reports,
    ChangeProperties changes) {

  private static final Logger log = LoggerFactory.getLogger(SlotChanges.class);

  /** Detects the slot's changes and sends its alerts; returns what detection found. */
  public DetectionResult process(Instant slot) {
    return process(slot, null);
  }

  /**
   * Detects the changes of one group's samples of the slot (the group whose job just sampled it:
   * other groups sampled at the same time detect their own) and sends the slot's alerts; returns
   * what detection found.
   *
   * @param group the keyword group, or {@code null} for every sample of the slot
   */
  public DetectionResult process(Instant slot, String group) {
    refresh();
    // Events are few and the alerts read them right away: wait for them to be searchable.
    DetectionResult result =
        new ChangeDetector(
                elasticsearch.client(MallrankRole.READER),
                elasticsearch.client(MallrankRole.WRITER),
                elasticsearch.names(),
                changes.settings(),
                Clock.systemUTC(),
                Refresh.WaitFor)
            .detectSlot(slot, group);
    log.info(
        "slot {}{}: {} samples compared, {} not comparable, {} change events",
        slot,
        group == null ? "" : " of group '" + group + "'",
        result.compared(),
        result.skipped(),
        result.events());
    AlertDispatcher.Result sent = alerts.dispatch(alertInput(slot));
    if (!sent.alerts().isEmpty()) {
      log.info("slot {}: {} alerts evaluated", slot, sent.alerts().size());
    }
    return result;
  }

  /** Samples just written must be visible to the detector's searches. */
  private void refresh() {
    elasticsearch.refreshListingsAndSamples("before change detection");
  }

  /** The slot's change events and samples of every profile, each with its profile. */
  AlertInput alertInput(Instant slot) {
    Instant end = slot.plus(Duration.ofMinutes(1));
    List<AlertInput.Change> changes = new ArrayList<>();
    reports.changeLog(
        ChangeLogQuery.window(slot, end).pageSize(500),
        event ->
            changes.add(
                new AlertInput.Change(
                    event.slot(),
                    event.profile(),
                    event.keyword(),
                    event.vantage(),
                    ChangeKind.ofCode(event.kind()),
                    event.productId(),
                    event.shopName(),
                    event.matrixAccount(),
                    event.oldValue(),
                    event.newValue(),
                    event.rankBefore(),
                    event.rankAfter())));
    List<AlertInput.Sample> samples =
        reports.statuses(slot, end, null, null).stream()
            .map(
                r ->
                    new AlertInput.Sample(
                        r.slot(), r.profile(), r.keyword(), r.vantage(), r.status(), r.marker()))
            .toList();
    List<AlertInput.LayoutChange> layoutChanges =
        samples.stream().noneMatch(s -> s.status().equals(SampleStatus.LAYOUT_CHANGED))
            ? List.of()
            : reports.layoutChanges(slot, end).stream()
                .map(
                    r ->
                        new AlertInput.LayoutChange(
                            r.profile(), r.keyword(), r.samples(), r.repairable()))
                .toList();
    return new AlertInput(slot, changes, samples, layoutChanges);
  }
}
