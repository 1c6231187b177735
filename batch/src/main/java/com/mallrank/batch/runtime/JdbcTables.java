package com.mallrank.batch.runtime;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Creates mallrank's own small tables (request budgets, alert dedupe) when missing, safely when two
 * processes start at once: PostgreSQL's {@code CREATE TABLE IF NOT EXISTS} is not safe against a
 * concurrent CREATE of the same name (the loser gets a duplicate catalog key), so a failed CREATE
 * counts as done when the table is then there.
 */
public final class JdbcTables {

  private JdbcTables() {}

  /**
   * @param transactions runs the CREATE and the check each in a transaction of its own (a failed
   *     statement aborts a PostgreSQL transaction), or {@link
   *     TransactionOperations#withoutTransaction()} where no transaction surrounds the call
   * @param table the table's name
   * @param columns the column and key definitions, without the parentheses
   */
  public static void createIfMissing(
      JdbcOperations jdbc, TransactionOperations transactions, String table, String columns) {
    try {
      transactions.executeWithoutResult(
          status -> jdbc.execute("CREATE TABLE IF NOT EXISTS " + table + " (" + columns + ")"));
    } catch (DataAccessException createdByAnotherProcessAtOnce) {
      try {
        transactions.executeWithoutResult(
            status -> jdbc.queryForList("SELECT 1 FROM " + table + " WHERE 1 = 0"));
      } catch (DataAccessException stillMissing) {
        createdByAnotherProcessAtOnce.addSuppressed(stillMissing);
        throw createdByAnotherProcessAtOnce;
      }
    }
  }
}
