package com.mallrank.batch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallrank.batch.plan.IdentityNetwork;
import com.mallrank.batch.plan.MatrixAccount;
import com.mallrank.batch.runtime.LoginStateFile;
import com.mallrank.index.report.AccountActivityRow;
import com.mallrank.index.report.AccountActivityRow.Seen;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code accounts status} rows from real files: one per account and surface, the state from the
 * newest sample that tells, a login state that cannot be used, a login by hand; exact cells, never
 * a cookie value.
 */
class AccountStatusTableTest {

  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final Instant T1 = Instant.parse("2026-11-28T06:00:00Z");
  private static final Instant T2 = Instant.parse("2026-11-28T07:00:00Z");
  private static final Instant NOW = Instant.parse("2026-11-29T06:00:00Z");
  private static final String SECRET = "SECRET-VALUE-42";
  private static final String DIRECT = "direct";
  private static final String DEVICE = "(configured) zh-CN Asia/Shanghai";
  private static final String STATIC = "sandbox-static";
  private static final String SPA = "sandbox-spa";

  @TempDir Path dir;

  private static Seen seen(Instant slot, String status, String marker) {
    return new Seen(slot, status, marker, slot.plusSeconds(65));
  }

  private static AccountActivityRow activity(
      String id, String profile, Seen newest, Seen onLogin, Instant ranked, Instant wall) {
    return new AccountActivityRow(id, profile, ranked, wall, null, newest, onLogin);
  }

  @Test
  void oneRowPerAccountAndSurfaceFromItsNewestSamplesAndItsStateFile() throws Exception {
    Path folder = Files.createDirectory(dir.resolve("accounts"));
    Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
    Path good = folder.resolve("mx-a.json");
    Files.writeString(
        good,
        """
        {"cookies":[
          {"name":"sid","value":"%1$s","domain":".jinritemai.com","path":"/","expires":-1},
          {"name":"sessionid","value":"%1$s","domain":".douyin.com","path":"/","expires":%2$d},
          {"name":"tt_webid","value":"%1$s","domain":".douyin.com","path":"/","expires":%3$d.5}
        ],"origins":[]}
        """
            .formatted(
                SECRET,
                Instant.parse("2026-12-28T04:00:00Z").getEpochSecond(),
                Instant.parse("2027-06-01T00:00:00Z").getEpochSecond()));
    Files.setPosixFilePermissions(good, PosixFilePermissions.fromString("rw-------"));
    Files.setLastModifiedTime(good, FileTime.from(Instant.parse("2026-11-28T04:00:00Z")));
    Path open = folder.resolve("mx-b.json");
    Files.writeString(open, "not json " + SECRET);
    Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rw-r--r--"));
    Files.setLastModifiedTime(open, FileTime.from(NOW.minusSeconds(3 * 86_400 + 2 * 3600)));
    Path missing = folder.resolve("mx-d.json");

    List<List<String>> rows =
        AccountStatusTable.rows(
            List.of(
                account("mx-a", good, List.of(SPA), null),
                account("mx-b", open, List.of(STATIC), null),
                account("mx-c", null, List.of(), null),
                account("mx-d", missing, List.of(STATIC), null)),
            List.of(
                // mx-a: ok on the app, a page without its login on the static surface
                activity("mx-a", SPA, seen(T2, "ok", null), seen(T2, "ok", null), T2, null),
                activity(
                    "mx-a",
                    STATIC,
                    seen(T2, "skipped", "needs-login"),
                    seen(T2, "skipped", "needs-login"),
                    T1,
                    T2),
                activity("mx-b", STATIC, seen(T1, "ok", null), seen(T1, "ok", null), T1, null)),
            NOW,
            ZONE);

    assertThat(rows)
        .containsExactly(
            List.of(
                "mx-a",
                SPA,
                "ok",
                "2026-11-28 15:00 ok",
                "2026-11-28 15:00",
                "—",
                "2026-12-28 12:00 (sessionid; 3 cookies)",
                good.toString(),
                "26h",
                "rw------- ok",
                DIRECT,
                DEVICE),
            List.of(
                "mx-a",
                STATIC,
                "needs-login",
                "2026-11-28 15:00 skipped (needs-login)",
                "2026-11-28 14:00",
                "2026-11-28 15:00",
                "2026-12-28 12:00 (sessionid; 3 cookies)",
                good.toString(),
                "26h",
                "rw------- ok",
                DIRECT,
                DEVICE),
            List.of(
                "mx-b",
                STATIC,
                "needs-login (state file too open)",
                "2026-11-28 14:00 ok",
                "2026-11-28 14:00",
                "—",
                "not a storage state",
                open.toString(),
                "3d 2h",
                "rw-r--r-- too open: chmod 600, folder 700",
                DIRECT,
                DEVICE),
            List.of(
                "mx-c",
                "—",
                "never sampled",
                "—",
                "—",
                "—",
                "—",
                "— (none)",
                "—",
                "—",
                DIRECT,
                DEVICE),
            List.of(
                "mx-d",
                STATIC,
                "needs-login (state file missing)",
                "—",
                "—",
                "—",
                "—",
                missing + " (missing)",
                "—",
                "—",
                DIRECT,
                DEVICE));
    assertThat(AccountStatusTable.render(rows)).doesNotContain(SECRET).contains("账号 account");
    assertThat(
            AccountStatusTable.notes(
                List.of(
                    account("mx-a", good, List.of(), null),
                    account("mx-d", missing, List.of(), null)),
                NOW))
        .containsExactly(
            "mx-d: login state file "
                + missing
                + " does not exist: log the account in with `mallrank accounts login` (or"
                + " `accounts import`); its samples are skipped until: mallrank accounts login"
                + " --id mx-d");
  }

