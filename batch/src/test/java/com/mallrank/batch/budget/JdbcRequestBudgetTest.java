package com.mallrank.batch.budget;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallrank.batch.plan.IdentityBudget;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The counters on a real H2 file database, each call on a connection of its own. */
class JdbcRequestBudgetTest {

  private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

  @TempDir Path dir;

  private DataSource jdbc() {
    return new DriverManagerDataSource(
        "jdbc:h2:file:" + dir.resolve("budget") + ";MODE=PostgreSQL");
  }

  /** A clock the test moves. */
  private static final class MovableClock extends Clock {
    private final AtomicReference<Instant> now;

    MovableClock(Instant start) {
      now = new AtomicReference<>(start);
    }

    void plusSeconds(long seconds) {
      now.updateAndGet(t -> t.plusSeconds(seconds));
    }

    @Override
    public Instant instant() {
      return now.get();
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  @Test
  void theMinuteAndTheDayEachHoldAndANewMinuteGivesRoomUntilTheDayIsFull() {
    MovableClock clock = new MovableClock(Instant.parse("2026-11-30T03:00:10Z"));
    Map<String, IdentityBudget> limits = Map.of("mx-a", new IdentityBudget(2, 3));
    JdbcRequestBudget budget = new JdbcRequestBudget(jdbc(), limits::get, clock, BEIJING);

    List<Boolean> taken = new ArrayList<>();
    taken.add(budget.tryTake("mx-a"));
    taken.add(budget.tryTake("mx-a"));
    taken.add(budget.tryTake("mx-a")); // the minute is full
    clock.plusSeconds(60);
    taken.add(budget.tryTake("mx-a"));
    taken.add(budget.tryTake("mx-a")); // the day is full: the minute is given back

    assertThat(taken).containsExactly(true, true, false, true, false);
    long minute = Instant.parse("2026-11-30T03:01:00Z").getEpochSecond();
    long beijingDay = Instant.parse("2026-11-29T16:00:00Z").getEpochSecond();
    assertThat(budget.used("mx-a", "minute", minute)).isEqualTo(1);
    assertThat(budget.used("mx-a", "day", beijingDay)).isEqualTo(3);
    assertThat(budget.tryTake("anonymous")).as("no budget: not limited").isTrue();
    assertThat(budget.used("anonymous", "day", beijingDay)).isZero();
  }

  @Test
  void aNewDayInBeijingTimeStartsAFreshCount() {
    MovableClock clock = new MovableClock(Instant.parse("2026-11-30T15:59:30Z"));
    Map<String, IdentityBudget> limits = Map.of("mx-a", new IdentityBudget(null, 1));
    JdbcRequestBudget budget = new JdbcRequestBudget(jdbc(), limits::get, clock, BEIJING);

    boolean first = budget.tryTake("mx-a");
    boolean sameDay = budget.tryTake("mx-a");
    clock.plusSeconds(60); // 00:00:30 in Beijing
    boolean nextDay = budget.tryTake("mx-a");

    assertThat(List.of(first, sameDay, nextDay)).containsExactly(true, false, true);
  }

  @Test
  void eightThreadsOnSeparateConnectionsNeverTakeMoreThanTheLimit() throws Exception {
    Clock clock = Clock.fixed(Instant.parse("2026-11-30T03:00:10Z"), ZoneOffset.UTC);
    Map<String, IdentityBudget> limits = Map.of("mx-a", new IdentityBudget(1000, 37));
    CyclicBarrier together = new CyclicBarrier(8);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<Integer>> counts = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      JdbcRequestBudget budget = new JdbcRequestBudget(jdbc(), limits::get, clock, BEIJING);
      counts.add(
          pool.submit(
              () -> {
                together.await();
                int granted = 0;
                for (int i = 0; i < 10; i++) {
                  granted += budget.tryTake("mx-a") ? 1 : 0;
                }
                return granted;
              }));
    }
    int granted = 0;
    for (Future<Integer> count : counts) {
      granted += count.get(1, TimeUnit.MINUTES);
    }
    pool.shutdown();

    assertThat(granted).isEqualTo(37);
  }
}
