package com.mallrank.crawler.politeness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class IdentityCooldownTest {

  private static final Duration TEN_MINUTES = Duration.ofMinutes(10);

  private final FakeTime time = new FakeTime();
  private final IdentityCooldown cooldown =
      new IdentityCooldown(TEN_MINUTES, Duration.ofMinutes(60), time);

  @Test
  void blockedIdentityCoolsDownWhileOthersGoOn() {
    Instant start = time.now();

    Instant until = cooldown.recordBlocked("anonymous");

    assertThat(until).isEqualTo(start.plus(TEN_MINUTES));
    assertThat(cooldown.isCoolingDown("anonymous")).isTrue();
    assertThat(cooldown.until("anonymous")).contains(until);
    assertThat(cooldown.isCoolingDown("matrix-01")).isFalse();
    assertThat(cooldown.until("matrix-01")).isEmpty();
  }

  @Test
  void cooldownEndsOnTime() {
    cooldown.recordBlocked("matrix-01");

    time.advance(TEN_MINUTES.minusSeconds(1));
    assertThat(cooldown.isCoolingDown("matrix-01")).isTrue();
    time.advance(Duration.ofSeconds(1));
    assertThat(cooldown.isCoolingDown("matrix-01")).isFalse();
  }

  @Test
  void repeatedBlocksDoubleTheCooldownUpToTheCap() {
    Duration[] expected = {
      Duration.ofMinutes(10),
      Duration.ofMinutes(20),
      Duration.ofMinutes(40),
      Duration.ofMinutes(60),
      Duration.ofMinutes(60)
    };
    for (Duration cooling : expected) {
      Instant now = time.now();
      assertThat(cooldown.recordBlocked("matrix-02")).isEqualTo(now.plus(cooling));
      time.advance(cooling);
    }
  }

  @Test
  void successResetsTheGrowth() {
    cooldown.recordBlocked("matrix-03");
    time.advance(TEN_MINUTES);
    cooldown.recordBlocked("matrix-03");
    time.advance(Duration.ofMinutes(20));

    cooldown.recordSuccess("matrix-03");
    Instant now = time.now();

    assertThat(cooldown.isCoolingDown("matrix-03")).isFalse();
    assertThat(cooldown.recordBlocked("matrix-03")).isEqualTo(now.plus(TEN_MINUTES));
  }

  @Test
  void settingsAreValidated() {
    assertThatThrownBy(() -> new IdentityCooldown(Duration.ZERO, TEN_MINUTES, time))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new IdentityCooldown(TEN_MINUTES, Duration.ofMinutes(1), time))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
