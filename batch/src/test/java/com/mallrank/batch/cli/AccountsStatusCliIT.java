package com.mallrank.batch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallrank.batch.testing.ConsoleCapture;
import com.mallrank.batch.testing.MallrankCli;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code mallrank accounts status} as a user runs it: one row per plan account, exit 0. */
class AccountsStatusCliIT {

  @RegisterExtension static final MallrankCli MALLRANK = MallrankCli.withSandboxPlan();

  @RegisterExtension final ConsoleCapture console = ConsoleCapture.separate();

  @TempDir Path accounts;

  @Test
  void printsOneRowPerPlanAccount() {
    int code = MALLRANK.exit("--batch.accounts-dir=" + accounts, "accounts", "status");

    assertThat(code).isZero();
    List<String> lines = console.out().lines().toList();
    assertThat(lines.stream().filter(l -> l.startsWith("账号 account")))
        .singleElement()
        .asString()
        .contains("Cookie 最早过期 cookie expiry", "权限 mode");
    assertThat(lines.stream().filter(l -> l.contains("never sampled")).map(l -> l.split(" ")[0]))
        .containsExactly("mx-hangzhou", "mx-yiwu", "mx-guangzhou");
  }
}
