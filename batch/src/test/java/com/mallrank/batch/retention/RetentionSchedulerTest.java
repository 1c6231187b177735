package com.mallrank.batch.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class RetentionSchedulerTest {

  private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

  @Test
  void firesAtTheNextCronTimeInTheZone() {
    ZonedDateTime now = ZonedDateTime.of(2026, 11, 28, 22, 40, 0, 0, BEIJING);

    assertThat(RetentionScheduler.next("0 30 4 * * *", now))
        .isEqualTo(ZonedDateTime.of(2026, 11, 29, 4, 30, 0, 0, BEIJING));
    assertThat(RetentionScheduler.next("0 30 4 * * *", now.withHour(3)))
        .isEqualTo(ZonedDateTime.of(2026, 11, 28, 4, 30, 0, 0, BEIJING));
  }

  @Test
  void anInvalidCronIsAClearError() {
    assertThatThrownBy(() -> RetentionScheduler.next("every night", ZonedDateTime.now(BEIJING)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void keepDaysMustBePositive() {
    assertThatThrownBy(() -> new RetentionProperties(true, "0 30 4 * * *", 0))
        .hasMessageContaining("batch.retention.keep-days");
  }
}
