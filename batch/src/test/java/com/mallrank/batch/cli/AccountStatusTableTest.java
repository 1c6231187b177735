package com.mallrank.batch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallrank.batch.plan.IdentityNetwork;
import com.mallrank.batch.plan.MatrixAccount;
import com.mallrank.batch.runtime.LoginStateFile;
import com.mallrank.index.report.AccountActivityRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code accounts status} rows from real files: exact cells, never a cookie value. */
class AccountStatusTableTest {

  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final Instant T1 = Instant.parse("2026-11-28T06:00:00Z");
  private static final Instant T2 = Instant.parse("2026-11-28T07:00:00Z");
  private static final Instant NOW = Instant.parse("2026-11-29T06:00:00Z");
  private static final String SECRET = "SECRET-VALUE-42";
  private static final String DIRECT = "direct";
  private static final String DEVICE = "(configured) zh-CN Asia/Shanghai";

  @TempDir Path dir;

  @Test
  void oneRowPerAccountFromSamplesAndStateFiles() throws Exception {
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
                account("mx-a", good),
                account("mx-b", open),
                account("mx-c", null),
                account("mx-d", missing)),
            Map.of(
                "mx-a", new AccountActivityRow("mx-a", T2, T1, null),
                "mx-b", new AccountActivityRow("mx-b", T1, T2, null),
                "mx-c", new AccountActivityRow("mx-c", null, null, null),
                "mx-d", new AccountActivityRow("mx-d", T1, null, null)),
            LoginStateFile::inspect,
            NOW,
            ZONE);

    assertThat(rows)
        .containsExactly(
            List.of(
                "mx-a",
                "ok",
                "2026-11-28 15:00",
                "2026-11-28 14:00",
                "2026-12-28 12:00 (sessionid; 3 cookies)",
                good.toString(),
                "26h",
                "rw------- ok",
                DIRECT,
                DEVICE),
            List.of(
                "mx-b",
                "needs-login",
                "2026-11-28 14:00",
                "2026-11-28 15:00",
                "not a storage state",
                open.toString(),
                "3d 2h",
                "rw-r--r-- too open: chmod 600, folder 700",
                DIRECT,
                DEVICE),
            List.of(
                "mx-c",
                "never sampled",
                "—",
                "—",
                "—",
                "— (none in the plan)",
                "—",
                "—",
                DIRECT,
                DEVICE),
            List.of(
                "mx-d",
                "ok",
                "2026-11-28 14:00",
                "—",
                "—",
                missing + " (missing)",
                "—",
                "—",
                DIRECT,
                DEVICE));
    assertThat(AccountStatusTable.render(rows)).doesNotContain(SECRET).contains("账号 account");
  }

  @Test
  void anExpiredCookieAndASkipForLoginShowAsSuch() throws Exception {
    Path folder = Files.createDirectory(dir.resolve("a"));
    Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
    Path state = folder.resolve("mx-a.json");
    Files.writeString(
        state,
        "{\"cookies\":[{\"name\":\"bad name\",\"value\":\"v\",\"domain\":\".douyin.com\",\"expires\":"
            + T1.getEpochSecond()
            + "}]}");
    Files.setPosixFilePermissions(state, PosixFilePermissions.fromString("rw-------"));
    Files.setLastModifiedTime(state, FileTime.from(NOW.minusSeconds(59)));

    List<String> row =
        AccountStatusTable.rows(
                List.of(account("mx-a", state)),
                Map.of("mx-a", new AccountActivityRow("mx-a", T1, null, T2)),
                LoginStateFile::inspect,
                NOW,
                ZONE)
            .get(0);

    assertThat(row)
        .containsExactly(
            "mx-a",
            "needs-login",
            "2026-11-28 14:00",
            "—",
            "expired 2026-11-28 14:00 (?; 1 cookies)",
            state.toString(),
            "0m",
            "rw------- ok",
            DIRECT,
            DEVICE);
  }

  private static MatrixAccount account(String id, Path state) {
    return new MatrixAccount(id, id, Set.of(), Set.of(), state, IdentityNetwork.DEFAULT);
  }
}
