package com.mallrank.batch.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mallrank.crawler.profile.ProfileException;
import com.mallrank.crawler.profile.SiteProfiles;
import com.mallrank.crawler.yaml.ConfigException;
import com.mallrank.crawler.yaml.ConfigProblem;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plans are read the way site profiles are (one YAML reader, one problem record): a repeated key
 * and malformed YAML are problems with file, line and field, in both.
 */
class PlanYamlTest {

  @TempDir Path dir;

  private final PlanLoader loader = new PlanLoader(id -> id.equals("sandbox-static"));

  private ConfigException planProblems(String yaml) {
    return PlanFiles.problems(loader, PlanFiles.write(dir, yaml));
  }

  @Test
  void aRepeatedKeyIsAProblemWithItsLine() throws Exception {
    ConfigException e =
        planProblems(
            """
            groups:
              - name: core
                profile: sandbox-static
                keywords: [羽绒服女]
                depth: 10
                depth: 30
            """);
    assertThat(e.problems())
        .containsExactly(
            new ConfigProblem(
                dir.resolve("plan.yml").toString(), 6, "depth", "duplicate key (first one wins)"));
  }

  @Test
  void malformedYamlIsOneProblemWithItsLineInAPlanAsInAProfile() throws Exception {
    String yaml = "groups:\n  - name: core\n    profile: [unclosed\n";
    ConfigException plan = planProblems(yaml);
    ConfigProblem problem = plan.problems().get(0);
    assertThat(plan.problems()).hasSize(1);
    assertThat(problem.field()).isEqualTo("(yaml)");
    assertThat(problem.line()).isEqualTo(4);
    assertThat(problem.message()).isEqualTo("expected ',' or ']', but got <stream end>");

    assertThatThrownBy(() -> SiteProfiles.parse("p.yml", yaml))
        .isInstanceOfSatisfying(
            ProfileException.class,
            e -> {
              assertThat(e.problems()).hasSize(1);
              assertThat(e.problems().get(0).line()).isEqualTo(problem.line());
              assertThat(e.problems().get(0).message())
                  .isEqualTo("malformed YAML: " + problem.message());
            });
  }

  @Test
  void anAliasIsRefusedWithItsLineAndColumnInsteadOfReadAsItsName() throws Exception {
    // read before as the keywords ["羽绒服女", "k0"]: the plan sampled a keyword nobody wrote
    ConfigException e =
        planProblems(
            """
            groups:
              - name: core
                profile: sandbox-static
                keywords:
                  - &k0 羽绒服女
                  - *k0
            """);
    assertThat(e.problems())
        .containsExactly(
            new ConfigProblem(
                dir.resolve("plan.yml").toString(),
                6,
                "(yaml)",
                "line 6, column 9: the alias *k0 is not accepted: mallrank reads no YAML anchors,"
                    + " aliases or merge keys (<<); write the value out"));
  }

  @Test
  void aMergeKeyIsRefusedInAProfileAsInAPlan() {
    String yaml =
        """
        id: merged
        base: &b {select: .title}
        fields:
          title:
            <<: *b
        """;
    assertThatThrownBy(() -> SiteProfiles.parse("p.yml", yaml))
        .isInstanceOfSatisfying(
            ProfileException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly(
                        new ConfigProblem(
                            "p.yml",
                            5,
                            "",
                            "malformed YAML: line 5, column 9: the alias *b is not accepted:"
                                + " mallrank reads no YAML anchors, aliases or merge keys (<<);"
                                + " write the value out")));
  }

  @Test
  void aRawControlCharacterIsReportedAtItsLineAndColumn() throws Exception {
    // reported at line 1 before, whichever line it was on
    ConfigException e =
        planProblems(
            "groups:\n  - name: core\n    profile: sandbox-static\n    keywords: [\"羽绒\u0007服\"]\n");
    assertThat(e.problems())
        .containsExactly(
            new ConfigProblem(
                dir.resolve("plan.yml").toString(),
                4,
                "(yaml)",
                "line 4, column 19: control character U+0007 is not allowed in YAML"));

    assertThatThrownBy(() -> SiteProfiles.parse("p.yml", "id: x\nmode: json\nitems: \u001b[2J\n"))
        .isInstanceOfSatisfying(
            ProfileException.class,
            p ->
                assertThat(p.problems())
                    .containsExactly(
                        new ConfigProblem(
                            "p.yml",
                            3,
                            "",
                            "malformed YAML: line 3, column 8: control character U+001B is not"
                                + " allowed in YAML")));
  }
}
