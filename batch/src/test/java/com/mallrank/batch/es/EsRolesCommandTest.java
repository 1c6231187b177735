package com.mallrank.batch.es;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallrank.batch.config.IndexProperties;
import com.mallrank.index.schema.IndexNames;
import com.mallrank.index.security.EsRoles;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code mallrank es roles}: what it prints, from the one roles resource. */
class EsRolesCommandTest {

  private static IndexProperties properties(String url) {
    return new IndexProperties(
        "shop-a",
        "wait_for",
        new IndexProperties.Es(url, null, null, null, null, null, null, null),
        new IndexProperties.Local(
            Path.of("data/elasticsearch"), 9200, "8.19.7", "512m", true, List.of()),
        0,
        Duration.ofMinutes(2));
  }

  private record Run(int exit, String out, String err) {}

  private static Run run(IndexProperties properties, String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
      int exit = new CommandLine(new EsRolesCommand(properties, null)).execute(args);
      return new Run(
          exit, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }

  @Test
  void printsOneSecurityApiRequestPerRoleForThePrefix() {
    Run run = run(properties(null));
    assertThat(run.exit()).isZero();
    assertThat(run.out().lines().filter(l -> l.startsWith("PUT ")))
        .containsExactly(
            "PUT _security/role/mallrank_writer",
            "PUT _security/role/mallrank_reader",
            "PUT _security/role/mallrank_kibana_objects",
            "PUT _security/role/mallrank_admin");
    assertThat(run.out()).contains("\"shop-a-listings-*\"").doesNotContain("{prefix}");
  }

  @Test
  void ymlIsTheFileRealmRolesFile() {
    Run run = run(properties(null), "--format=yml");
    assertThat(run.exit()).isZero();
    assertThat(run.out()).isEqualTo(EsRoles.forPrefix(new IndexNames("shop-a")).rolesYml());
  }

  @Test
  void applyWithoutAnExternalClusterIsRefusedInOneLine() {
    Run run = run(properties(""), "--apply");
    assertThat(run.exit()).isEqualTo(EsRolesCommand.NO_CLUSTER);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().strip())
        .startsWith("es roles --apply: index.es.url is blank;")
        .doesNotContain("\n");
  }
}
