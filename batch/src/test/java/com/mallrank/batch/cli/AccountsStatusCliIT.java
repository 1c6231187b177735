package com.mallrank.batch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallrank.batch.testing.ConsoleCapture;
import com.mallrank.batch.testing.MallrankCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
        .contains("平台 surface", "最新样本 newest sample", "Cookie 最早过期 cookie expiry", "权限 mode");
    assertThat(
            lines.stream()
                .filter(l -> l.contains("never sampled"))
                .map(l -> String.join(" ", List.of(l.split("\\s{2,}")).subList(0, 2))))
        .as("one row per account and surface its groups sample")
        .containsExactly(
            "mx-hangzhou sandbox-static",
            "mx-hangzhou sandbox-spa",
            "mx-yiwu sandbox-static",
            "mx-guangzhou sandbox-static");
  }

  @Test
  void anAccountWhoseLoginStateIsInTheAccountsFolderKeepsThePlansProxyAndDevice(@TempDir Path tmp)
      throws Exception {
    Files.setPosixFilePermissions(accounts, PosixFilePermissions.fromString("rwx------"));
    Path state = accounts.resolve("mx-hangzhou.json");
    Files.writeString(state, "{\"cookies\":[],\"origins\":[]}");
    Files.setPosixFilePermissions(state, PosixFilePermissions.fromString("rw-------"));
    Path plan = tmp.resolve("plan.yml");
    Files.writeString(
        plan,
        """
        accounts:
          - id: mx-hangzhou
            shop-ids: ["7201283738326735002"]
            proxy: http://127.0.0.1:1
            device: iPhone 13
        groups:
          - name: core
            profile: sandbox-static
            vantages: [anonymous, mx-hangzhou]
            keywords: [羽绒服]
        """);

    int code =
        MALLRANK.exit(
            "--batch.accounts-dir=" + accounts, "--batch.plan=" + plan, "accounts", "status");

    assertThat(code).as(console.err()).isZero();
    assertThat(console.out().lines().filter(l -> l.startsWith("mx-hangzhou ")))
        .singleElement()
        .asString()
        .contains(state.toString(), "http://127.0.0.1:1", "390x664@3.0") // iPhone 13's viewport
        .doesNotContain("direct");
  }
}
