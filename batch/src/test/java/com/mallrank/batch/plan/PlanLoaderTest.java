package com.mallrank.batch.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mallrank.crawler.yaml.ConfigProblem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanLoaderTest {

  private final PlanLoader loader = new PlanLoader(id -> id.equals("sandbox-static"));

  private static Path resource(String name) throws Exception {
    return Path.of(PlanLoaderTest.class.getResource("/plans/" + name).toURI());
  }

  @Test
  void readsGroupsAccountsAndDefaults() throws Exception {
    Plan plan = loader.load(resource("good.yml"));

    assertThat(plan.accounts()).extracting(MatrixAccount::id).containsExactly("mx-a", "mx-b");
    KeywordGroup core = plan.requireGroup("core");
    assertThat(core.depth()).isEqualTo(30);
    assertThat(core.vantages()).containsExactly("anonymous", "mx-a");
    assertThat(core.keywords()).containsExactly("羽绒服女", "蓝牙耳机");
    KeywordGroup burst = plan.requireGroup("burst");
    assertThat(burst.depth()).isEqualTo(20);
    assertThat(burst.vantages()).containsExactly("anonymous");
  }

  @Test
  void ownershipByProductThenShop() throws Exception {
    MatrixOwnership ownership = loader.load(resource("good.yml")).ownership();

    assertThat(ownership.ownerOf("3698000000000000001", "7210000000000000999")).isEqualTo("mx-a");
    assertThat(ownership.ownerOf("1", "7210000000000000002")).isEqualTo("mx-b");
    assertThat(ownership.ownerOf("1", "7210000000000000999")).isNull();
    assertThat(ownership.ownerOf("1", null)).isNull();
  }

  @Test
  void reportsEveryProblemWithFileLineAndField() throws Exception {
    Path file = resource("broken.yml");

    assertThatThrownBy(() -> loader.load(file))
        .isInstanceOfSatisfying(
            PlanException.class,
            e ->
                assertThat(e.problems())
                    .extracting(p -> p.line() + " " + p.field())
                    .containsExactlyInAnyOrder(
                        "5 accounts[1].id",
                        "7 accounts[2].id",
                        "11 groups[0].profile",
                        "12 groups[0].depth",
                        "13 groups[0].vantages[1]",
                        "16 groups[0].keywords[1]",
                        "17 groups[0].cadence"))
        .hasMessageContaining(
            file + ":11: groups[0].profile: unknown site profile 'no-such-profile'")
        .hasMessageContaining("must be 1..60, was 99");
  }

  @Test
  void malformedYamlNamesTheLine(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("plan.yml");
    Files.writeString(file, "groups:\n  - name: core\n    keywords: [a, b\n");

    assertThatThrownBy(() -> loader.load(file))
        .isInstanceOf(PlanException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("(yaml)");
  }

  @Test
  void missingGroupsIsAnError(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("plan.yml");
    Files.writeString(file, "accounts: []\n");

    assertThatThrownBy(() -> loader.load(file))
        .isInstanceOfSatisfying(
            PlanException.class,
            e ->
                assertThat(e.problems())
                    .extracting(ConfigProblem::field)
                    .isEqualTo(List.of("groups")));
  }

  @Test
  void readsBudgetsOfAccountsAndTheAnonymousVantage(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("plan.yml");
    Files.writeString(
        file,
        """
        anonymous:
          budget: {per-minute: 10}
        accounts:
          - id: mx-a
            shop-ids: ["1"]
            budget: {per-minute: 5, per-day: 300}
          - id: mx-b
            shop-ids: ["2"]
        groups:
          - name: core
            profile: sandbox-static
            vantages: [anonymous, mx-a, mx-b]
            keywords: [羽绒服女]
        """);

    Plan plan = loader.load(file);

    assertThat(plan.budgets())
        .containsOnly(
            Map.entry("anonymous", new IdentityBudget(10, null)),
            Map.entry("mx-a", new IdentityBudget(5, 300)));
  }

  @Test
  void aBadBudgetNamesTheFileLineAndField(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("plan.yml");
    Files.writeString(
        file,
        """
        anonymous:
          budget: {per-minute: 0}
        accounts:
          - id: mx-a
            shop-ids: ["1"]
            budget: {per-day: lots, per-hour: 3}
          - id: mx-b
            shop-ids: ["2"]
            budget: {}
        groups:
          - name: core
            profile: sandbox-static
            keywords: [羽绒服女]
        """);

    assertThatThrownBy(() -> loader.load(file))
        .isInstanceOfSatisfying(
            PlanException.class,
            e ->
                assertThat(e.problems())
                    .extracting(p -> p.line() + " " + p.field() + ": " + p.message())
                    .containsExactlyInAnyOrder(
                        "2 anonymous.budget.per-minute: must be 1..1000000, was 0",
                        "6 accounts[0].budget.per-hour: unknown key; expected one of [per-day,"
                            + " per-minute]",
                        "6 accounts[0].budget.per-day: not a whole number: 'lots'",
                        "9 accounts[1].budget: set per-minute, per-day or both"))
        .hasMessageContaining(file.toString());
  }
}
