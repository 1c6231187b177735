package com.mallrank.batch.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallrank.batch.testing.PostgresTestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * A manager and its workers first start on an empty PostgreSQL database at the same instant: each
 * runs the JobRepository script. Without the script's advisory lock, concurrent {@code CREATE ...
 * IF NOT EXISTS} of the same table fails in all but one of them.
 */
class JobRepositorySchemaIT {

  private static final int STARTS = 6;

  @BeforeAll
  static void postgres() {
    PostgresTestDatabase.assumeAvailable();
  }

  @Test
  void sixStartsAtTheSameInstantOnAnEmptyDatabaseAllSucceed() throws Exception {
    String schema = "t_" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
    String url = PostgresTestDatabase.urlWithSchema(schema);
    CyclicBarrier together = new CyclicBarrier(STARTS);
    ExecutorService starts = Executors.newFixedThreadPool(STARTS);
    List<Future<?>> results = new ArrayList<>();
    try {
      for (int i = 0; i < STARTS; i++) {
        results.add(
            starts.submit(
                () -> {
                  try (Connection connection = connect(url)) {
                    together.await(30, TimeUnit.SECONDS);
                    ScriptUtils.executeSqlScript(
                        connection, new ClassPathResource("jobrepo/schema-postgresql.sql"));
                  }
                  return null;
                }));
      }
      for (Future<?> result : results) {
        result.get(60, TimeUnit.SECONDS);
      }
    } finally {
      starts.shutdownNow();
    }

    try (Connection connection = connect(url);
        ResultSet tables =
            connection
                .createStatement()
                .executeQuery(
                    "SELECT count(*) FROM information_schema.tables"
                        + " WHERE table_schema = '"
                        + schema
                        + "' AND table_name LIKE 'batch_%'");
        ResultSet locks =
            connection
                .createStatement()
                .executeQuery(
                    "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"
                        + " AND (classid::bigint << 32) + objid::bigint = 7809317843027030578")) {
      tables.next();
      assertThat(tables.getInt(1)).isEqualTo(6);
      locks.next();
      assertThat(locks.getInt(1)).as("advisory locks left held").isZero();
      connection.createStatement().execute("DROP SCHEMA " + schema + " CASCADE");
    }
  }

  private static Connection connect(String url) throws Exception {
    return DriverManager.getConnection(
        url, PostgresTestDatabase.user(), PostgresTestDatabase.password());
  }
}
