package com.mallrank.crawler.politeness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mallrank.crawler.politeness.HostThrottle.Permit;
import com.mallrank.crawler.politeness.HostThrottle.Settings;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HostThrottleTest {

  private static final Duration SECOND = Duration.ofSeconds(1);

  private final FakeTime time = new FakeTime();

  @Test
  void firstRequestToAHostDoesNotWait() throws Exception {
    HostThrottle throttle = throttle(new Settings(SECOND, Duration.ZERO, 1));

    throttle.acquire("mall.example").close();

    assertThat(time.sleeps()).isEmpty();
  }

  @Test
  void consecutiveRequestsAreSpacedByDelayPlusJitter() throws Exception {
    Settings settings = new Settings(SECOND, Duration.ofMillis(500), 1);
    HostThrottle throttle = throttle(settings);
    List<Instant> starts = new ArrayList<>();

    for (int i = 0; i < 20; i++) {
      try (Permit permit = throttle.acquire("mall.example")) {
        starts.add(time.now());
      }
    }

    List<Duration> gaps = new ArrayList<>();
    for (int i = 1; i < starts.size(); i++) {
      gaps.add(Duration.between(starts.get(i - 1), starts.get(i)));
    }
    assertThat(gaps).allSatisfy(g -> assertThat(g).isBetween(SECOND, Duration.ofMillis(1500)));
    assertThat(gaps.stream().distinct().count()).as("jitter varies the gaps").isGreaterThan(10);
  }

  @Test
  void sameSeedGivesSameSchedule() throws Exception {
    Settings settings = new Settings(SECOND, Duration.ofMillis(500), 1);
    assertThat(schedule(settings, 7)).isEqualTo(schedule(settings, 7));
  }

  @Test
  void delayCountsFromTheEndOfASlowRequest() throws Exception {
    HostThrottle throttle = throttle(new Settings(SECOND, Duration.ZERO, 1));

    try (Permit permit = throttle.acquire("mall.example")) {
      time.advance(Duration.ofSeconds(5));
    }
    Instant ended = time.now();
    throttle.acquire("mall.example").close();

    assertThat(time.now()).isEqualTo(ended.plus(SECOND));
  }

  @Test
  void idleHostDoesNotWait() throws Exception {
    HostThrottle throttle = throttle(new Settings(SECOND, Duration.ZERO, 1));
    throttle.acquire("mall.example").close();
    time.advance(Duration.ofSeconds(3));

    throttle.acquire("mall.example").close();

    assertThat(time.sleeps()).isEmpty();
  }

  @Test
  void hostsArePacedIndependentlyAndCaseInsensitively() throws Exception {
    HostThrottle throttle = throttle(new Settings(SECOND, Duration.ZERO, 1));

    throttle.acquire("mall.example").close();
    throttle.acquire(URI.create("https://cdn.example/x.jpg")).close();
    throttle.acquire("MALL.example").close();

    assertThat(time.sleeps()).containsExactly(SECOND);
  }

  @Test
  void concurrencyIsCappedPerHost() throws Exception {
    HostThrottle throttle = throttle(new Settings(Duration.ZERO, Duration.ZERO, 2));
    Permit first = throttle.acquire("mall.example");
    Permit second = throttle.acquire("mall.example");
    Permit other = throttle.acquire("cdn.example");
    CountDownLatch thirdAdmitted = new CountDownLatch(1);
    Thread third =
        new Thread(
            () -> {
              try (Permit p = throttle.acquire("mall.example")) {
                thirdAdmitted.countDown();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    third.start();

    assertThat(thirdAdmitted.await(50, TimeUnit.MILLISECONDS)).isFalse();
    assertThat(throttle.inFlight("mall.example")).isEqualTo(2);
    first.close();
    first.close(); // closing twice releases once
    assertThat(thirdAdmitted.await(10, TimeUnit.SECONDS)).isTrue();
    third.join();
    second.close();
    other.close();
    assertThat(throttle.inFlight("mall.example")).isZero();
  }

  @Test
  void interruptedWaitHoldsNoPermit() throws Exception {
    TimeSource interrupting =
        new TimeSource() {
          @Override
          public Instant now() {
            return time.now();
          }

          @Override
          public void sleep(Duration duration) throws InterruptedException {
            throw new InterruptedException("stop");
          }
        };
    HostThrottle throttle =
        new HostThrottle(new Settings(SECOND, Duration.ZERO, 1), new Random(1), interrupting);
    throttle.acquire("mall.example").close();

    assertThatThrownBy(() -> throttle.acquire("mall.example"))
        .isInstanceOf(InterruptedException.class);
    assertThat(throttle.inFlight("mall.example")).isZero();
  }

  @Test
  void settingsAreValidated() {
    assertThatThrownBy(() -> new Settings(SECOND, Duration.ZERO, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Settings(SECOND.negated(), Duration.ZERO, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private List<Duration> schedule(Settings settings, long seed) throws InterruptedException {
    FakeTime clock = new FakeTime();
    HostThrottle throttle = new HostThrottle(settings, new Random(seed), clock);
    for (int i = 0; i < 5; i++) {
      throttle.acquire("mall.example").close();
    }
    return clock.sleeps();
  }

  private HostThrottle throttle(Settings settings) {
    return new HostThrottle(settings, new Random(42), time);
  }
}
