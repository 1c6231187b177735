package com.mallrank.batch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./mallrank} launcher's choice of JVM options and of the jar to start (its functions,
 * with the script sourced: nothing is run).
 */
class LauncherScriptTest {

  private static final Path SCRIPT = Path.of("../mallrank").toAbsolutePath().normalize();

  @TempDir Path dir;

  private String bash(String script, Map<String, String> env) throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder("bash", "-c", "source \"$1\"; " + script, "bash", SCRIPT.toString())
            .redirectErrorStream(true);
    builder.environment().remove("MALLRANK_JAVA_OPTS");
    builder.environment().putAll(env);
    Process process = builder.start();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as(out).isZero();
    return out;
  }

  @Test
  void shortCommandsGetC1AndTheSerialCollectorJobsAndServeTheDefaults() throws Exception {
    String shortOptions =
        "-XX:TieredStopAtLevel=1\n-XX:Tier3InvocationThreshold=1000\n"
            + "-XX:Tier3MinInvocationThreshold=1000\n-XX:Tier3CompileThreshold=2000\n"
            + "-XX:+UseSerialGC\n";
    assertThat(bash("java_options --index.prefix=x report top20", Map.of()))
        .isEqualTo(shortOptions);
    assertThat(bash("java_options profile test --page p.html", Map.of())).isEqualTo(shortOptions);
    assertThat(bash("java_options --debug plan validate", Map.of())).isEqualTo(shortOptions);
    assertThat(bash("java_options serve", Map.of())).isEmpty();
    assertThat(bash("java_options --batch.plan=p.yml sample -g core", Map.of())).isEmpty();
    assertThat(bash("java_options demo", Map.of())).isEmpty();
    assertThat(bash("java_options serve", Map.of("MALLRANK_JAVA_OPTS", "-Xmx1g -Da=b")))
        .isEqualTo("-Xmx1g\n-Da=b\n");
  }

  @Test
  void theCdsArchiveIsUsedOnlyWhenNewerThanTheJar() throws Exception {
    Path jar = Files.writeString(dir.resolve("mallrank.jar"), "jar");
    Files.createDirectories(dir.resolve("cds"));
    Path cdsJar = Files.writeString(dir.resolve("cds/mallrank.jar"), "jar");
    Path archive = Files.writeString(dir.resolve("cds/mallrank.jsa"), "jsa");
    String launch = "JAR='" + jar + "' CDS_JAR='" + cdsJar + "' CDS_ARCHIVE='" + archive + "'";
    launch += " CDS_PLAIN_ARCHIVE='" + dir.resolve("cds/plain.jsa") + "'";
    launch += "; java_launch report top20";
    Instant now = Instant.now();
    Files.setLastModifiedTime(jar, FileTime.from(now.minusSeconds(60)));
    Files.setLastModifiedTime(cdsJar, FileTime.from(now.minusSeconds(60)));
    Files.setLastModifiedTime(archive, FileTime.from(now));

    assertThat(bash(launch, Map.of()).lines().toList())
        .isEqualTo(
            List.of(
                "-XX:SharedArchiveFile=" + archive,
                "-Xlog:cds=off",
                "-Xlog:cds+dynamic=off",
                "-jar",
                cdsJar.toString()));

    Files.setLastModifiedTime(jar, FileTime.from(now.plusSeconds(60))); // rebuilt, no archive
    assertThat(bash(launch, Map.of()).lines().toList()).isEqualTo(List.of("-jar", jar.toString()));

    Files.setLastModifiedTime(jar, FileTime.from(now.minusSeconds(60)));
    Files.delete(cdsJar);
    assertThat(bash(launch, Map.of()).lines().toList()).isEqualTo(List.of("-jar", jar.toString()));
  }

  /**
   * Issue 20 item 7: the commands that start without Spring, and help, get the archive of only what
   * they load (it maps faster), the others the whole one; either only when newer than the jar.
   */
  @Test
  void commandsWithoutSpringAndHelpGetTheirOwnSmallerArchive() throws Exception {
    Path jar = Files.writeString(dir.resolve("mallrank.jar"), "jar");
    Files.createDirectories(dir.resolve("cds"));
    Path cdsJar = Files.writeString(dir.resolve("cds/mallrank.jar"), "jar");
    Path whole = Files.writeString(dir.resolve("cds/mallrank.jsa"), "jsa");
    Path plain = Files.writeString(dir.resolve("cds/plain.jsa"), "jsa");
    Instant now = Instant.now();
    Files.setLastModifiedTime(jar, FileTime.from(now.minusSeconds(60)));
    Files.setLastModifiedTime(cdsJar, FileTime.from(now.minusSeconds(60)));
    String vars =
        "JAR='"
            + jar
            + "' CDS_JAR='"
            + cdsJar
            + "' CDS_ARCHIVE='"
            + whole
            + "'"
            + " CDS_PLAIN_ARCHIVE='"
            + plain
            + "'; ";
    Map<String, Path> expected = new java.util.LinkedHashMap<>();
    expected.put("profile test --profile x --page p.html", plain);
    expected.put("--debug profile repair --profile x --page p.html --known k.json", plain);
    expected.put("profile repair --profile x --keyword k", whole);
    expected.put("profile repair --profile x --keyword=k", whole);
    expected.put("--batch.plan=p.yml plan validate", plain);
    expected.put("evidence show data/evidence/x.html", plain);
    expected.put("evidence list", plain);
    expected.put("--help", plain);
    expected.put("report top20 --help", plain);
    expected.put("help report", plain);
    expected.put("", plain);
    expected.put("plan capacity", whole);
    expected.put("--index.prefix=x report top20", whole);
    expected.put("accounts status", whole);
    expected.put("sample -g core", whole);
    expected.put("profile", whole);
    for (Map.Entry<String, Path> line : expected.entrySet()) {
      assertThat(bash(vars + "java_launch " + line.getKey(), Map.of()).lines().findFirst())
          .as(line.getKey())
          .contains("-XX:SharedArchiveFile=" + line.getValue());
    }

    Files.setLastModifiedTime(plain, FileTime.from(now.minusSeconds(120))); // an older build's
    assertThat(bash(vars + "java_launch plan validate", Map.of()).lines().findFirst())
        .contains("-XX:SharedArchiveFile=" + whole);
  }

  /** Runs the launcher itself from {@code cwd} in a dry run: it prints the java command it runs. */
  private String dryRun(Path cwd, String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of(SCRIPT.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder =
        new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true);
    builder.environment().remove("MALLRANK_JAVA_OPTS");
    builder.environment().put("MALLRANK_DRY_RUN", "1");
    Process process = builder.start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as(out).isZero();
    return out;
  }

  private static String javaLine(String out) {
    return out.lines().filter(l -> l.startsWith("+ java ")).findFirst().orElseThrow();
  }

  /**
   * Issue 21 item 5: the launcher runs the jar in the checkout, so it tells the jar where the user
   * is; relative paths the user gives resolve there (CommandLineProcessIT runs the jar that way).
   */
  @Test
  void theJarIsToldTheDirectoryTheUserRunsTheLauncherFrom() throws Exception {
    String java = javaLine(dryRun(dir, "--batch.plan=my-plan.yml", "plan", "validate"));

    assertThat(java)
        .contains(" -Dmallrank.caller.dir=" + dir.toRealPath() + " ")
        .contains(" -jar ")
        .endsWith(" --batch.plan=my-plan.yml plan validate ");
  }

  /**
   * {@code --help} and {@code help} both run the jar's grouped command list, then the launcher's.
   */
  @Test
  void helpAndDashDashHelpRunTheJarsCommandList() throws Exception {
    for (String asked : List.of("--help", "help")) {
      String out = dryRun(dir, asked);
      assertThat(javaLine(out)).as(asked).endsWith(" --help ");
      assertThat(out).as(asked).contains("The launcher's own:", "test [mvn args]");
    }
    assertThat(javaLine(dryRun(dir, "help", "report"))).endsWith(" help report ");
  }

  /**
   * The JDK check starts a JVM of its own ({@code java -version}): it runs once per {@code java}
   * binary, whose good answer is remembered (not before every command); another binary is checked
   * again, and a JDK older than 17 is refused as before.
   */
  @Test
  void theJdkIsCheckedOncePerJavaBinaryNotBeforeEveryCommand() throws Exception {
    Path calls = dir.resolve("calls");
    Path jdk17 = fakeJava("jdk17", "17", calls);
    Path jdk21 = fakeJava("jdk21", "21", calls);
    Path jdk11 = fakeJava("jdk11", "11", calls);
    String check =
        "JAVA_CHECKED=\"$CHECKED\"; require_java17; require_java17; require_java17; echo ok";
    Map<String, String> env =
        Map.of("CHECKED", dir.resolve("java-checked").toString(), "CALLS", calls.toString());

    Map<String, String> with17 = new java.util.HashMap<>(env);
    with17.put("PATH", jdk17 + ":" + System.getenv("PATH"));
    assertThat(bash(check, with17)).isEqualTo("ok\n");
    assertThat(Files.readAllLines(calls)).containsExactly("jdk17");
    assertThat(Files.readString(dir.resolve("java-checked")).strip())
        .isEqualTo(jdk17.resolve("java").toRealPath().toString());

    Map<String, String> with21 = new java.util.HashMap<>(env);
    with21.put("PATH", jdk21 + ":" + System.getenv("PATH"));
    assertThat(bash(check, with21)).isEqualTo("ok\n");
    assertThat(Files.readAllLines(calls)).containsExactly("jdk17", "jdk21");

    Map<String, String> with11 = new java.util.HashMap<>(env);
    with11.put("PATH", jdk11 + ":" + System.getenv("PATH"));
    ProcessBuilder old =
        new ProcessBuilder("bash", "-c", "source \"$1\"; " + check, "bash", SCRIPT.toString())
            .redirectErrorStream(true);
    old.environment().putAll(with11);
    Process process = old.start();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
        .isEqualTo("mallrank: error: JDK 17 or newer needed, found java 11\n");
    assertThat(process.exitValue()).isEqualTo(1);
  }

  /** A {@code java} that notes each call in {@code calls} and says it is of version {@code v}. */
  private Path fakeJava(String name, String version, Path calls) throws Exception {
    Path bin = Files.createDirectories(dir.resolve(name));
    Path java = bin.resolve("java");
    Files.writeString(
        java,
        "#!/bin/sh\necho "
            + name
            + " >>\"$CALLS\"\necho '    java.specification.version = "
            + version
            + "' >&2\n");
    java.toFile().setExecutable(true);
    return bin;
  }
}
