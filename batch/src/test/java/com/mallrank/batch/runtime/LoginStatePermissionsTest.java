package com.mallrank.batch.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.mallrank.batch.plan.IdentityNetwork;
import com.mallrank.batch.plan.MatrixAccount;
import com.mallrank.batch.plan.Plan;
import com.mallrank.batch.plan.SecretFiles;
import com.mallrank.crawler.fetch.Cookie;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The static fetcher's cookie reader and the plan loader apply the same owner-only rule as the
 * browser: a login state open to group/others (or in a folder open to them) is refused naming it.
 */
class LoginStatePermissionsTest {

  private static final String STATE =
      "{\"cookies\":[{\"name\":\"sid\",\"value\":\"v\",\"domain\":\"127.0.0.1\",\"path\":\"/\"}]}";

  @TempDir Path dir;

  private Path state(String filePermissions, String folderPermissions) throws Exception {
    Path folder = Files.createDirectories(dir.resolve("accounts"));
    Path file = folder.resolve("mx-a.json");
    Files.writeString(file, STATE);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(filePermissions));
    Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString(folderPermissions));
    return file;
  }

  private static AccountCookies cookies(Path state) {
    Plan plan =
        Plan.of(
            Path.of("plan.yml"),
            List.of(
                new MatrixAccount(
                    "mx-a", "A", Set.of("s1"), Set.of(), state, IdentityNetwork.DEFAULT)),
            List.of());
    return new AccountCookies(plan, null);
  }

  @Test
  void aStateReadableByOthersIsRefusedByTheCookieReaderAndThePlan() throws Exception {
    Path file = state("rw-r--r--", "rwx------");

    assertThatThrownBy(() -> cookies(file).of("mx-a"))
        .hasMessage(
            "login state file "
                + file
                + " is readable or writable by group/others: run chmod 600 "
                + file);
    assertThat(SecretFiles.problem(file))
        .contains(
            "login state file "
                + file
                + " is readable or writable by group/others: run chmod 600 "
                + file);
  }

  @Test
  void aStateInAFolderOpenToOthersIsRefused() throws Exception {
    Path file = state("rw-------", "rwxr-xr-x");

    assertThatThrownBy(() -> cookies(file).of("mx-a"))
        .hasMessageContaining("the folder " + file.getParent().toAbsolutePath())
        .hasMessageContaining("run chmod 700");
  }

  @Test
  void anOwnerOnlyStateIsRead() throws Exception {
    Path file = state("rw-------", "rwx------");

    assertThat(cookies(file).of("mx-a").all())
        .extracting(Cookie::name, Cookie::value)
        .containsExactly(tuple("sid", "v"));
    assertThat(SecretFiles.problem(file)).isEmpty();
  }
}
