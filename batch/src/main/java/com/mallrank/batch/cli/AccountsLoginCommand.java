package com.mallrank.batch.cli;

import com.mallrank.batch.config.BatchProperties;
import com.mallrank.batch.config.CrawlerProperties;
import com.mallrank.batch.runtime.BrowserRuntime;
import com.mallrank.batch.runtime.JdbcNeedsLoginMarks;
import com.mallrank.batch.runtime.SiteProfileRegistry;
import com.mallrank.batch.runtime.Target;
import com.mallrank.batch.runtime.Targets;
import com.mallrank.batch.text.Escaping;
import com.mallrank.crawler.fetch.browser.QrLogin;
import com.mallrank.crawler.profile.LoginRule;
import com.mallrank.crawler.profile.SiteProfile;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.springframework.core.env.Environment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code mallrank accounts login}: logs a matrix account in by QR code (扫码登录) and keeps its login
 * state where {@code accounts import} keeps it. Headless by default (servers have no display): the
 * page's QR code is decoded and drawn in the terminal and saved as a PNG, for the account's phone
 * to scan. The state is saved only once the profile's logged-in marker shows, owner-only and
 * atomically; its cookies are never printed or logged. Once it is saved, the account's {@code
 * needs-login} marks made before it are taken back ({@link JdbcNeedsLoginMarks#clear}), so every
 * worker samples it again in the current slot; a login that fails keeps them.
 */
@Command(
    name = "login",
    mixinStandardHelpOptions = true,
    description = {
      "Opens the site's login page in Chromium, shows its QR code in the terminal (and as a PNG"
          + " beside the state), waits until the account is logged in (scan it with the account's"
          + " Douyin app), then saves the login state to batch.accounts-dir/<id>.json, owner-only"
          + " (mode 600), and prints the plan line that uses it. Nothing is saved on a timeout.",
      "Once saved, the account's needs-login marks (the JobRepository database,"
          + " spring.datasource.*) are taken back: it is sampled again in the current slot.",
      "The login page and its markers come from the profile's login: section."
    })
public class AccountsLoginCommand implements Callable<Integer> {

  @Mixin AccountIdOption account;

  @Option(
      names = "--profile",
      defaultValue = "sandbox-static",
      description =
          "The site profile whose login: section gives the login page and markers"
              + " (default ${DEFAULT-VALUE}).")
  String profile;

  @Option(
      names = "--url",
      description =
          "The login page, instead of the profile's login.url-template with crawler.base-url.")
  URI url;

  @Option(names = "--headed", description = "Show the browser window (needs a display).")
  boolean headed;

  @Option(
      names = "--timeout",
      defaultValue = "180s",
      description = "How long to wait for the scan, e.g. 90s or 5m (default ${DEFAULT-VALUE}).")
  String timeout;

  private final BatchProperties batch;
  private final CrawlerProperties crawler;
  private final SiteProfileRegistry profiles;
  private final Targets targets;
  private final BrowserRuntime browser;
  private final Environment environment;

  public AccountsLoginCommand(
      BatchProperties batch,
      CrawlerProperties crawler,
      SiteProfileRegistry profiles,
      Targets targets,
      BrowserRuntime browser,
      Environment environment) {
    this.batch = batch;
    this.crawler = crawler;
    this.profiles = profiles;
    this.targets = targets;
    this.browser = browser;
    this.environment = environment;
  }

  @Override
  public Integer call() throws IOException {
    String id = account.checked();
    Duration wait = parseTimeout(timeout);
    SiteProfile site = profiles.get(profile);
    LoginRule login = site.login();
    if (login == null) {
      throw new IllegalArgumentException(
          site.source()
              + ": no login: section (login.url-template, login.qr, and login.logged-in with"
              + " login.logged-out or login.logged-in-when-url-leaves): profile "
              + site.id()
              + " cannot log in by QR code");
    }
    // the target the profile is sampled on: a site of its own starts no sandbox mall
    Target sampled = targets.target(site);
    URI page = url != null ? url : login.url(sampled.baseUrl());
    // a site with no phone app to scan with: the scan is done by opening the code's link
    boolean scanByHand =
        sampled.scanAs() != null
            && page.getAuthority().equals(URI.create(sampled.baseUrl()).getAuthority());
    Path folder = AccountsFolder.ensure(batch.accountsDir()).toAbsolutePath().normalize();
    Path target = folder.resolve(id + ".json");
    PrintStream out = System.out;
    int cookies =
        QrLogin.run(
            new QrLogin.Request(
                page,
                login.qr(),
                login.loggedIn(),
                login.loggedOut(),
                login.urlLeaves(),
                site.source(),
                target,
                folder.resolve(id + ".login-qr.png"),
                wait,
                Duration.ofSeconds(10),
                headed,
                crawler.browser().executable(),
                site.search().guard(),
                // the account's own way out, as for its pages: its proxy (the plan's), the guard
                new QrLogin.Network(
                    browser.httpClients(),
                    id,
                    crawler.maxRedirects(),
                    crawler.maxPageSize().toBytes())),
            new QrLogin.Display() {
              @Override
              public void qr(String halfBlocks, String link, Path png) {
                out.printf(
                    "scan this QR code with the Douyin app of %s (also saved as %s):%n", id, png);
                out.print(halfBlocks);
                out.printf("the code's link: %s%n", Escaping.terminal(link));
                if (scanByHand) {
                  out.printf(
                      "%s (no phone): to scan it as %s, open %s while this waits,"
                          + " e.g. curl '%<s'%n",
                      sampled.name(), id, Escaping.terminal(sampled.scanAs().apply(link, id)));
                }
                out.flush();
              }

              @Override
              public void countdown(long secondsLeft) {
                out.printf("waiting for the scan: %d s left%n", secondsLeft);
                out.flush();
              }
            });
    Instant loggedIn = Instant.now();
    AccountsFolder.recordLogin(folder, id, loggedIn, "accounts login");
    out.printf(
        "logged in: saved the login state of %s (%d cookies) to %s, owner-only%n",
        id, cookies, target);
    out.printf("in the plan, under the account '%s':%n  storage-state: %s%n", id, target);
    TakeBackNeedsLogin.after(environment, batch.zone(), id, loggedIn, out);
    return 0;
  }

  private static Duration parseTimeout(String text) {
    String t = text.trim().toLowerCase(java.util.Locale.ROOT);
    try {
      if (t.endsWith("m")) {
        return check(Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1))), text);
      }
      return check(
          Duration.ofSeconds(Long.parseLong(t.endsWith("s") ? t.substring(0, t.length() - 1) : t)),
          text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "--timeout: '" + text + "' is not a duration like 90s or 5m");
    }
  }

  private static Duration check(Duration d, String text) {
    if (d.isZero() || d.isNegative() || d.toMinutes() > 30) {
      throw new IllegalArgumentException("--timeout: '" + text + "' must be between 1s and 30m");
    }
    return d;
  }
}
