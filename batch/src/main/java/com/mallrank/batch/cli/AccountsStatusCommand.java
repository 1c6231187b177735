package com.mallrank.batch.cli;

import com.mallrank.batch.config.BatchProperties;
import com.mallrank.batch.plan.MatrixAccount;
import com.mallrank.batch.runtime.LoginStateFile;
import com.mallrank.batch.runtime.PlanRepository;
import com.mallrank.index.report.AccountActivityRow;
import com.mallrank.index.report.Reports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;

/**
 * {@code mallrank accounts status}: is each matrix account still logged in? Answers from the stored
 * samples (last ok, last login wall) and the login state files (soonest cookie expiry, age,
 * permissions). Cookie values are never read into the answer.
 */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = {
      "Per matrix account of the plan: its state (ok, or needs-login when a login wall came after"
          + " its last ok sample), its last ok sample and last login_required sample (slots, in"
          + " batch.zone), the soonest expiry of its login state's cookies, the state file, its age"
          + " and permissions.",
      "Cookie values are never printed."
    })
public class AccountsStatusCommand implements Callable<Integer> {

  private final PlanRepository plans;
  private final Reports reports;
  private final BatchProperties properties;

  public AccountsStatusCommand(PlanRepository plans, Reports reports, BatchProperties properties) {
    this.plans = plans;
    this.reports = reports;
    this.properties = properties;
  }

  @Override
  public Integer call() {
    System.out.print(AccountStatusTable.render(rows(Instant.now())));
    return 0;
  }

  /** The table's rows as of {@code now}. */
  public List<List<String>> rows(Instant now) {
    List<MatrixAccount> accounts =
        plans.plan().accounts().stream().map(this::withStateFile).toList();
    Map<String, AccountActivityRow> activity =
        reports.accountActivity(accounts.stream().map(MatrixAccount::id).toList()).stream()
            .collect(Collectors.toMap(AccountActivityRow::vantage, Function.identity()));
    return AccountStatusTable.rows(
        accounts, activity, LoginStateFile::inspect, now, properties.zone());
  }

  /**
   * The state file the browser uses for the account: the plan's {@code storage-state}, else {@code
   * <batch.accounts-dir>/<id>.json} when it exists (see {@code BrowserRuntime}).
   */
  private MatrixAccount withStateFile(MatrixAccount account) {
    if (account.storageState() != null || !account.id().matches("[A-Za-z0-9_][A-Za-z0-9._-]*")) {
      return account;
    }
    Path file = properties.accountsDir().resolve(account.id() + ".json");
    return Files.exists(file)
        ? new MatrixAccount(
            account.id(),
            account.name(),
            account.shopIds(),
            account.productIds(),
            file,
            account.network())
        : account;
  }
}
