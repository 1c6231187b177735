package com.mallrank.batch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallrank.batch.MallrankApplication;
import com.mallrank.batch.cli.CommandLineStartup.Startup;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;

/**
 * Commands that start no context or the lean one answer exactly as they did in the whole
 * application: same standard output, same standard error, same exit code.
 */
class CommandLineStartupTest {

  private static final Path PAGE =
      Path.of("../crawler/src/test/resources/pages/sandbox-static/202611/ok-60-ads.html");

  @TempDir Path dir;

  @Test
  void theArgumentsDecideWhatStarts() {
    assertThat(CommandLineStartup.of().startup()).isEqualTo(Startup.NONE);
    assertThat(CommandLineStartup.of("--help").startup()).isEqualTo(Startup.NONE);
    assertThat(CommandLineStartup.of("report", "top20", "-h").startup()).isEqualTo(Startup.NONE);
    assertThat(CommandLineStartup.of("sample", "--help").startup()).isEqualTo(Startup.NONE);
    assertThat(CommandLineStartup.of("plan").startup()).isEqualTo(Startup.NONE);
    assertThat(CommandLineStartup.of("--debug", "-V").startup()).isEqualTo(Startup.NONE);
    assertThat(CommandLineStartup.of("no-such-command").startup()).isEqualTo(Startup.NONE);
    assertThat(CommandLineStartup.of("help").startup()).isEqualTo(Startup.NONE);
    assertThat(CommandLineStartup.of("help", "report").startup()).isEqualTo(Startup.NONE);
    assertThat(CommandLineStartup.of("--batch.plan=x.yml", "plan", "validate").startup())
        .isEqualTo(Startup.LEAN);
    assertThat(CommandLineStartup.of("profile", "test", "-p", "x", "--page", "y").startup())
        .isEqualTo(Startup.LEAN);
    assertThat(CommandLineStartup.of("--index.prefix=x", "report", "top20").startup())
        .isEqualTo(Startup.LEAN);
    assertThat(CommandLineStartup.of("accounts", "status").startup()).isEqualTo(Startup.LEAN);
    assertThat(CommandLineStartup.of("sample", "-g", "core").startup()).isEqualTo(Startup.FULL);
    assertThat(CommandLineStartup.of("serve").startup()).isEqualTo(Startup.FULL);
    assertThat(CommandLineStartup.of("jobs").startup()).isEqualTo(Startup.FULL);
    assertThat(CommandLineStartup.of("demo").startup()).isEqualTo(Startup.FULL);
    assertThat(CommandLineStartup.of("profile", "test", "-p", "x", "--page", "y").path().commands())
        .containsExactlyInAnyOrder(
            MallrankCommand.class, ProfileCommand.class, ProfileTestCommand.class);
  }

  @Test
  void everyCommandsHelpIsTheSameWithoutAContext() {
    try (ConfigurableApplicationContext context =
        SpringApplication.run(
            MallrankApplication.class,
            "--mallrank.cli.enabled=false",
            "--spring.datasource.url=jdbc:h2:mem:startup-" + System.nanoTime())) {
      CommandLine wired =
          new CommandLine(MallrankCommand.class, context.getBean(SpringCommandFactory.class));
      CommandLine bare = new CommandLine(MallrankCommand.class, new WithoutDependencies());
      Map<String, String> expected = usages(wired);

      assertThat(expected).hasSizeGreaterThan(30);
      assertThat(usages(bare)).containsExactlyInAnyOrderEntriesOf(expected);
    }
  }

  @Test
  void everyCommandThatStartsLeanIsWiredInTheLeanContext() {
    try (ConfigurableApplicationContext context =
        LeanCommandLine.application(new CommandPath(Set.of()))
            .run("--mallrank.cli.enabled=false")) {
      CommandLine bare = new CommandLine(MallrankCommand.class, new WithoutDependencies());
      List<Class<?>> leaves = new ArrayList<>();
      for (String top : CommandLineStartup.LEAN_COMMANDS) {
        List<CommandLine> todo = new ArrayList<>(List.of(bare.getSubcommands().get(top)));
        while (!todo.isEmpty()) {
          CommandLine next = todo.remove(0);
          if (next.getSubcommands().isEmpty()) {
            leaves.add(next.getCommandSpec().userObject().getClass());
          }
          todo.addAll(next.getSubcommands().values());
        }
      }

      assertThat(leaves).hasSizeGreaterThan(15).contains(ProfileTestCommand.class);
      for (Class<?> leaf : leaves) {
        assertThat(context.getAutowireCapableBeanFactory().createBean(leaf))
            .as(leaf.getName())
            .isInstanceOf(leaf);
      }
    }
  }

  @Test
  void leanAndContextFreeCommandsAnswerAsTheWholeApplication() throws Exception {
    Path broken = dir.resolve("plan.yml");
    Files.writeString(
        broken,
        """
        groups:
          - name: core
            profile: sandbox-static
            cadence: "0 61 * * * *"
            keywords: [羽绒服女]
        """);
    String closed = "--index.es.url=http://127.0.0.1:" + closedPort();
    List<String[]> lines =
        List.of(
            new String[] {},
            new String[] {"plan"},
            new String[] {"report", "top20", "--help"},
            new String[] {"report", "top20", "--no-such-option"},
            new String[] {"--batch.plan=../config/sandbox-plan.yml", "plan", "validate"},
            new String[] {"--batch.plan=" + broken, "plan", "validate"},
            new String[] {"profile", "test", "--profile", "sandbox-static", "--page", PAGE + ""},
            new String[] {
              "profile", "test", "--profile", "sandbox-static", "--page", PAGE + "", "--json"
            },
            new String[] {"profile", "test", "--profile", "no-such-profile", "--page", PAGE + ""},
            new String[] {closed, "report", "top20"});
    for (String[] line : lines) {
      Output full = runForcing("full", line);
      Output fast = runForcing("", line);
      assertThat(fast).as(String.join(" ", line)).isEqualTo(full);
    }
  }

  private record Output(int code, String out, String err) {}

  private static Output runForcing(String startup, String... args) {
    String[] all = new String[args.length + 1];
    // the whole application writes its JobRepository to ./data otherwise
    all[0] = "--spring.datasource.url=jdbc:h2:mem:startup-" + System.nanoTime();
    System.arraycopy(args, 0, all, 1, args.length);
    PrintStream originalOut = System.out;
    PrintStream originalErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    String before = System.getProperty(CommandLineStartup.OVERRIDE);
    System.setProperty(CommandLineStartup.OVERRIDE, startup);
    try {
      int code = MallrankApplication.run(all);
      return new Output(
          code,
          out.toString(StandardCharsets.UTF_8),
          // log lines start with the time of day
          err.toString(StandardCharsets.UTF_8).replaceAll("(?m)^\\d\\d:\\d\\d:\\d\\d ", ""));
    } finally {
      System.setOut(originalOut);
      System.setErr(originalErr);
      if (before == null) {
        System.clearProperty(CommandLineStartup.OVERRIDE);
      } else {
        System.setProperty(CommandLineStartup.OVERRIDE, before);
      }
    }
  }

  private static Map<String, String> usages(CommandLine commandLine) {
    Map<String, String> usages = new java.util.TreeMap<>();
    List<CommandLine> todo = new ArrayList<>(List.of(commandLine));
    while (!todo.isEmpty()) {
      CommandLine next = todo.remove(0);
      usages.put(next.getCommandSpec().qualifiedName(), next.getUsageMessage());
      todo.addAll(next.getSubcommands().values());
    }
    return usages;
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
