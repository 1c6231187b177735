package com.mallrank.batch.changes;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallrank.batch.alert.AlertInput;
import com.mallrank.batch.demo.SandboxRuntime;
import com.mallrank.batch.runtime.ElasticsearchRuntime;
import com.mallrank.batch.runtime.PlanRepository;
import com.mallrank.batch.sample.SampleLauncher;
import com.mallrank.batch.testing.MallrankIT;
import com.mallrank.crawler.sandbox.Fault;
import com.mallrank.crawler.sandbox.SandboxCard;
import com.mallrank.crawler.sandbox.SandboxWorld;
import com.mallrank.crawler.sandbox.ScheduledChange;
import com.mallrank.index.document.ChangeEvent;
import com.mallrank.index.report.ChangeLogQuery;
import com.mallrank.index.report.Reports;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Change tracking on the sandbox mall's scripted changes: the job samples consecutive slots, the
 * detector runs after each, and the competitor change log equals the mall's change schedule for the
 * listings seen in both samples, each change exactly once, with its old and new value. Re-signed
 * image URLs (every request) are not changes; a blocked slot produces nothing and the next ok slot
 * compares with the last ok one.
 */
@MallrankIT(properties = "batch.threads=1")
class SandboxChangesIT {

  private static final Instant A = Instant.parse("2026-11-28T06:00:00Z");
  private static final Instant B = A.plus(Duration.ofHours(1));
  private static final Instant BLOCKED = B.plus(Duration.ofHours(1));
  private static final Instant D = BLOCKED.plus(Duration.ofHours(1));
  private static final String GROUP = "core";
  private static final String ANON = "anonymous";
  private static final Set<String> FIELD_KINDS =
      Set.of("price", "commission", "main_image", "title");

  @Autowired SampleLauncher launcher;
  @Autowired SandboxRuntime sandbox;
  @Autowired ElasticsearchRuntime elasticsearch;
  @Autowired PlanRepository plans;
  @Autowired SlotChanges slotChanges;

  private void sample(Instant slot) {
    sandbox.mall().setTime(slot);
    assertThat(launcher.launch(GROUP, slot).getStatus()).isEqualTo(BatchStatus.COMPLETED);
  }

  @Test
  void theChangeLogIsTheMallsChangeScheduleAndABlockedSlotChangesNothing() {
    sample(A);
    sample(B);

    Set<String> expectedAB = expected(A, B);
    assertThat(expectedAB).as("the sandbox scripts changes in these keywords").isNotEmpty();
    List<ChangeEvent> atB = events(B);
    assertThat(fieldChanges(atB)).containsExactlyInAnyOrderElementsOf(expectedAB);
    assertNoDuplicates(atB);
    assertAlertInputHasTheProfiles(B);

    sandbox.mall().faults().setGlobal(Fault.CAPTCHA);
    try {
      sample(BLOCKED);
    } finally {
      sandbox.mall().faults().clearGlobal();
    }
    assertThat(events(BLOCKED)).as("a blocked slot produces no change events at all").isEmpty();

    sample(D);
    List<ChangeEvent> atD = events(D);
    assertThat(atD).allMatch(e -> e.previousSlot().equals(B), "compared with the last ok slot");
    assertThat(fieldChanges(atD)).containsExactlyInAnyOrderElementsOf(expected(B, D));
    assertNoDuplicates(atD);
  }

  /**
   * keyword|product|kind|old|new of every scheduled change of a competitor seen in both slots. A
   * product changed twice between them shows one change, from its first to its last value, or none
   * when it went back.
   */
  private Set<String> expected(Instant before, Instant after) {
    SandboxWorld world = sandbox.mall().world();
    int depth = plans.plan().requireGroup(GROUP).depth();
    java.util.Map<String, String[]> folded = new java.util.LinkedHashMap<>();
    for (ScheduledChange change : world.competitorChanges(before, after)) {
      String key = change.productId() + "|" + kind(change);
      String[] values =
          folded.computeIfAbsent(key, k -> new String[] {stored(change, change.oldValue()), null});
      values[1] = stored(change, change.newValue());
    }
    Set<String> expected = new HashSet<>();
    for (String keyword : plans.plan().requireGroup(GROUP).keywords()) {
      Set<String> seenBefore = competitors(world, keyword, before, depth);
      Set<String> seenAfter = competitors(world, keyword, after, depth);
      folded.forEach(
          (key, values) -> {
            String product = key.substring(0, key.indexOf('|'));
            if (seenBefore.contains(product)
                && seenAfter.contains(product)
                && !values[0].equals(values[1])) {
              expected.add(keyword + "|" + key + "|" + values[0] + "|" + values[1]);
            }
          });
    }
    return expected;
  }

