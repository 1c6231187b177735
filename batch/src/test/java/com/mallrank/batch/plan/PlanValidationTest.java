package com.mallrank.batch.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mallrank.crawler.yaml.ConfigProblem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cadence, window, login-state files and CSV keyword lists: each bad case has its message. */
class PlanValidationTest {

  private final PlanLoader loader =
      new PlanLoader(id -> id.equals("sandbox-static"), ZoneId.of("Asia/Shanghai"));

  @TempDir Path dir;

  private Path plan(String yaml) {
    return PlanFiles.write(dir, yaml);
  }

  private PlanException problems(Path file) {
    return PlanFiles.problems(loader, file);
  }

  @Test
  void cadenceDefaultsToHourlyAfterTheRaceResetAndBurstGroupsRunEveryFewMinutes() throws Exception {
    Plan plan =
        loader.load(
            plan(
                """
                groups:
                  - name: core
                    profile: sandbox-static
                    keywords: [羽绒服女]
                  - name: burst
                    profile: sandbox-static
                    cadence: "0 */5 * * * *"
                    window: 4m
                    keywords: [保温杯]
                """));

    Cadence core = plan.requireGroup("core").cadence();
    assertThat(core.cron()).isEqualTo("0 5 * * * *");
    assertThat(core.window()).isEqualTo(Duration.ofMinutes(30));
    Cadence burst = plan.requireGroup("burst").cadence();
    assertThat(burst.window()).isEqualTo(Duration.ofMinutes(4));
    java.time.Instant from = java.time.Instant.parse("2026-11-28T06:00:00Z");
    assertThat(burst.slotsBetween(from, from.plus(Duration.ofMinutes(15)))).hasSize(3);
    // 14:05 Beijing time is 06:05 UTC
    assertThat(core.slotsBetween(from, from.plus(Duration.ofHours(1))))
        .containsExactly(java.time.Instant.parse("2026-11-28T06:05:00Z"));
    assertThat(core.latestSlot(java.time.Instant.parse("2026-11-28T07:04:59Z")))
        .contains(java.time.Instant.parse("2026-11-28T06:05:00Z"));
  }

  @Test
  void everyProblemIsReportedWithFileLineAndField() throws Exception {
    Path file =
        plan(
            """
            accounts:
              - id: mx-a
                shop-ids: ["7210000000000000001"]
                storage-state: %s
            groups:
              - name: core
                profile: no-such-profile
                cadence: "every hour"
                window: soon
                vantages: [anonymous, mx-zz]
                keywords: [羽绒服女, 羽绒服女]
            """
                .formatted(dir.resolve("missing-state.json")));

    PlanException e = problems(file);

    assertThat(e.problems())
        .extracting(p -> p.line() + " " + p.field())
        .containsExactlyInAnyOrder(
            "7 groups[0].profile",
            "8 groups[0].cadence",
            "9 groups[0].window",
            "10 groups[0].vantages[1]",
            "11 groups[0].keywords[1]");
    assertThat(e.getMessage())
        .contains(file + ":8: groups[0].cadence: invalid cron 'every hour'")
        .doesNotContain("missing-state.json") // that account's trouble, not the plan's
        .contains("unknown vantage 'mx-zz'")
        .contains("duplicate keyword '羽绒服女'")
        .contains("not a duration: 'soon'");
  }

  @Test
  void aLoginStateThatCannotBeUsedIsThatAccountsTroubleNotThePlans() throws Exception {
    Path state = dir.resolve("mx-a.json");
    Files.writeString(state, "{\"cookies\":[{\"name\":\"sessionid\",\"value\":\"SECRET-123\"}]}");
    Files.setPosixFilePermissions(state, PosixFilePermissions.fromString("rw-r--r--"));
    Path file =
        plan(
            """
            accounts:
              - id: mx-a
                shop-ids: ["7210000000000000001"]
                storage-state: %s
              - id: mx-b
                shop-ids: ["7210000000000000002"]
                storage-state: %s
            groups:
              - name: core
                profile: sandbox-static
                vantages: [mx-a, mx-b]
                keywords: [羽绒服女]
            """
                .formatted(state, dir.resolve("lost.json")));

    Plan plan = loader.load(file);

    assertThat(plan.account("mx-a").orElseThrow().storageState()).isEqualTo(state);
    assertThat(plan.account("mx-b").orElseThrow().storageState())
        .isEqualTo(dir.resolve("lost.json"));
  }