  @Test
  void aLoginByHandShowsUntilTheNextSampleThatTellsAndExpiredCookiesNeedALogin() throws Exception {
    Path folder = Files.createDirectory(dir.resolve("a"));
    Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
    Path expired = folder.resolve("mx-a.json");
    Files.writeString(
        expired,
        "{\"cookies\":[{\"name\":\"bad name\",\"value\":\"v\",\"domain\":\".douyin.com\",\"expires\":"
            + T1.getEpochSecond()
            + "}]}");
    Files.setPosixFilePermissions(expired, PosixFilePermissions.fromString("rw-------"));
    Files.setLastModifiedTime(expired, FileTime.from(NOW.minusSeconds(59)));
    Seen wall = seen(T1, "login_required", "login-required: select .login-guide");
    Seen blocked = seen(T2, "blocked", "blocked: select #captcha-verify");
    Instant relogin = T1.plusSeconds(600);

    List<String> states =
        AccountStatusTable.rows(
                List.of(
                    account("mx-a", expired, List.of(STATIC), null),
                    account("mx-b", null, List.of(STATIC), relogin),
                    account("mx-c", null, List.of(STATIC), relogin),
                    account("mx-d", null, List.of(STATIC), null)),
                List.of(
                    activity("mx-a", STATIC, seen(T1, "ok", null), seen(T1, "ok", null), T1, null),
                    // after the login by hand, only a captcha: still waiting for proof
                    activity("mx-b", STATIC, blocked, wall, null, T1),
                    // a proven sample after the login by hand: ok again
                    activity("mx-c", STATIC, seen(T2, "ok", null), seen(T2, "ok", null), T2, T1),
                    activity("mx-d", STATIC, blocked, null, null, null)),
                NOW,
                ZONE)
            .stream()
            .map(r -> r.get(0) + " " + r.get(2) + " | " + r.get(3) + " | " + r.get(6))
            .toList();

    assertThat(states)
        .containsExactly(
            "mx-a needs-login (every cookie expired) | 2026-11-28 14:00 ok"
                + " | expired 2026-11-28 14:00 (?; 1 cookies)",
            "mx-b re-logged in at 2026-11-28 14:10 | 2026-11-28 15:00 blocked | —",
            "mx-c ok | 2026-11-28 15:00 ok | —",
            "mx-d unknown | 2026-11-28 15:00 blocked | —");
  }

  @Test
  void onAPhoneSurfaceThePhoneHoldsTheLoginNotTheStateFile() throws Exception {
    String mall = "douyin-mall";
    Path folder = Files.createDirectory(dir.resolve("accounts"));
    Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
    Path expired = folder.resolve("mx-a.json");
    Files.writeString(
        expired,
        "{\"cookies\":[{\"name\":\"sid\",\"value\":\""
            + SECRET
            + "\",\"domain\":\"127.0.0.1\",\"path\":\"/\",\"expires\":"
            + T1.getEpochSecond()
            + "}],\"origins\":[]}");
    Files.setPosixFilePermissions(expired, PosixFilePermissions.fromString("rw-------"));
    Path captures = dir.resolve("har/mx-a");
    AccountStatusTable.Phone phone =
        new AccountStatusTable.Phone(Set.of(mall), captures, NOW.minusSeconds(2 * 3600));
    AccountStatusTable.Account account =
        new AccountStatusTable.Account(
            new MatrixAccount("mx-a", "mx-a", Set.of(), Set.of(), expired, IdentityNetwork.DEFAULT),
            List.of(STATIC, mall),
            LoginStateFile.inspect(expired),
            // logged in by hand after the newest capture: the state file's login, not the phone's
            NOW.minusSeconds(3600),
            phone);
    Seen refused = seen(T2, "login_required", "login-required: path status_code = 2483");

    List<List<String>> rows =
        AccountStatusTable.rows(
            List.of(account), List.of(activity("mx-a", mall, refused, refused, T1, T2)), NOW, ZONE);

    // the fetched surface: its state file's trouble; the phone surface: its captures' word only
    assertThat(rows.get(0).subList(0, 3))
        .containsExactly("mx-a", STATIC, "needs-login (every cookie expired)");
    assertThat(rows.get(1))
        .containsExactly(
            "mx-a",
            mall,
            "needs-login",
            "2026-11-28 15:00 login_required",
            "2026-11-28 14:00",
            "2026-11-28 15:00",
            "—",
            "phone capture (" + captures + "/), newest file 2026-11-29 12:00",
            "2h",
            "—",
            "— (phone)",
            "— (phone)");
    assertThat(
            AccountStatusTable.rows(
                    List.of(
                        new AccountStatusTable.Account(
                            account.account(),
                            List.of(mall),
                            null,
                            null,
                            new AccountStatusTable.Phone(Set.of(mall), captures, null))),
                    List.of(),
                    NOW,
                    ZONE)
                .get(0)
                .subList(2, 9))
        .containsExactly(
            "never sampled",
            "—",
            "—",
            "—",
            "—",
            "phone capture (" + captures + "/), no file yet",
            "—");
  }

  private static AccountStatusTable.Account account(
      String id, Path state, List<String> surfaces, Instant loggedInByHand) {
    return new AccountStatusTable.Account(
        new MatrixAccount(id, id, Set.of(), Set.of(), state, IdentityNetwork.DEFAULT),
        surfaces,
        state == null ? null : LoginStateFile.inspect(state),
        loggedInByHand);
  }
}
