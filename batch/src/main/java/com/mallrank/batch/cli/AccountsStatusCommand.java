package com.mallrank.batch.cli;

import static java.util.stream.Collectors.toSet;

import com.mallrank.batch.config.BatchProperties;
import com.mallrank.batch.config.CrawlerProperties;
import com.mallrank.batch.plan.KeywordGroup;
import com.mallrank.batch.plan.MatrixAccount;
import com.mallrank.batch.plan.Plan;
import com.mallrank.batch.runtime.LoginStateFile;
import com.mallrank.batch.runtime.LoginStates;
import com.mallrank.batch.runtime.PhoneVantages;
import com.mallrank.batch.runtime.PlanRepository;
import com.mallrank.batch.runtime.SiteProfileRegistry;
import com.mallrank.batch.text.Escaping;
import com.mallrank.index.report.AccountActivityRow;
import com.mallrank.index.report.Reports;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code mallrank accounts status}: is each matrix account still logged in, on each surface?
 * Answers from the stored samples (the newest one that tells, last ok, last login wall), the login
 * state files (usable or why not, soonest cookie expiry, age, permissions) and the record of the
 * last login by hand. Cookie values are never read into the answer. An account whose state file is
 * missing or too open is listed with why; it never stops the command. On a surface read from phone
 * captures the phone holds the login: the row names the account's capture folder and its newest
 * capture instead, and an account sampled only there has its state file neither read nor required.
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
      "On a surface read from phone captures (fetch.with: har) the phone holds the login: the row"
          + " shows 'phone capture (<crawler.har-dir>/<account-id>/)' with its newest capture, and"
          + " its state comes from the samples alone (a capture showing the login refusal:"
          + " needs-login).",
      "Cookie values are never printed."
    })
public class AccountsStatusCommand implements Callable<Integer> {

  private final PlanRepository plans;
  private final Reports reports;
  private final BatchProperties properties;
  private final SiteProfileRegistry profiles;
  private final CrawlerProperties crawler;

  public AccountsStatusCommand(
      PlanRepository plans,
      Reports reports,
      BatchProperties properties,
      SiteProfileRegistry profiles,
      CrawlerProperties crawler) {
    this.plans = plans;
    this.reports = reports;
    this.properties = properties;
    this.profiles = profiles;
    this.crawler = crawler;
  }

  @Override
  public Integer call() {
    Instant now = Instant.now();
    Plan plan = plans.plan();
    List<AccountActivityRow> activity = activity(plan);
    List<AccountStatusTable.Account> accounts = accounts(plan, activity);
    System.out.print(
        AccountStatusTable.render(
            AccountStatusTable.rows(accounts, activity, now, properties.zone())));
    AccountStatusTable.notes(accounts, now)
        .forEach(note -> System.out.println(Escaping.terminal(note)));
    return 0;
  }

  /** The table's rows as of {@code now}. */
  public List<List<String>> rows(Instant now) {
    Plan plan = plans.plan();
    List<AccountActivityRow> activity = activity(plan);
    return AccountStatusTable.rows(accounts(plan, activity), activity, now, properties.zone());
  }

  private List<AccountActivityRow> activity(Plan plan) {
    return reports.accountActivity(plan.accounts().stream().map(MatrixAccount::id).toList());
  }

  /**
   * Each plan account with the surfaces its groups sample, the state file it searches with (the
   * same {@link LoginStates} the sampler and the browser use; not read for an account sampled only
   * from phone captures), its last login by hand, and its phone captures.
   */
  private List<AccountStatusTable.Account> accounts(Plan plan, List<AccountActivityRow> activity) {
    LoginStates states = new LoginStates(properties.accountsDir());
    PhoneVantages phones = new PhoneVantages(plan, profiles::get, crawler.harDir());
    return plan.accounts().stream()
        .map(
            account -> {
              Set<String> surfaces = new LinkedHashSet<>(surfaces(plan, account));
              activity.stream()
                  .filter(a -> a.vantage().equals(account.id()))
                  .forEach(a -> surfaces.add(a.profile()));
              Set<String> onPhone = surfaces.stream().filter(phones::phoneSurface).collect(toSet());
              return new AccountStatusTable.Account(
                  account,
                  surfaces(plan, account),
                  phones.usesStateFile(account)
                      ? states.fileOf(account).map(LoginStateFile::inspect).orElse(null)
                      : null,
                  AccountsFolder.lastLogin(properties.accountsDir(), account.id()).orElse(null),
                  onPhone.isEmpty()
                      ? null
                      : new AccountStatusTable.Phone(
                          onPhone,
                          phones.folderOf(account.id()),
                          phones.newestCapture(account.id()).orElse(null)));
            })
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