  @Test
  void keywordListsFromExcelAddKeywordsAndEachBadRowIsReportedWithItsLine() throws Exception {
    Files.write(
        dir.resolve("good.csv"),
        ("\uFEFFgroup,keyword,depth\r\ncore,蓝牙耳机,\r\ncore,\"充电宝, 20000毫安\",60\r\n")
            .getBytes(StandardCharsets.UTF_8));
    Files.writeString(
        dir.resolve("bad.csv"),
        """
        core,羽绒服女
        nope,保温杯
        core,手机壳,99
        core
        core,,
        core,蓝牙耳机
        """);
    String yaml =
        """
        groups:
          - name: core
            profile: sandbox-static
            depth: 20
            keywords: [羽绒服女]
        keyword-files: [%s]
        """;

    Plan good = loader.load(plan(yaml.formatted("good.csv")));
    KeywordGroup core = good.requireGroup("core");
    assertThat(core.keywords()).containsExactly("羽绒服女", "蓝牙耳机", "充电宝, 20000毫安");
    assertThat(core.depthOf("蓝牙耳机")).isEqualTo(20);
    assertThat(core.depthOf("充电宝, 20000毫安")).isEqualTo(60);

    PlanException e = problems(plan(yaml.formatted("good.csv, bad.csv")));
    Path bad = dir.resolve("bad.csv");
    assertThat(e.problems())
        .extracting(ConfigProblem::toString)
        .containsExactlyInAnyOrder(
            bad + ":1: keyword: duplicate keyword '羽绒服女' in group 'core'",
            bad + ":2: group: unknown group 'nope'; groups: [core]",
            bad + ":3: depth: must be 1..60, was 99",
            bad + ":4: (csv): expected group,keyword[,depth] but found 1 columns",
            bad + ":5: keyword: blank keyword",
            bad + ":6: keyword: duplicate keyword '蓝牙耳机' in group 'core'");
  }

  @Test
  void overlongAndControlCharacterKeywordsAreRefusedInPlansAndKeywordLists() throws Exception {
    String longest = "长".repeat(Keywords.MAX_LENGTH);
    Files.writeString(
        dir.resolve("rows.csv"),
        "core,"
            + longest
            + "\ncore,"
            + "x".repeat(5_000)
            + "\ncore,\"蓝牙\u001b[2J耳机\"\ncore,耳机\u202e反\n");
    Path file =
        plan(
            """
            groups:
              - name: core
                profile: sandbox-static
                keywords: ["保温杯", "%s", "a\\tb"]
            keyword-files: [rows.csv]
            """
                .formatted("y".repeat(Keywords.MAX_LENGTH + 1)));

    PlanException e = problems(file);

    Path csv = dir.resolve("rows.csv");
    assertThat(e.problems())
        .extracting(ConfigProblem::toString)
        .containsExactly(
            file
                + ":4: groups[0].keywords[1]: keyword of 101 characters; the limit is 100"
                + " characters",
            file
                + ":4: groups[0].keywords[2]: keyword contains the control character U+0009 at"
                + " index 1",
            csv + ":2: keyword: keyword of 5000 characters; the limit is 100 characters",
            csv + ":3: keyword: keyword contains the control character U+001B at index 2",
            csv + ":4: keyword: keyword contains the control character U+202E at index 2");
    assertThat(Keywords.problem(longest)).isEmpty();
  }

  @Test
  void aKeywordListNotInUtf8IsRefused() throws Exception {
    Files.write(dir.resolve("gbk.csv"), "core,羽绒服女\n".getBytes("GBK"));

    PlanException e =
        problems(
            plan(
                """
                groups:
                  - name: core
                    profile: sandbox-static
                    keywords: [保温杯]
                keyword-files: [gbk.csv]
                """));

    assertThat(e.getMessage()).contains("gbk.csv: (csv): not UTF-8");
  }

  @Test
  void aMissingKeywordListIsNamed() throws Exception {
    assertThatThrownBy(
            () ->
                loader.load(
                    plan(
                        """
                        groups:
                          - name: core
                            profile: sandbox-static
                            keywords: [保温杯]
                        keyword-files: [none.csv]
                        """)))
        .hasMessageContaining(":5: keyword-files[0]: no such keyword list");
  }
}
