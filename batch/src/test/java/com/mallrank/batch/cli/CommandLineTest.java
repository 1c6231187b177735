package com.mallrank.batch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallrank.batch.MallrankApplication;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user runs it: exit codes and messages, no Elasticsearch needed. */
class CommandLineTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream originalOut;
  private PrintStream originalErr;

  @TempDir Path dir;

  @BeforeEach
  void capture() {
    originalOut = System.out;
    originalErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setOut(originalOut);
    System.setErr(originalErr);
  }

  private int run(String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "--spring.datasource.url=jdbc:h2:mem:cli-" + System.nanoTime();
    System.arraycopy(args, 0, all, 1, args.length);
    // as main runs it: only what the command needs is started (CommandLineStartup; that every
    // startup answers as the whole application is CommandLineStartupTest's)
    return MallrankApplication.run(all);
  }

  /**
   * Issue 21 item 5: {@code --help} and {@code help} (which printed an error first) both list every
   * command, its subcommands included, grouped, one line each, and nothing on stderr.
   */
  @Test
  void helpAndDashDashHelpListEveryCommandGroupedOneLineEach() {
    List<String> leaves = new ArrayList<>();
    collectLeaves(
        "", new picocli.CommandLine(MallrankCommand.class, new WithoutDependencies()), leaves);
    assertThat(leaves)
        .hasSizeGreaterThan(25)
        .contains("sample", "plan validate", "accounts login", "accounts status", "report top20");

    for (String asked : List.of("--help", "help")) {
      out.reset();
      err.reset();

      assertThat(run(asked)).as(asked).isZero();

      String help = out.toString(StandardCharsets.UTF_8);
      assertThat(err.toString(StandardCharsets.UTF_8)).as(asked).isEmpty();
      assertThat(help.lines())
          .as(asked)
          .contains(
              "Sampling:",
              "Plan and matrix accounts:",
              "Reports:",
              "Site profiles and evidence:",
              "Operations:");
      for (String leaf : leaves) {
        assertThat(
                help.lines()
                    .filter(
                        l -> l.matches("  " + java.util.regex.Pattern.quote(leaf) + "  +\\S.*")))
            .as("%s: one line for '%s'", asked, leaf)
            .hasSize(1);
      }
      assertThat(help.lines().filter(l -> l.length() > 100)).as("lines fit").isEmpty();
    }

    out.reset();
    assertThat(run("help", "accounts")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage: mallrank accounts", "status");
  }

  private static void collectLeaves(String prefix, picocli.CommandLine line, List<String> out) {
    line.getSubcommands()
        .forEach(
            (name, sub) -> {
              if (name.equals("help") && !prefix.isEmpty()) {
                return;
              }
              String path = prefix.isEmpty() ? name : prefix + " " + name;
              if (sub.getSubcommands().isEmpty()) {
                out.add(path);
              } else {
                collectLeaves(path, sub, out);
              }
            });
  }

  @Test
  void anInvalidPlanIsRefusedNamingFileLineAndField() throws Exception {
    Path plan = dir.resolve("plan.yml");
    Files.writeString(
        plan,
        """
        groups:
          - name: core
            profile: sandbox-static
            depth: 80
            keywords: [羽绒服女]
        """);

    int code = run("--batch.plan=" + plan, "sample", "--group", "core");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains(plan + ":4: groups[0].depth: must be 1..60, was 80");
  }

  @Test
  void planValidateReportsEveryProblemAndExitsNonZero() throws Exception {
    Path plan = dir.resolve("plan.yml");
    Files.writeString(
        plan,
        """
        accounts:
          - id: mx-a
            shop-ids: ["7210000000000000001"]
            storage-state: /nonexistent/mx-a.json
        groups:
          - name: core
            profile: sandbox-static
            cadence: "0 61 * * * *"
            vantages: [anonymous, mx-b]
            keywords: [羽绒服女]
        """);

    int code = run("--batch.plan=" + plan, "plan", "validate");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("invalid plan (2 problems)")
        .doesNotContain("mx-a.json") // an account's lost login state is a warning, not a problem
        .contains(plan + ":8: groups[0].cadence: invalid cron '0 61 * * * *'")
        .contains(plan + ":9: groups[0].vantages[1]: unknown vantage 'mx-b'");
  }

  @Test
  void planValidateWarnsAboutAnAccountsLostLoginStateAndExitsZero() throws Exception {
    Path plan = dir.resolve("plan.yml");
    Path lost = dir.resolve("accounts/mx-a.json");
    Files.writeString(
        plan,
        """
        accounts:
          - id: mx-a
            shop-ids: ["7210000000000000001"]
            storage-state: %s
          - id: mx-b
            shop-ids: ["7210000000000000002"]
        groups:
          - name: core
            profile: sandbox-static
            vantages: [anonymous, mx-a, mx-b]
            keywords: [羽绒服女]
        """
            .formatted(lost));

    int code =
        run(
            "--batch.plan=" + plan,
            "--batch.accounts-dir=" + dir.resolve("accounts"),
            "plan",
            "validate");

    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8).lines())
        .contains(plan + ": valid, 2 accounts, 1 groups, 1 warning")
        .contains(
            "warning: account mx-a: login state file "
                + lost
                + " does not exist: log the account in with `mallrank accounts login` (or"
                + " `accounts import`); its samples are skipped (needs-login) until it logs in"
                + " again: mallrank accounts login --id mx-a");
  }

  @Test
  void planValidateRefusesOverlongAndControlCharacterKeywordsNamingFileLineAndField()
      throws Exception {
    Path plan = dir.resolve("plan.yml");
    Files.writeString(
        plan,
        """
        groups:
          - name: core
            profile: sandbox-static
            keywords:
              - 羽绒服女
              - %s
              - "保温杯\\u0007"
        """
            .formatted("长".repeat(5_000)));

    int code = run("--batch.plan=" + plan, "plan", "validate");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("invalid plan (2 problems)")
        .contains(
            plan
                + ":6: groups[0].keywords[1]: keyword of 5000 characters; the limit is 100"
                + " characters")
        .contains(
            plan
                + ":7: groups[0].keywords[2]: keyword contains the control character U+0007 at"
                + " index 3")
        .doesNotContain("长长长");
  }

  @Test
  void planValidateSummarisesAValidPlan() {
    int code = run("--batch.plan=../config/sandbox-plan.yml", "plan", "validate");

    assertThat(code).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("valid, 3 accounts, 3 groups")
        .contains("cadence '0 5 * * * *'");
  }

  @Test
  void planValidateNamesGroupsOfOneProfileThatShareSamples() throws Exception {
    Path plan = dir.resolve("plan.yml");
    Files.writeString(
        plan,
        """
        groups:
          - name: core
            profile: sandbox-static
            vantages: [anonymous]
            keywords: [羽绒服女, 毛衣女, 耳机]
          - name: burst
            profile: sandbox-static
            vantages: [anonymous]
            keywords: [羽绒服女, 耳机]
          - name: spa
            profile: sandbox-spa
            vantages: [anonymous]
            keywords: [羽绒服女]
        """);

    int code = run("--batch.plan=" + plan, "plan", "validate");

    assertThat(code).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains(
            "notice: groups core, burst (profile sandbox-static) share 2 keyword x vantage pairs:"
                + " each is fetched once per slot and the sample records every group it served")
        .doesNotContain("groups core, burst, spa")
        .doesNotContain("spa (profile");
  }

  @Test
  void nothingIsSampledFromAnInvalidPlan() throws Exception {
    Path plan = dir.resolve("plan.yml");
    Files.writeString(
        plan,
        """
        groups:
          - name: core
            profile: sandbox-static
            cadence: "hourly"
            keywords: [羽绒服女]
        """);

    int code = run("--batch.plan=" + plan, "sample", "--group", "core");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains(":4: groups[0].cadence");

    out.reset();
    run("--batch.plan=../config/sandbox-plan.yml", "jobs");
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("no runs yet");
  }

  @Test
  void importKeywordsReportsEachBadRowWithItsLine() throws Exception {
    Path csv = dir.resolve("keywords.csv");
    Files.writeString(csv, "group,keyword\nlongtail,新关键词\nnope,保温杯\n");
    Path plan = dir.resolve("plan.yml");
    Files.copy(Path.of("../config/sandbox-plan.yml"), plan);

    int code = run("--batch.plan=" + plan, "plan", "import-keywords", csv.toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains(csv + ":3: group: unknown group 'nope'");

    Files.writeString(csv, "group,keyword\nlongtail,新关键词\n");
    err.reset();
    code = run("--batch.plan=" + plan, "plan", "import-keywords", "--add", csv.toString());
    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(Files.readString(plan)).endsWith("keyword-files:\n  - keywords.csv\n");
    out.reset();
    run("--batch.plan=" + plan, "plan", "validate");
    assertThat(out.toString(StandardCharsets.UTF_8)).containsPattern("longtail +29 keywords");
  }

  @Test
  void accountsImportKeepsTheLoginStateOwnerOnlyAndNeverPrintsIt() throws Exception {
    Path state = dir.resolve("state.json");
    Files.writeString(state, "{\"cookies\":[{\"name\":\"sessionid\",\"value\":\"SECRET-9\"}]}");

    int code =
        run(
            "--batch.accounts-dir=" + dir.resolve("accounts"),
            "accounts",
            "import",
            "--id",
            "mx-hangzhou",
            "--storage-state",
            state.toString());

    assertThat(code).isZero();
    Path saved = dir.resolve("accounts/mx-hangzhou.json");
    assertThat(
            java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(saved)))
        .isEqualTo("rw-------");
    // the one home of login states is created owner-only, so the state passes the read check
    assertThat(
            java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve("accounts"))))
        .isEqualTo("rwx------");
    assertThat(com.mallrank.batch.plan.SecretFiles.problem(saved)).isEmpty();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("storage-state: " + saved)
        .doesNotContain("SECRET-9");
  }

  @Test
  void everyCommandHasHelp() {
    for (String[] command :
        new String[][] {
          {"sample", "--help"},
          {"serve", "--help"},
          {"jobs", "--help"},
          {"plan", "validate", "--help"},
          {"plan", "import-keywords", "--help"},
          {"accounts", "import", "--help"},
          {"index", "migrate-ids", "--help"}
        }) {
      out.reset();
      assertThat(run(command)).as(String.join(" ", command)).isZero();
      assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage: mallrank " + command[0]);
    }
  }

  @Test
  void aBrokenProfileIsReportedWithFileLineAndKey() throws Exception {
    Path profile = dir.resolve("broken.yml");
    Files.writeString(
        profile,
        """
        id: broken
        mode: html
        search:
          url-template: "{base}/s?q={keyword}"
        cards:
          select: "li.card"
        fields:
          product-id:
            attr: data-id
          price:
            select: .price
            unit: dollars
        """);
    Path page = dir.resolve("page.html");
    Files.writeString(page, "<html><body></body></html>");

    int code = run("profile", "test", "--profile", profile.toString(), "--page", page.toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains(profile + ":12: fields.price.unit");
  }
}