  private static Set<String> competitors(
      SandboxWorld world, String keyword, Instant slot, int depth) {
    return world.results(keyword, slot, ANON).stream()
        .filter(c -> c.position() <= depth && c.matrixAccount() == null)
        .map(SandboxCard::productId)
        .collect(Collectors.toSet());
  }

  private static String kind(ScheduledChange change) {
    return switch (change.field()) {
      case PRICE -> "price";
      case COMMISSION -> "commission";
      case IMAGE -> "main_image";
      case TITLE -> "title";
    };
  }

  /** The value as the index stores it: fen, basis points, image key, title. */
  private static String stored(ScheduledChange change, String shown) {
    return switch (change.field()) {
      case PRICE, COMMISSION ->
          new BigDecimal(shown).movePointRight(2).toBigIntegerExact().toString();
      case IMAGE -> shown.toLowerCase(Locale.ROOT);
      case TITLE -> shown;
    };
  }

  private List<String> fieldChanges(List<ChangeEvent> events) {
    return events.stream()
        .filter(e -> FIELD_KINDS.contains(e.kind()))
        .map(
            e ->
                e.keyword()
                    + "|"
                    + e.productId()
                    + "|"
                    + e.kind()
                    + "|"
                    + imageKeyTail(e.kind(), e.oldValue())
                    + "|"
                    + imageKeyTail(e.kind(), e.newValue()))
        .toList();
  }

  /** The index keeps the normalised image key (host family + path); the sandbox its picture id. */
  private static String imageKeyTail(String kind, String value) {
    if (!kind.equals("main_image") || value == null) {
      return value;
    }
    return value.substring(value.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
  }

  /**
   * The alerts read every change event and sample of the slot, each with the profile (surface) it
   * was sampled on, so the same event on two surfaces is two alerts.
   */
  private void assertAlertInputHasTheProfiles(Instant slot) {
    Reports reports = new Reports(elasticsearch.client(), elasticsearch.names());
    List<ChangeEvent> stored = new ArrayList<>();
    reports.changeLog(ChangeLogQuery.window(slot, slot.plusSeconds(60)).pageSize(500), stored::add);
    String profile = plans.plan().requireGroup(GROUP).profile();
    assertThat(profile).isEqualTo("sandbox-static");
    assertThat(stored).isNotEmpty().extracting(ChangeEvent::profile).containsOnly(profile);

    AlertInput input = slotChanges.alertInput(slot);

    assertThat(input.changes())
        .extracting(
            c -> c.profile() + "|" + c.vantage() + "|" + c.kind().code() + "|" + c.productId())
        .containsExactlyInAnyOrderElementsOf(
            stored.stream()
                .map(e -> e.profile() + "|" + e.vantage() + "|" + e.kind() + "|" + e.productId())
                .toList());
    assertThat(input.samples()).hasSize((int) reports.counts(slot).samples());
    assertThat(input.samples()).extracting(AlertInput.Sample::profile).containsOnly(profile);
  }

  private static void assertNoDuplicates(List<ChangeEvent> events) {
    assertThat(events.stream().map(ChangeEvent::id).toList()).doesNotHaveDuplicates();
  }

  private List<ChangeEvent> events(Instant slot) {
    Reports log = new Reports(elasticsearch.client(), elasticsearch.names());
    ChangeLogQuery query =
        ChangeLogQuery.window(slot, slot.plusSeconds(60)).vantages(List.of(ANON)).pageSize(500);
    List<ChangeEvent> events = new ArrayList<>();
    log.changeLog(query, events::add);
    return events;
  }
}
