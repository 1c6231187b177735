package com.mallrank.batch.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
}
