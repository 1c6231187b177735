package com.mallrank.batch.cli;

import com.mallrank.batch.plan.MatrixAccount;
import com.mallrank.batch.runtime.LoginStateFile;
import com.mallrank.batch.text.Formats;
import com.mallrank.batch.text.TextTable;
import com.mallrank.index.report.AccountActivityRow;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The rows of {@code mallrank accounts status}: per matrix account and surface (site profile), what
 * its newest samples say about its login, what its login state file says (soonest cookie expiry,
 * age, permissions), and its own network and device from the plan (proxy without credentials,
 * device, locale, time zone). Nothing here ever holds a cookie value.
 *
 * <p>The state of an account on a surface, in this order: {@code needs-login (…)} when its login
 * state file cannot be used (missing, too open, unreadable, not a storage state, every cookie
 * expired: its samples are skipped); {@code re-logged in at …} when it was logged in by hand
 * ({@code accounts login}, {@code accounts import}) after its newest sample that tells logged in
 * from logged out, until the next such sample; else that sample's word: {@code ok} (ok, partial or
 * empty: the page was served to the account, and proved the login where the profile says how) or
 * {@code needs-login} (a login wall, a page that did not prove the login, or skipped for it);
 * {@code unknown} when no sample tells ({@code blocked}, {@code error}, …); {@code never sampled}.
 *
 * <p>On a surface read from phone captures ({@code fetch.with: har}) the phone holds the login: the
 * state file is not the row's business (its trouble, its login by hand are not shown there), the
 * state comes from the samples alone (a capture showing the login refusal is {@code needs-login}),
 * and the state-file columns say where the account's captures go and when the newest was written.
 */
public final class AccountStatusTable {

  static final List<String> HEADERS =
      List.of(
          "账号 account",
          "平台 surface",
          "状态 state",
          "最新样本 newest sample",
          "最近成功 last ok",
          "最近登录墙 last login_required",
          "Cookie 最早过期 cookie expiry",
          "登录状态 state file",
          "文件年龄 age",
          "权限 mode",
          "代理 proxy",
          "设备 device");

  /**
   * What the table needs to know about one account besides its samples.
   *
   * @param stateFile its login state file, or {@code null} when it has none or needs none (sampled
   *     from phone captures only: the file is then not read)
   * @param phone the account on surfaces read from its phone's captures
   */
  public record Account(
      MatrixAccount account,
      List<String> plannedSurfaces,
      LoginStateFile stateFile,
      Instant loggedInByHand,
      Phone phone) {

    public Account {
      phone = phone == null ? Phone.NONE : phone;
    }

    /** An account sampled on no phone surface. */
    public Account(
        MatrixAccount account,
        List<String> plannedSurfaces,
        LoginStateFile stateFile,
        Instant loggedInByHand) {
      this(account, plannedSurfaces, stateFile, loggedInByHand, Phone.NONE);
    }
  }

  /**
   * An account's phone captures.
   *
   * @param surfaces the profiles it is sampled on that read phone captures
   * @param folder where its captures go ({@code crawler.har-dir/<account-id>})
   * @param newestCapture when the newest capture file there was written, or {@code null}
   */
  public record Phone(Set<String> surfaces, Path folder, Instant newestCapture) {
    static final Phone NONE = new Phone(Set.of(), null, null);

    public Phone {
      surfaces = Set.copyOf(surfaces);
    }
  }

  private AccountStatusTable() {}

  /**
   * One row per account and surface, accounts in plan order, each account's planned surfaces first
   * (plan order), then any other surface it was sampled on; an account with none has one row.
   */
  public static List<List<String>> rows(
      List<Account> accounts, List<AccountActivityRow> activity, Instant now, ZoneId zone) {
    List<List<String>> rows = new ArrayList<>();
    for (Account entry : accounts) {
      MatrixAccount account = entry.account();
      Set<String> surfaces = new LinkedHashSet<>(entry.plannedSurfaces());
      activity.stream()
          .filter(a -> a.vantage().equals(account.id()))
          .forEach(a -> surfaces.add(a.profile()));
      if (surfaces.isEmpty()) {
        surfaces.add(null);
      }
      for (String surface : surfaces) {
        AccountActivityRow seen =
            activity.stream()
                .filter(a -> a.vantage().equals(account.id()) && a.profile().equals(surface))
                .findFirst()
                .orElse(null);
        rows.add(row(entry, surface, seen, now, zone));
      }
    }
    return rows;
  }

