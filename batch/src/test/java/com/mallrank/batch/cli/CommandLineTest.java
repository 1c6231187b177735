package com.mallrank.batch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallrank.batch.MallrankApplication;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;

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
    return SpringApplication.exit(SpringApplication.run(MallrankApplication.class, all));
  }

  @Test
  void helpListsTheCommands() {
    int code = run("--help");

    assertThat(code).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("demo", "sample", "report", "profile");
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
