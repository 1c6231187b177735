package com.mallrank.batch.budget;

import com.mallrank.batch.plan.IdentityBudget;
import com.mallrank.batch.runtime.JdbcTables;
import com.mallrank.crawler.politeness.RequestBudget;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Request budgets as counters in one small table of the application's database (the
 * JobRepository's: an H2 file by default, PostgreSQL in production), created when missing:
 *
 * <pre>
 * mallrank_request_budget(identity, period ('minute'|'day'), window_start (epoch second),
 *                         used, primary key (identity, period, window_start))
 * </pre>
 *
 * Why a table: two mallrank processes sampling as the same account must share one count, and the
 * database is the one thing they already share. Taking a request is a conditional {@code UPDATE ...
 * SET used = used + 1 WHERE ... AND used < limit} (the database serialises concurrent updates of a
 * row and re-checks the condition), or the {@code INSERT} of a window's first request, which the
 * primary key refuses to all but one process. A request needs room in both windows: the minute is
 * taken first and given back when the day is full, so a count may briefly read one too high (a
 * request refused that would have fitted), never one too low.
 *
 * <p>Every statement commits on its own ({@code REQUIRES_NEW}), outside the chunk transaction the
 * sampler runs in: a request sent stays counted when its chunk rolls back, and no row lock is held
 * while a page loads.
 */
public final class JdbcRequestBudget implements RequestBudget {

  /** The table. */
  public static final String TABLE = "mallrank_request_budget";

  /** Windows older than this are deleted when a process first uses the table. */
  static final Duration KEEP = Duration.ofDays(3);

  private final JdbcTemplate jdbc;
  private final TransactionTemplate own;
  private final Function<String, IdentityBudget> limits;
  private final Clock clock;
  private final ZoneId zone;
  private final JdbcTables.OnFirstUse table;

  /**
   * @param limits each identity's budget, or {@code null} for an identity without one (unlimited,
   *     the database is not asked)
   * @param zone where a day starts ({@code batch.zone}: Douyin counts in Beijing time)
   */
  public JdbcRequestBudget(
      DataSource dataSource, Function<String, IdentityBudget> limits, Clock clock, ZoneId zone) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.own = JdbcTables.ownTransactions(dataSource);
    this.limits = limits;
    this.clock = clock;
    this.zone = zone;
    this.table =
        new JdbcTables.OnFirstUse(
            jdbc,
            own,
            TABLE,
            "identity VARCHAR(100) NOT NULL, period VARCHAR(10) NOT NULL,"
                + " window_start BIGINT NOT NULL, used INTEGER NOT NULL,"
                + " PRIMARY KEY (identity, period, window_start)",
            "window_start");
  }

  @Override
  public boolean tryTake(String identity) {
    IdentityBudget budget = limits.apply(identity);
    if (budget == null) {
      return true;
    }
    ensureTable();
    Instant now = clock.instant();
    long minute = now.truncatedTo(ChronoUnit.MINUTES).getEpochSecond();
    long day = now.atZone(zone).truncatedTo(ChronoUnit.DAYS).toInstant().getEpochSecond();
    if (budget.perMinute() != null && !take(identity, "minute", minute, budget.perMinute())) {
      return false;
    }
    if (budget.perDay() != null && !take(identity, "day", day, budget.perDay())) {
      if (budget.perMinute() != null) {
        giveBack(identity, "minute", minute);
      }
      return false;
    }
    return true;
  }

  /** How many requests the identity used in the window starting at {@code windowStart}. */
  public int used(String identity, String period, long windowStart) {
    ensureTable();
    Integer used =
        inOwnTransaction(
            () ->
                jdbc.query(
                    "SELECT used FROM "
                        + TABLE
                        + " WHERE identity = ? AND period = ? AND window_start = ?",
                    rs -> rs.next() ? rs.getInt(1) : 0,
                    identity,
                    period,
                    windowStart));
    return used == null ? 0 : used;
  }

  private boolean take(String identity, String period, long windowStart, int limit) {
    if (increment(identity, period, windowStart, limit)) {
      return true;
    }
    try {
      update(
          "INSERT INTO " + TABLE + " (identity, period, window_start, used) VALUES (?, ?, ?, 1)",
          identity,
          period,
          windowStart);
      return true; // the window's first request (every limit is at least 1)
    } catch (DuplicateKeyException windowAlreadyOpened) {
      return increment(identity, period, windowStart, limit);
    }
  }

  private boolean increment(String identity, String period, long windowStart, int limit) {
    return update(
            "UPDATE "
                + TABLE
                + " SET used = used + 1"
                + " WHERE identity = ? AND period = ? AND window_start = ? AND used < ?",
            identity,
            period,
            windowStart,
            limit)
        > 0;
  }

  private void giveBack(String identity, String period, long windowStart) {
    update(
        "UPDATE "
            + TABLE
            + " SET used = used - 1"
            + " WHERE identity = ? AND period = ? AND window_start = ? AND used > 0",
        identity,
        period,
        windowStart);
  }

  /** One statement, committed on its own, outside any surrounding transaction. */
  private int update(String sql, Object... args) {
    Integer count = inOwnTransaction(() -> jdbc.update(sql, args));
    return count == null ? 0 : count;
  }

  private <T> T inOwnTransaction(Supplier<T> work) {
    return own.execute(status -> work.get());
  }

  private void ensureTable() {
    table.ensure(() -> clock.instant().minus(KEEP).getEpochSecond());
  }
}
