package com.mallrank.batch.alert;

import com.mallrank.batch.runtime.JdbcTables;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The dedupe state as one small table in the application's database (the JobRepository's: an H2
 * file by default, PostgreSQL in production), created when missing:
 *
 * <pre>
 * mallrank_alert_sent(dedupe_key varchar(1000) primary key, sent_at timestamp)
 * </pre>
 *
 * Why a table: it survives restarts for free (the database is already there), and two mallrank
 * processes sharing it cannot both claim a key: a claim is a conditional {@code UPDATE} of an
 * expired row or an {@code INSERT} that the primary key refuses to the loser.
 */
public final class JdbcAlertDedupeStore implements AlertDedupeStore {

  /** The table. */
  public static final String TABLE = "mallrank_alert_sent";

  private final JdbcTemplate jdbc;
  private volatile boolean ready;

  public JdbcAlertDedupeStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public boolean claim(String key, Instant now, Duration window) {
    ensureTable();
    Timestamp at = Timestamp.from(now.truncatedTo(ChronoUnit.MILLIS));
    Timestamp expired = Timestamp.from(now.minus(window));
    int updated =
        jdbc.update(
            "UPDATE " + TABLE + " SET sent_at = ? WHERE dedupe_key = ? AND sent_at <= ?",
            at,
            key,
            expired);
    if (updated > 0) {
      return true;
    }
    try {
      jdbc.update("INSERT INTO " + TABLE + " (dedupe_key, sent_at) VALUES (?, ?)", key, at);
      return true;
    } catch (DuplicateKeyException sentWithinTheWindow) {
      return false;
    }
  }

  @Override
  public void release(String key, Instant claimedAt) {
    ensureTable();
    jdbc.update(
        "DELETE FROM " + TABLE + " WHERE dedupe_key = ? AND sent_at = ?",
        key,
        Timestamp.from(claimedAt.truncatedTo(ChronoUnit.MILLIS)));
  }

  private void ensureTable() {
    if (!ready) {
      JdbcTables.createIfMissing(
          jdbc,
          TransactionOperations.withoutTransaction(),
          TABLE,
          "dedupe_key VARCHAR(1000) PRIMARY KEY, sent_at TIMESTAMP NOT NULL");
      ready = true;
    }
  }
}
