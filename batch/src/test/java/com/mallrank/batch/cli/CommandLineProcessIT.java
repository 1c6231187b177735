package com.mallrank.batch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mallrank.batch.MallrankApplication;
import com.mallrank.batch.testing.TestProfiles;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line as a separate process in an empty working directory, the way a user runs it:
 * what lands on stdout, on stderr and on disk.
 */
class CommandLineProcessIT {

  @TempDir Path work;
  @TempDir Path elsewhere;

  private record Run(int code, String out, String err) {
    List<String> errLines() {
      return err.lines().filter(l -> !l.isBlank()).toList();
    }
  }

  private Run run(String... args) throws Exception {
    return runWith(List.of(), args);
  }

  private Run runWith(List<String> jvmOptions, String... args) throws Exception {
    return runWith(java.util.Map.of(), jvmOptions, args);
  }

  private Run runWith(java.util.Map<String, String> env, List<String> jvmOptions, String... args)
      throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // C1 only and the serial collector, as ./mallrank runs its short commands (java_options): a
    // run of a second or two spends more CPU on C2 and GC threads than they save
    command.addAll(
        List.of(
            "-Xmx384m",
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-cp",
            System.getProperty("java.class.path")));
    command.addAll(jvmOptions);
    command.add(MallrankApplication.class.getName());
    command.addAll(List.of(args));
    Path out = elsewhere.resolve("stdout.txt");
    Path err = elsewhere.resolve("stderr.txt");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(work.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    builder.environment().putAll(env);
    Process process = builder.start();
    if (!process.waitFor(180, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("mallrank " + String.join(" ", args) + " did not end in 180 s");
    }
    return new Run(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  private List<Path> filesIn(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(p -> !p.equals(dir)).toList();
    }
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Test
  void profileTestOfASavedPageWritesNothingToDisk() throws Exception {
    Path page = elsewhere.resolve("saved.html");
    Files.writeString(page, "<html><body><p>nothing here</p></body></html>");

    Run run = run("profile", "test", "--profile", "sandbox-static", "--page", page.toString());

    assertThat(run.out()).as(run.err()).contains("layout_changed");
    assertThat(filesIn(work)).as("files written in the working directory").isEmpty();
  }

  /**
   * Issue 20 item 7: without Spring, {@code profile test} reads its keys from the same places as
   * the lean context: {@code ./config/application.yml} of the working directory, the environment,
   * the command line; and answers byte for byte as it does.
   */
  @Test
  void withoutSpringTheConfigurationComesFromTheFilesTheEnvironmentAndTheArguments()
      throws Exception {
    // the built-in profile with cards it cannot find: the override is visible in the outcome
    TestProfiles.sandboxStaticWithoutCards(work.resolve("my-profiles"));
    Files.createDirectories(work.resolve("config"));
    Files.writeString(
        work.resolve("config/application.yml"), "crawler:\n  profiles-dir: my-profiles\n");
    Path page =
        Path.of("../crawler/src/test/resources/pages/sandbox-static/202611/ok-60-ads.html")
            .toAbsolutePath()
            .normalize();
    java.util.Map<String, String> env =
        java.util.Map.of("CRAWLER_POLITENESS_JITTER", "0s", "LOGGING_LEVEL_ORG_JSOUP", "ERROR");
    String[] line = {
      "--crawler.timeout=5s", "profile", "test", "-p", "sandbox-static", "--page", page + ""
    };

    Run plain = runWith(env, List.of(), line);
    Run lean = runWith(env, List.of("-Dmallrank.cli.startup=lean"), line);

    assertThat(plain.code()).as(plain.err()).isEqualTo(3);
    assertThat(plain.out()).startsWith("status: layout_changed");
    assertThat(plain).isEqualTo(lean);
    Files.delete(work.resolve("config/application.yml"));
    assertThat(runWith(env, List.of(), line).out()).startsWith("status: ok");
  }

  @Test
  void profileTestJsonIsPureJsonOnStdoutAndTheLogGoesToStderr() throws Exception {
    Run run =
        run("profile", "test", "--profile", "sandbox-static", "--keyword", "加厚羽绒服女长款", "--json");

    JsonNode json =
        new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .readTree(run.out());
    assertThat(json.path("status").asText()).as(run.err()).isEqualTo("ok");
    assertThat(json.path("listings").size()).isPositive();
    assertThat(run.err()).contains("sandbox mall serving at http://127.0.0.1:");
    assertThat(filesIn(work)).isEmpty();
  }

  /**
   * A profile read from phone captures (no {@code {base}} in its search URL) is tested live with
   * crawler.base-url blank without starting the sandbox mall, as the sample job chooses its target
   * ({@code Targets.target(profile)}); the sandbox profile above does start it.
   */
  @Test
  void profileTestOfAPhoneCaptureProfileStartsNoSandboxMall() throws Exception {
    Run run =
        run(
            "--crawler.har-dir=" + elsewhere,
            "profile",
            "test",
            "--profile",
            "douyin-mall",
            "--keyword",
            "加厚羽绒服女长款",
            "--json");

    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.path("status").asText()).as(run.out() + run.err()).isEqualTo("skipped");
    assertThat(run.err()).doesNotContain("sandbox mall serving at");
  }

  @Test
  void reportWithElasticsearchDownIsOneLineNamingTheUrlWithoutCredentials() throws Exception {
    int port = closedPort();

    Run run = run("--index.es.url=http://127.0.0.1:" + port, "report", "top20");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.errLines())
        .singleElement()
        .asString()
        .startsWith("error: Elasticsearch at http://127.0.0.1:" + port + ": ")
        // a report puts no index template since the reader credential runs it (issue 20 item 5)
        .contains("java.net.ConnectException: Connection refused");
    assertThat(run.out()).isEmpty();

    Run secret =
        run("--index.es.url=http://mallrank:s3cr3t-pw@127.0.0.1:" + port, "report", "top20");
    assertThat(secret.code()).isEqualTo(2);
    assertThat(secret.errLines()).singleElement().asString().contains("127.0.0.1:" + port);
    assertThat(secret.out() + secret.err()).doesNotContain("s3cr3t-pw");
  }

  @Test
  void sampleWithElasticsearchDownFailsBeforeFetchingInOneLineUnlessDebug() throws Exception {
    int port = closedPort();
    String plan = Path.of("../config/sandbox-plan.yml").toAbsolutePath().normalize().toString();

    Run run =
        run(
            "--index.es.url=http://127.0.0.1:" + port,
            "--batch.plan=" + plan,
            "sample",
            "-g",
            "core");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.errLines())
        .singleElement()
        .asString()
        .startsWith("error: Elasticsearch at http://127.0.0.1:" + port + ": ")
        .contains("Connection refused");
    assertThat(run.out().lines()).singleElement().asString().startsWith("sampling group 'core'");

    Run debug =
        run(
            "--index.es.url=http://127.0.0.1:" + port,
            "--batch.plan=" + plan,
            "sample",
            "-g",
            "core",
            "--debug");
    assertThat(debug.code()).isEqualTo(2);
    assertThat(debug.err())
        .startsWith("error: Elasticsearch at http://127.0.0.1:" + port)
        .contains("Could not put index template mallrank-listings: Connection refused")
        .contains("at com.mallrank.batch.runtime.ElasticsearchRuntime.ensureSchema(")
        .doesNotContain("CONDITIONS EVALUATION REPORT");
  }

