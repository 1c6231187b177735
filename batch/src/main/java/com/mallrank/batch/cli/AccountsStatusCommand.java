package com.mallrank.batch.cli;

import com.mallrank.batch.config.BatchProperties;
import com.mallrank.batch.plan.KeywordGroup;
import com.mallrank.batch.plan.MatrixAccount;
import com.mallrank.batch.plan.Plan;
import com.mallrank.batch.runtime.LoginStateFile;
import com.mallrank.batch.runtime.LoginStates;
import com.mallrank.batch.runtime.PlanRepository;
import com.mallrank.batch.text.Escaping;
import com.mallrank.index.report.Reports;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code mallrank accounts status}: is each matrix account still logged in, on each surface?
 * Answers from the stored samples (the newest one that tells, last ok, last login wall), the login
 * state files (usable or why not, soonest cookie expiry, age, permissions) and the record of the
 * last login by hand. Cookie values are never read into the answer. An account whose state file is
 * missing or too open is listed with why; it never stops the command.
 */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = {
      "Per matrix account of the plan and surface (site profile) it samples: its state, from its"
          + " newest sample that tells logged in from logged out (ok, or needs-login after a login"
          + " wall, a page that did not prove the login, or a login state file that cannot be"
          + " used; 're-logged in at …' after `accounts login` or `accounts import`, until the"
          + " next such sample), its newest sample, last ok and last login_required (slots, in"
          + " batch.zone), the soonest expiry of its login state's cookies, the state file, its"
          + " age and permissions, its proxy and device.",
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
    Instant now = Instant.now();
    List<AccountStatusTable.Account> accounts = accounts(plans.plan());
    System.out.print(AccountStatusTable.render(rows(accounts, now)));
    AccountStatusTable.notes(accounts, now)
        .forEach(note -> System.out.println(Escaping.terminal(note)));
    return 0;
  }

  /** The table's rows as of {@code now}. */
  public List<List<String>> rows(Instant now) {
    return rows(accounts(plans.plan()), now);
  }

  private List<List<String>> rows(List<AccountStatusTable.Account> accounts, Instant now) {
    return AccountStatusTable.rows(
        accounts,
        reports.accountActivity(accounts.stream().map(a -> a.account().id()).toList()),
        now,
        properties.zone());
  }

  /**
   * Each plan account with the surfaces its groups sample, the state file it searches with (the
   * same {@link LoginStates} the sampler and the browser use) and its last login by hand.
   */
  private List<AccountStatusTable.Account> accounts(Plan plan) {
    LoginStates states = new LoginStates(properties.accountsDir());
    return plan.accounts().stream()
        .map(
            account ->
                new AccountStatusTable.Account(
                    account,
                    surfaces(plan, account),
                    states.fileOf(account).map(LoginStateFile::inspect).orElse(null),
                    AccountsFolder.lastLogin(properties.accountsDir(), account.id()).orElse(null)))
        .toList();
  }

  private static List<String> surfaces(Plan plan, MatrixAccount account) {
    return plan.groups().stream()
        .filter(g -> g.vantages().contains(account.id()))
        .map(KeywordGroup::profile)
        .distinct()
        .toList();
  }
}
