package com.mallrank.batch.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallrank.crawler.politeness.NeedsLogin;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The needs-login table on a real H2 file database, each instance on connections of its own. */
class JdbcNeedsLoginMarksTest {

  private static final Instant SLOT = Instant.parse("2026-12-07T06:00:00Z");
  private static final Instant NOW = Instant.parse("2026-12-07T06:10:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  @TempDir Path dir;

  private DataSource jdbc() {
    return new DriverManagerDataSource(
        "jdbc:h2:file:" + dir.resolve("marks") + ";AUTO_SERVER=TRUE");
  }

  @Test
  void theFirstMarkIsKeptPerSlotAndIdentityAndALongReasonIsCut() {
    JdbcNeedsLoginMarks one = new JdbcNeedsLoginMarks(jdbc(), SLOT, CLOCK);
    JdbcNeedsLoginMarks two = new JdbcNeedsLoginMarks(jdbc(), SLOT, CLOCK);
    JdbcNeedsLoginMarks next = new JdbcNeedsLoginMarks(jdbc(), SLOT.plusSeconds(3600), CLOCK);

    one.putIfAbsent("mx-a", new NeedsLogin.Mark(NOW, "login wall at " + NOW));
    two.putIfAbsent("mx-a", new NeedsLogin.Mark(NOW.plusSeconds(5), "a later reason"));
    two.putIfAbsent("mx-b", new NeedsLogin.Mark(NOW, "x".repeat(2000)));

    assertThat(two.get("mx-a"))
        .contains(new NeedsLogin.Mark(NOW, "login wall at 2026-12-07T06:10:00Z"));
    assertThat(one.get("mx-b").orElseThrow().reason())
        .hasSize(JdbcNeedsLoginMarks.MAX_REASON)
        .isEqualTo("x".repeat(JdbcNeedsLoginMarks.MAX_REASON - 1) + "…");
    assertThat(next.get("mx-a")).as("another slot").isEmpty();
    assertThat(one.get("anonymous")).isEmpty();
  }

  @Test
  void marksMadeLongAgoAreDeletedWhenASlotsMarksAreFirstUsed() {
    Instant old = NOW.minus(JdbcNeedsLoginMarks.KEEP).minusSeconds(1);
    new JdbcNeedsLoginMarks(jdbc(), SLOT, CLOCK)
        .putIfAbsent("mx-old", new NeedsLogin.Mark(old, "login wall at " + old));
    new JdbcNeedsLoginMarks(jdbc(), SLOT, CLOCK)
        .putIfAbsent("mx-new", new NeedsLogin.Mark(NOW, "login wall at " + NOW));

    assertThat(
            new JdbcTemplate(jdbc())
                .queryForList(
                    "SELECT identity FROM " + JdbcNeedsLoginMarks.TABLE + " ORDER BY identity",
                    String.class))
        .containsExactly("mx-new");
  }

  @Test
  void aNewLoginTakesBackTheIdentitysMarksMadeUpToItInEverySlot() {
    Instant next = SLOT.plusSeconds(3600);
    Instant login = NOW.plusSeconds(3600);
    new JdbcNeedsLoginMarks(jdbc(), SLOT, CLOCK)
        .putIfAbsent("mx-a", new NeedsLogin.Mark(NOW, "login wall at " + NOW));
    new JdbcNeedsLoginMarks(jdbc(), next, CLOCK)
        .putIfAbsent("mx-a", new NeedsLogin.Mark(login, "login wall at " + login));
    new JdbcNeedsLoginMarks(jdbc(), SLOT, CLOCK)
        .putIfAbsent("mx-b", new NeedsLogin.Mark(NOW, "login wall at " + NOW));

    assertThat(JdbcNeedsLoginMarks.clear(jdbc(), "mx-a", login)).containsExactly(SLOT, next);
    assertThat(marks()).containsExactly("mx-b " + SLOT.getEpochSecond());

    // a wall met again after the login is a new mark: a login before it does not take it back
    new JdbcNeedsLoginMarks(jdbc(), next, CLOCK)
        .putIfAbsent("mx-a", new NeedsLogin.Mark(login.plusMillis(1), "login wall again"));
    assertThat(JdbcNeedsLoginMarks.clear(jdbc(), "mx-a", login)).isEmpty();
    assertThat(marks())
        .containsExactly("mx-a " + next.getEpochSecond(), "mx-b " + SLOT.getEpochSecond());
  }

  @Test
  void takingBackOnADatabaseWithoutMarksCreatesTheTableAndFindsNone() {
    assertThat(JdbcNeedsLoginMarks.clear(jdbc(), "mx-a", NOW)).isEmpty();
    assertThat(marks()).isEmpty();
  }

  private List<String> marks() {
    return new JdbcTemplate(jdbc())
        .queryForList(
            "SELECT identity || ' ' || slot FROM "
                + JdbcNeedsLoginMarks.TABLE
                + " ORDER BY identity",
            String.class);
  }

  @Test
  void eightProcessesMarkingAtOnceOnAFreshDatabaseKeepOneMark() throws Exception {
    CyclicBarrier together = new CyclicBarrier(8);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<Optional<NeedsLogin.Mark>>> seen = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      JdbcNeedsLoginMarks marks = new JdbcNeedsLoginMarks(jdbc(), SLOT, CLOCK);
      NeedsLogin.Mark mark = new NeedsLogin.Mark(NOW.plusSeconds(t), "worker " + t);
      seen.add(
          pool.submit(
              () -> {
                together.await();
                marks.putIfAbsent("mx-a", mark);
                return marks.get("mx-a");
              }));
    }
    List<NeedsLogin.Mark> marks = new ArrayList<>();
    for (Future<Optional<NeedsLogin.Mark>> f : seen) {
      marks.add(f.get().orElseThrow());
    }
    pool.shutdown();

    assertThat(marks.stream().distinct()).hasSize(1);
    assertThat(
            new JdbcTemplate(jdbc())
                .queryForObject("SELECT COUNT(*) FROM " + JdbcNeedsLoginMarks.TABLE, Integer.class))
        .isEqualTo(1);
  }
}
