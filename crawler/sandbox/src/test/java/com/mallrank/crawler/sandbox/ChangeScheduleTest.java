package com.mallrank.crawler.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ChangeScheduleTest {

  private static final Instant SLOT = Instant.parse("2026-11-28T14:00:00Z");

  private final SandboxWorld world = SandboxWorld.create();

  @Test
  void everyHourSomeCompetitorChangesSomething() {
    for (int h = 0; h < 24; h++) {
      Instant from = SLOT.plus(Duration.ofHours(h));
      assertThat(world.competitorChanges(from, from.plus(Duration.ofHours(1))))
          .as("hour " + h)
          .isNotEmpty();
    }
  }

  @Test
  void changesAgreeWithTheStateBeforeAndAfter() {
    List<ScheduledChange> changes = world.competitorChanges(SLOT, SLOT.plus(Duration.ofDays(14)));
    assertThat(changes.stream().map(ScheduledChange::field).collect(Collectors.toSet()))
        .isEqualTo(EnumSet.allOf(ChangeField.class));
    for (ScheduledChange c : changes) {
      assertThat(world.matrixAccountOf(c.productId())).isNull();
      assertThat(c.slot()).isAfter(SLOT).isBeforeOrEqualTo(SLOT.plus(Duration.ofDays(14)));
      assertThat(c.newValue()).isNotEqualTo(c.oldValue());
      assertThat(value(world.state(c.productId(), c.slot().minus(Duration.ofHours(1))), c.field()))
          .isEqualTo(c.oldValue());
      assertThat(value(world.state(c.productId(), c.slot()), c.field())).isEqualTo(c.newValue());
    }
  }

  @Test
  void nothingChangesUnlessScheduled() {
    Instant from = SLOT;
    Instant to = SLOT.plus(Duration.ofHours(6));
    Set<String> changed =
        world.competitorChanges(from, to).stream()
            .map(ScheduledChange::productId)
            .collect(Collectors.toSet());
    for (String id : world.productIds()) {
      ProductState a = world.state(id, from);
      ProductState b = world.state(id, to);
      if (!changed.contains(id)) {
        assertThat(b.title()).isEqualTo(a.title());
        assertThat(b.price()).isEqualTo(a.price());
        assertThat(b.commissionRate()).isEqualTo(a.commissionRate());
        assertThat(b.imageKey()).isEqualTo(a.imageKey());
      }
    }
  }

  @Test
  void matrixProductsNeverChange() {
    List<String> matrix =
        world.productIds().stream().filter(id -> world.matrixAccountOf(id) != null).toList();
    assertThat(matrix).isNotEmpty();
    for (String id : matrix) {
      ProductState a = world.state(id, SLOT);
      ProductState b = world.state(id, SLOT.plus(Duration.ofDays(60)));
      assertThat(List.of(b.title(), b.price(), b.commissionRate(), b.imageKey()))
          .isEqualTo(List.of(a.title(), a.price(), a.commissionRate(), a.imageKey()));
    }
  }

  @Test
  void salesLabelsUseWan() {
    assertThat(SalesLabels.format(356)).isEqualTo("已售356");
    assertThat(SalesLabels.format(12_345)).isEqualTo("已售1.2万");
    assertThat(SalesLabels.format(30_000)).isEqualTo("已售3万");
    assertThat(SalesLabels.format(123_456)).isEqualTo("已售12万");
  }

  private static String value(ProductState s, ChangeField field) {
    return switch (field) {
      case PRICE -> s.price().toPlainString();
      case COMMISSION -> s.commissionRate().toPlainString();
      case IMAGE -> s.imageKey();
      case TITLE -> s.title();
    };
  }
}
