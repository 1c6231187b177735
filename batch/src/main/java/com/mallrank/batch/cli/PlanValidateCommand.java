package com.mallrank.batch.cli;

import com.mallrank.batch.config.BatchProperties;
import com.mallrank.batch.config.CrawlerProperties;
import com.mallrank.batch.plan.KeywordGroup;
import com.mallrank.batch.plan.MatrixAccount;
import com.mallrank.batch.plan.Plan;
import com.mallrank.batch.plan.SharedSamples;
import com.mallrank.batch.runtime.LoginStates;
import com.mallrank.batch.runtime.PhoneVantages;
import com.mallrank.batch.runtime.PlanRepository;
import com.mallrank.batch.runtime.SiteProfileRegistry;
import com.mallrank.batch.sample.Slots;
import com.mallrank.batch.text.Escaping;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code mallrank plan validate}: every problem of the plan, or a summary of what it samples. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Checks the plan (batch.plan) and the keyword lists it imports, and reports EVERY problem"
          + " with file, line and field: invalid cron, unknown account or profile, duplicate"
          + " keyword in a group, bad CSV row.",
      "Warns, naming the account and the file, about a login state that cannot be used (missing,"
          + " group/world-readable, unreadable, every cookie expired): that account's samples are"
          + " skipped (needs-login) until it logs in again; the others are sampled. Not for an"
          + " account sampled only from phone captures (fetch.with: har): the phone holds its"
          + " login.",
      "Warns about an anonymous vantage on a profile whose search needs a login"
          + " (search.requires-login, e.g. douyin-mall: Douyin answers 2483), never sampled, and"
          + " about an account whose folder of phone captures (crawler.har-dir/<account-id>/)"
          + " does not exist.",
      "Exit code 0 when the plan is valid, warnings or not; 2 when it is not (nothing is ever"
          + " sampled from an invalid plan)."
    })
public class PlanValidateCommand implements Callable<Integer> {

  private final PlanRepository plans;
  private final BatchProperties properties;
  private final SiteProfileRegistry profiles;
  private final CrawlerProperties crawler;

  public PlanValidateCommand(
      PlanRepository plans,
      BatchProperties properties,
      SiteProfileRegistry profiles,
      CrawlerProperties crawler) {
    this.plans = plans;
    this.properties = properties;
    this.profiles = profiles;
    this.crawler = crawler;
  }

  @Override
  public Integer call() {
    Plan plan = plans.plan();
    Instant now = Instant.now();
    List<String> warnings = warnings(plan, now);
    System.out.printf(
        "%s: valid, %d accounts, %d groups%s%n",
        plan.source(),
        plan.accounts().size(),
        plan.groups().size(),
        warnings.isEmpty()
            ? ""
            : ", " + warnings.size() + (warnings.size() == 1 ? " warning" : " warnings"));
    for (KeywordGroup group : plan.groups()) {
      String next =
          group.cadence().slotsBetween(now, now.plus(java.time.Duration.ofDays(400))).stream()
              .findFirst()
              .map(slot -> Slots.show(slot, properties.zone()))
              .orElse("never");
      System.out.printf(
          "  %-12s %3d keywords x %d vantages, depth %d, cadence '%s' window %s, next slot %s%n",
          group.name(),
          group.keywords().size(),
          group.vantages().size(),
          group.depth(),
          group.cadence().cron(),
          group.cadence().window(),
          next);
    }
    for (SharedSamples.Overlap overlap : SharedSamples.of(plan).overlaps()) {
      System.out.println(overlap.notice());
    }
    warnings.forEach(w -> System.out.println(Escaping.terminal("warning: " + w)));
    return 0;
  }

  /**
   * One line per account whose login state cannot be used (that account, not the plan; an account
   * sampled only from phone captures needs none), then the phone surfaces' ({@link
   * PhoneVantages#warnings}).
   */
  private List<String> warnings(Plan plan, Instant now) {
    LoginStates states = new LoginStates(properties.accountsDir());
    PhoneVantages phones = new PhoneVantages(plan, profiles::get, crawler.harDir());
    List<String> warnings = new ArrayList<>();
    for (MatrixAccount account : plan.accounts()) {
      if (!phones.usesStateFile(account)) {
        continue;
      }
      states
          .unusable(account, now)
          .ifPresent(
              why ->
                  warnings.add(
                      "account "
                          + account.id()
                          + ": "
                          + why
                          + "; its samples are skipped (needs-login) until it logs in again:"
                          + " mallrank accounts login --id "
                          + account.id()));
    }
    warnings.addAll(phones.warnings());
    return warnings;
  }
}