  /**
   * Issue 21 item 5: a relative {@code --batch.plan} is read from the directory the user is in. The
   * launcher runs the jar in the checkout (here {@code work}) and says where the user is ({@code
   * -Dmallrank.caller.dir}, LauncherScriptTest); the plan is in that other directory. A missing one
   * is an error naming the path tried.
   */
  @Test
  void aRelativePlanIsReadFromTheCallersDirectoryNotTheCheckout() throws Exception {
    Files.writeString(
        elsewhere.resolve("my-plan.yml"),
        """
        groups:
          - name: mine
            profile: sandbox-static
            vantages: [anonymous]
            keywords: [羽绒服女]
        """);
    List<String> launcher = List.of("-Dmallrank.caller.dir=" + elsewhere);

    Run run = runWith(launcher, "--batch.plan=my-plan.yml", "plan", "validate");

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out().lines().findFirst().orElseThrow())
        .isEqualTo(elsewhere.resolve("my-plan.yml") + ": valid, 0 accounts, 1 groups");

    Run missing = runWith(launcher, "--batch.plan=nope.yml", "plan", "validate");

    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err())
        .contains(elsewhere.resolve("nope.yml") + ": (file): cannot read: no such file");
    assertThat(filesIn(work)).as("nothing written in the checkout").isEmpty();
  }
}
