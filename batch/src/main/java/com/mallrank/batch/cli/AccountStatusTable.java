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
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The rows of {@code mallrank accounts status}: per matrix account, what its samples say (last ok,
 * last login wall), what its login state file says (soonest cookie expiry, age, permissions), and
 * its own network and device from the plan (proxy without credentials, device, locale, time zone).
 * Nothing here ever holds a cookie value.
 */
public final class AccountStatusTable {

  static final List<String> HEADERS =
      List.of(
          "账号 account",
          "状态 state",
          "最近成功 last ok",
          "最近登录墙 last login_required",
          "Cookie 最早过期 cookie expiry",
          "登录状态 state file",
          "文件年龄 age",
          "权限 mode",
          "代理 proxy",
          "设备 device");

  private AccountStatusTable() {}

  /** One row per account, in plan order. */
  public static List<List<String>> rows(
      List<MatrixAccount> accounts,
      Map<String, AccountActivityRow> activity,
      Function<Path, LoginStateFile> files,
      Instant now,
      ZoneId zone) {
    List<List<String>> rows = new ArrayList<>();
    for (MatrixAccount account : accounts) {
      AccountActivityRow seen = activity.get(account.id());
      LoginStateFile file =
          account.storageState() == null ? null : files.apply(account.storageState());
      rows.add(
          List.of(
              account.id(),
              state(seen),
              time(seen == null ? null : seen.lastRanked(), zone),
              time(seen == null ? null : seen.lastLoginRequired(), zone),
              expiry(file, now, zone),
              file == null
                  ? "— (none in the plan)"
                  : file.exists() ? file.path().toString() : file.path() + " (missing)",
              file == null || file.modified() == null
                  ? "—"
                  : age(Duration.between(file.modified(), now)),
              mode(file),
              account.network().proxy() == null
                  ? "direct"
                  : account.network().proxy().shown(), // never its credentials
              account.network().deviceShown()
                  + " "
                  + account.network().locale()
                  + " "
                  + account.network().timezone()));
    }
    return rows;
  }

  /** The rows as a text table. */
  public static String render(List<List<String>> rows) {
    TextTable table = new TextTable();
    HEADERS.forEach(h -> table.column(h, TextTable.Align.LEFT));
    rows.forEach(r -> table.row(r.toArray()));
    return table.render();
  }

  private static String state(AccountActivityRow seen) {
    if (seen == null || seen.lastRanked() == null && seen.lastLoginRequired() == null) {
      return "never sampled";
    }
    return seen.needsLogin() ? "needs-login" : "ok";
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
