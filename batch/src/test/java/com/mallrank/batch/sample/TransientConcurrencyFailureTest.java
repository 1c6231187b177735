package com.mallrank.batch.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.support.SQLErrorCodeSQLExceptionTranslator;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.springframework.jdbc.support.SQLStateSQLExceptionTranslator;

/**
 * Which failures of a launch {@link SampleLauncher} retries: PostgreSQL's serialization failures
 * and deadlocks as Spring translates them from the driver's exception (the same translator and
 * SQLStates the JobRepository meets), not a real duplicate nor an optimistic locking failure.
 */
class TransientConcurrencyFailureTest {

  /** JdbcTemplate's translator for PostgreSQL, and the one JdbcTransactionManager's commit uses. */
  static List<SQLExceptionTranslator> translators() {
    return List.of(
        new SQLErrorCodeSQLExceptionTranslator("PostgreSQL"), new SQLStateSQLExceptionTranslator());
  }

  private static DataAccessException translated(
      SQLExceptionTranslator translator, String message, String sqlState) {
    return translator.translate("JDBC commit", null, new SQLException(message, sqlState));
  }

  /**
   * The wait before retry n is the first backoff doubled n-1 times plus up to half of it: 100-150
   * ms, 200-300 ms, 400-600 ms, 800-1200 ms for the four retries of five attempts.
   */
  @Test
  void aRefusedLaunchWaitsADoublingBackoffPlusUpToHalfOfIt() {
    for (int retry = 1; retry < SampleLauncher.ATTEMPTS; retry++) {
      Duration base = SampleLauncher.FIRST_BACKOFF.multipliedBy(1L << (retry - 1));
      for (int draw = 0; draw < 200; draw++) {
        assertThat(SampleLauncher.BACKOFF.delay(retry))
            .as("retry %d", retry)
            .isBetween(base, base.multipliedBy(3).dividedBy(2));
      }
    }
    assertThat(SampleLauncher.BACKOFF.max()).isEqualTo(Duration.ofMillis(1200));
  }

  @ParameterizedTest
  @MethodSource("translators")
  void aSerializationFailureIsRetriedWithItsSqlState(SQLExceptionTranslator translator) {
    DataAccessException failure =
        translated(
            translator,
            "ERROR: could not serialize access due to read/write dependencies among transactions",
            "40001");
    assertThat(failure).isInstanceOf(PessimisticLockingFailureException.class);

    assertThat(SampleLauncher.transientConcurrencyFailure(failure)).isEqualTo("40001");
    assertThat(
            SampleLauncher.transientConcurrencyFailure(
                new IllegalStateException("wrapped by the job", failure)))
        .isEqualTo("40001");
  }

  @ParameterizedTest
  @MethodSource("translators")
  void aDeadlockIsRetried(SQLExceptionTranslator translator) {
    assertThat(
            SampleLauncher.transientConcurrencyFailure(
                translated(translator, "ERROR: deadlock detected", "40P01")))
        .isEqualTo("40P01");
  }

  @Test
  void anotherPessimisticLockingFailureIsRetriedUnderItsOwnSqlStateIfAny() {
    assertThat(
            SampleLauncher.transientConcurrencyFailure(
                new CannotAcquireLockException(
                    "lock timeout",
                    new SQLException("ERROR: could not obtain lock on row", "55P03"))))
        .isEqualTo("55P03");
    assertThat(
            SampleLauncher.transientConcurrencyFailure(
                new PessimisticLockingFailureException("no driver exception")))
        .isEqualTo("n/a");
  }

  @ParameterizedTest
  @MethodSource("translators")
  void aRealDuplicateAnOptimisticLockingFailureAndOtherFailuresAreNotRetried(
      SQLExceptionTranslator translator) {
    DataAccessException duplicate =
        translated(
            translator,
            "ERROR: duplicate key value violates unique constraint \"job_inst_un\"",
            "23505");

    assertThat(duplicate).isInstanceOf(DataIntegrityViolationException.class);
    assertThat(SampleLauncher.transientConcurrencyFailure(duplicate)).isNull();
    assertThat(
            SampleLauncher.transientConcurrencyFailure(
                new OptimisticLockingFailureException("version 3 of execution 7 expected")))
        .isNull();
    assertThat(
            SampleLauncher.transientConcurrencyFailure(
                translated(
                    translator, "ERROR: relation \"batch_job_instance\" does not exist", "42P01")))
        .isNull();
    assertThat(
            SampleLauncher.transientConcurrencyFailure(
                new IllegalStateException("JobInstance must not already exist")))
        .isNull();
  }
}
