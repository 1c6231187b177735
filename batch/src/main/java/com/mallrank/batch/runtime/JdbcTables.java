package com.mallrank.batch.runtime;

import java.util.function.LongSupplier;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

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

  /**
   * Transactions of their own ({@code REQUIRES_NEW}) on {@code dataSource}: each statement run in
   * one commits at once, outside the chunk transaction a sampler runs in, and holds no lock while a
   * page loads.
   */
  public static TransactionTemplate ownTransactions(DataSource dataSource) {
    TransactionTemplate own = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    return own;
  }

  /**
   * {@link #createIfMissing}, then deletes the table's old rows: those whose {@code column} is
   * below {@code before}.
   */
  public static void createIfMissingAndPrune(
      JdbcOperations jdbc,
      TransactionOperations transactions,
      String table,
      String columns,
      String column,
      long before) {
    createIfMissing(jdbc, transactions, table, columns);
    transactions.executeWithoutResult(
        status -> jdbc.update("DELETE FROM " + table + " WHERE " + column + " < ?", before));
  }

  /**
   * One of these tables in one process: {@link #createIfMissingAndPrune created and pruned} on its
   * first use, not again.
   */
  public static final class OnFirstUse {

    private final JdbcOperations jdbc;
    private final TransactionOperations transactions;
    private final String table;
    private final String columns;
    private final String column;
    private volatile boolean ready;

    /** The arguments as {@link #createIfMissingAndPrune} takes them. */
    public OnFirstUse(
        JdbcOperations jdbc,
        TransactionOperations transactions,
        String table,
        String columns,
        String column) {
      this.jdbc = jdbc;
      this.transactions = transactions;
      this.table = table;
      this.columns = columns;
      this.column = column;
    }

    /**
     * Creates the table and deletes its rows whose column is below {@code before}, unless done
     * already.
     */
    public void ensure(LongSupplier before) {
      if (!ready) {
        createIfMissingAndPrune(jdbc, transactions, table, columns, column, before.getAsLong());
        ready = true;
      }
    }
  }
}
