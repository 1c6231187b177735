package com.mallrank.batch.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The PostgreSQL the job tests run against: {@code MALLRANK_TEST_PG_URL} (+ {@code _USER}, {@code
 * _PASSWORD}) or the system properties {@code mallrank.test.pg.url|user|password}; {@code .ci/run}
 * starts Debian's cluster and sets them. Each test class gets its own schema, so runs never see
 * each other's job instances.
 */
public final class PostgresTestDatabase {

  private PostgresTestDatabase() {}

  public static String url() {
    return setting("mallrank.test.pg.url", "MALLRANK_TEST_PG_URL", null);
  }

  public static String user() {
    return setting("mallrank.test.pg.user", "MALLRANK_TEST_PG_USER", "mallrank_test");
  }

  public static String password() {
    return setting("mallrank.test.pg.password", "MALLRANK_TEST_PG_PASSWORD", "mallrank_test");
  }

  /** Why PostgreSQL cannot be used here, or null when it can. */
  public static String unavailableReason() {
    if (url() == null) {
      return "PostgreSQL tests skipped: set MALLRANK_TEST_PG_URL (and _USER, _PASSWORD), as"
          + " .ci/run does after starting Debian's PostgreSQL (pg_ctlcluster 15 main start)";
    }
    try (Connection connection = DriverManager.getConnection(url(), user(), password())) {
      return null;
    } catch (SQLException e) {
      return "PostgreSQL tests skipped: cannot connect to " + url() + ": " + e.getMessage();
    }
  }

  /** In CI a missing PostgreSQL is a failure, not a skip. */
  public static boolean required() {
    return "true".equalsIgnoreCase(System.getenv("CI"))
        || Boolean.getBoolean("mallrank.test.pg.required");
  }

  /**
   * Skips the calling test when PostgreSQL cannot be used, or fails it where it is {@link
   * #required()}.
   */
  public static void assumeAvailable() {
    String reason = unavailableReason();
    if (reason != null && required()) {
      fail(reason + " (CI=true: .ci/run must start PostgreSQL)");
    }
    assumeTrue(reason == null, reason);
  }

  /** Creates a schema and returns the JDBC URL that uses it. */
  public static String urlWithSchema(String schema) {
    try (Connection connection = DriverManager.getConnection(url(), user(), password());
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create schema " + schema + ": " + e.getMessage(), e);
    }
    return url() + (url().contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  private static String setting(String property, String env, String fallback) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      value = System.getenv(env);
    }
    return value == null || value.isBlank() ? fallback : value;
  }
}
