package com.mallrank.batch.cli;

import com.mallrank.batch.runtime.JdbcNeedsLoginMarks;
import com.mallrank.batch.runtime.JobRepositoryDatabase;
import com.mallrank.batch.sample.Slots;
import com.mallrank.batch.text.Escaping;
import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.core.env.Environment;

/**
 * What {@code accounts login} and {@code accounts import} do once they saved an account's new login
 * state: take back its {@code needs-login} marks made up to then ({@link
 * JdbcNeedsLoginMarks#clear}) in the JobRepository database every worker reads them from ({@code
 * spring.datasource.*}, which {@link CommandLineEnvironment} leaves as configured for both), and
 * say which slots they were in.
 */
final class TakeBackNeedsLogin {

  private TakeBackNeedsLogin() {}

  /**
   * Takes back the account's needs-login marks made up to the saved login. The login is saved
   * already: a database that cannot be reached is a warning (the marks then end with their slot),
   * not a failed command.
   */
  static void after(
      Environment environment, ZoneId zone, String id, Instant loggedIn, PrintStream out) {
    List<Instant> slots;
    try {
      slots = JdbcNeedsLoginMarks.clear(JobRepositoryDatabase.of(environment), id, loggedIn);
    } catch (RuntimeException e) {
      System.err.printf(
          "warning: %s stays marked needs-login until the end of each slot it was found logged"
              + " out in: the JobRepository database (spring.datasource.*) cannot be reached: %s%n",
          id, Escaping.terminal(FriendlyErrors.describe(e)));
      return;
    }
    if (!slots.isEmpty()) {
      out.printf(
          "%s was marked needs-login in slot %s: taken back, every worker samples it again%n",
          id,
          slots.stream()
              .map(slot -> Slots.show(slot, zone) + " (" + slot + ")")
              .collect(Collectors.joining(", ")));
    }
  }
}
