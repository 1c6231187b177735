package com.mallrank.batch.runtime;

import com.mallrank.crawler.politeness.NeedsLogin;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One slot's {@code needs-login} marks in one small table of the application's database (the
 * JobRepository's: an H2 file by default, PostgreSQL in production), created when missing:
 *
 * <pre>
 * mallrank_needs_login(slot (epoch second), identity, since (epoch millisecond), reason,
 *                      primary key (slot, identity))
 * </pre>
 *
 * Why a table: with remote partitioning several worker processes sample one slot, and the database
 * is the one thing they already share; an account one worker found logged out is then skipped by
 * every other, not tried again. The first mark is kept: the primary key refuses the {@code INSERT}
 * of every later one, whichever process sends it. A mark is per identity, not per surface, as in
 * memory. The reason is bounded ({@value #MAX_REASON} characters); it names a login wall's time or
 * a login-state file's trouble, never a secret.
 *
 * <p>A new login takes an account's marks back ({@link #clear}, by {@code accounts login} or {@code
 * accounts import} once the new state is saved): every worker's next sample of the slot then
 * fetches it again.
 *
 * <p>Every statement commits on its own ({@code REQUIRES_NEW}), outside the chunk transaction the
 * sampler runs in: a mark stays when its chunk rolls back, and the other workers see it at once.
 */
public final class JdbcNeedsLoginMarks implements NeedsLogin.Marks {

  /** The table. */
  public static final String TABLE = "mallrank_needs_login";

  /** The longest reason kept; a longer one is cut. */
  static final int MAX_REASON = 500;

  /**
   * Marks made longer ago than this are deleted when a slot's marks are first used (by when they
   * were made, not by their slot: a slot sampled late, or again, still shares its marks).
   */
  static final Duration KEEP = Duration.ofDays(3);

  private static final String COLUMNS =
      "slot BIGINT NOT NULL, identity VARCHAR(200) NOT NULL, since BIGINT NOT NULL, reason VARCHAR("
          + MAX_REASON
          + ") NOT NULL, PRIMARY KEY (slot, identity)";

  private final JdbcTemplate jdbc;
  private final TransactionTemplate own;
  private final long slot;
  private final Clock clock;
  private final JdbcTables.OnFirstUse table;

  public JdbcNeedsLoginMarks(DataSource dataSource, Instant slot, Clock clock) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.own = JdbcTables.ownTransactions(dataSource);
    this.slot = slot.getEpochSecond();
    this.clock = clock;
    this.table = new JdbcTables.OnFirstUse(jdbc, own, TABLE, COLUMNS, "since");
  }

  /**
   * Takes back the identity's marks made up to {@code loggedInAt}, whatever their slot (the current
   * slot of each group it samples in, and a slot sampled late): the new login saved then fixes what
   * each of them showed. A mark made after it (the new login already met a wall again) stays.
   *
   * @return the slots whose mark was taken back, oldest first
   */
  public static List<Instant> clear(DataSource dataSource, String identity, Instant loggedInAt) {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    TransactionTemplate own = JdbcTables.ownTransactions(dataSource);
    JdbcTables.createIfMissing(jdbc, own, TABLE, COLUMNS);
    return own.execute(
        status -> {
          String which = " FROM " + TABLE + " WHERE identity = ? AND since <= ?";
          long upTo = loggedInAt.toEpochMilli();
          List<Instant> slots =
              jdbc
                  .queryForList(
                      "SELECT slot" + which + " ORDER BY slot", Long.class, identity, upTo)
                  .stream()
                  .map(Instant::ofEpochSecond)
                  .toList();
          jdbc.update("DELETE" + which, identity, upTo);
          return slots;
        });
  }

  @Override
  public void putIfAbsent(String identity, NeedsLogin.Mark mark) {
    ensureTable();
    String reason =
        mark.reason().length() > MAX_REASON
            ? mark.reason().substring(0, MAX_REASON - 1) + "…"
            : mark.reason();
    try {
      own.execute(
          status ->
              jdbc.update(
                  "INSERT INTO " + TABLE + " (slot, identity, since, reason) VALUES (?, ?, ?, ?)",
                  slot,
                  identity,
                  mark.since().toEpochMilli(),
                  reason));
    } catch (DuplicateKeyException markedFirstByAnother) {
      // the first mark is kept
    }
  }

  @Override
  public Optional<NeedsLogin.Mark> get(String identity) {
    ensureTable();
    return own.execute(
        status ->
            jdbc.query(
                "SELECT since, reason FROM " + TABLE + " WHERE slot = ? AND identity = ?",
                rs ->
                    rs.next()
                        ? Optional.of(
                            new NeedsLogin.Mark(
                                Instant.ofEpochMilli(rs.getLong(1)), rs.getString(2)))
                        : Optional.<NeedsLogin.Mark>empty(),
                slot,
                identity));
  }

  private void ensureTable() {
    table.ensure(() -> clock.instant().minus(KEEP).toEpochMilli());
  }
}