  private static List<String> row(
      Account entry, String surface, AccountActivityRow seen, Instant now, ZoneId zone) {
    MatrixAccount account = entry.account();
    LoginStateFile file = entry.stateFile();
    Phone phone = entry.phone();
    boolean onPhone = surface != null && phone.surfaces().contains(surface);
    Instant newestCapture = phone.newestCapture();
    return List.of(
        account.id(),
        surface == null ? "—" : surface,
        onPhone ? fromSamples(seen) : state(entry, seen, now, zone),
        newest(seen == null ? null : seen.newest(), zone),
        time(seen == null ? null : seen.lastRanked(), zone),
        time(seen == null ? null : seen.lastLoginRequired(), zone),
        onPhone ? "—" : expiry(file, now, zone),
        onPhone
            ? "phone capture ("
                + (phone.folder() == null ? "crawler.har-dir unset" : phone.folder() + "/")
                + "), "
                + (newestCapture == null
                    ? "no file yet"
                    : "newest file " + time(newestCapture, zone))
            : file == null
                ? "— (none)"
                : file.exists() ? file.path().toString() : file.path() + " (missing)",
        onPhone
            ? newestCapture == null ? "—" : age(Duration.between(newestCapture, now))
            : file == null || file.modified() == null
                ? "—"
                : age(Duration.between(file.modified(), now)),
        onPhone ? "—" : mode(file),
        // a phone capture went through the phone's own network, not the plan's proxy or device
        onPhone
            ? "— (phone)"
            : account.network().proxy() == null
                ? "direct"
                : account.network().proxy().shown(), // never its credentials
        onPhone
            ? "— (phone)"
            : account.network().deviceShown()
                + " "
                + account.network().locale()
                + " "
                + account.network().timezone());
  }

  /**
   * Why each account whose login state cannot be used needs a new login, one line each, with the
   * command that fixes it.
   */
  public static List<String> notes(List<Account> accounts, Instant now) {
    List<String> notes = new ArrayList<>();
    for (Account entry : accounts) {
      if (entry.stateFile() != null) {
        entry
            .stateFile()
            .unusable(now)
            .ifPresent(
                why ->
                    notes.add(
                        entry.account().id()
                            + ": "
                            + why
                            + "; its samples are skipped until: mallrank accounts login --id "
                            + entry.account().id()));
      }
    }
    return notes;
  }

  /** The rows as a text table. */
  public static String render(List<List<String>> rows) {
    TextTable table = new TextTable();
    HEADERS.forEach(h -> table.column(h, TextTable.Align.LEFT));
    rows.forEach(r -> table.row(r.toArray()));
    return table.render();
  }

  private static String state(Account entry, AccountActivityRow seen, Instant now, ZoneId zone) {
    String trouble = trouble(entry.stateFile(), now);
    if (trouble != null) {
      return "needs-login (" + trouble + ")";
    }
    AccountActivityRow.Seen telling = seen == null ? null : seen.newestOnLogin();
    Instant byHand = entry.loggedInByHand();
    if (byHand != null && (telling == null || byHand.isAfter(telling.sampledAt()))) {
      return "re-logged in at " + time(byHand, zone);
    }
    return fromSamples(seen);
  }

  /** The state the newest sample that tells logged in from logged out gives. */
  private static String fromSamples(AccountActivityRow seen) {
    AccountActivityRow.Seen telling = seen == null ? null : seen.newestOnLogin();
    if (telling != null) {
      return telling.loggedIn() ? "ok" : "needs-login";
    }
    return seen == null ? "never sampled" : "unknown";
  }

  /** A short reason the login state cannot be used, or {@code null} when it can (or is none). */
  private static String trouble(LoginStateFile file, Instant now) {
    if (file == null || file.unusable(now).isEmpty()) {
      return null;
    }
    if (!file.exists()) {
      return "state file missing";
    }
    if (file.problem() != null) {
      return file.problem().contains("not readable")
          ? "state file unreadable"
          : "state file too open";
    }
    return file.cookies() < 0 ? "not a storage state" : "every cookie expired";
  }

  private static String newest(AccountActivityRow.Seen newest, ZoneId zone) {
    if (newest == null) {
      return "—";
    }
    return time(newest.slot(), zone)
        + " "
        + newest.status()
        + ("skipped".equals(newest.status()) && newest.marker() != null
            ? " (" + newest.marker() + ")"
            : "");
  }

  private static String expiry(LoginStateFile file, Instant now, ZoneId zone) {
    if (file == null || !file.exists()) {
      return "—";
    }
    if (file.cookies() < 0) {
      return "not a storage state";
    }
    if (file.soonestExpiry() == null) {
      return file.cookies() == 0 ? "no cookies" : "session only (" + file.cookies() + ")";
    }
    return (file.soonestExpiry().isAfter(now) ? "" : "expired ")
        + time(file.soonestExpiry(), zone)
        + " ("
        + file.soonestName()
        + "; "
        + file.cookies()
        + " cookies)";
  }

  private static String mode(LoginStateFile file) {
    if (file == null || !file.exists()) {
      return "—";
    }
    String mode = file.mode() == null ? "?" : file.mode();
    return file.problem() == null ? mode + " ok" : mode + " too open: chmod 600, folder 700";
  }

  static String time(Instant at, ZoneId zone) {
    return at == null ? "—" : Formats.time(at, zone);
  }

  static String age(Duration age) {
    if (age.isNegative()) {
      return "0m";
    }
    long minutes = age.toMinutes();
    if (minutes < 60) {
      return minutes + "m";
    }
    long hours = age.toHours();
    return hours < 48 ? hours + "h" : age.toDays() + "d " + (hours % 24) + "h";
  }
}
