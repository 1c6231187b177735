package com.mallrank.batch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mallrank.batch.MallrankApplication;
import com.mallrank.batch.cli.CommandLineStartup.Startup;
import com.mallrank.batch.config.PlainConfiguration;
import com.mallrank.batch.testing.TestProfiles;
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
import picocli.CommandLine.ParseResult;

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
        .isEqualTo(Startup.PLAIN);
    assertThat(CommandLineStartup.of("profile", "test", "-p", "x", "--page", "y").startup())
        .isEqualTo(Startup.PLAIN);
    assertThat(CommandLineStartup.of("--debug", "evidence", "show", "x.html").startup())
        .isEqualTo(Startup.PLAIN);
    assertThat(CommandLineStartup.of("evidence", "list").startup()).isEqualTo(Startup.PLAIN);
    // a word given twice (here a profile named like the command) is no reason to start more
    assertThat(CommandLineStartup.of("profile", "test", "-p", "test", "--page", "y").startup())
        .isEqualTo(Startup.PLAIN);
    assertThat(
            CommandLineStartup.of("profile", "repair", "-p", "x", "--page", "y", "--known", "z")
                .startup())
        .isEqualTo(Startup.PLAIN);
    assertThat(CommandLineStartup.of("profile", "repair", "-p", "x", "--keyword", "k").startup())
        .isEqualTo(Startup.LEAN);
    assertThat(CommandLineStartup.of("profile", "repair", "-p", "x", "--keyword=k").startup())
        .isEqualTo(Startup.LEAN);
    // a live keyword samples the target, which may be the demo wiring's: the lean context has it
    assertThat(CommandLineStartup.of("profile", "test", "-p", "x", "--keyword", "k").startup())
        .isEqualTo(Startup.LEAN);
    assertThat(CommandLineStartup.of("profile", "test", "--help").startup())
        .isEqualTo(Startup.NONE);
    assertThat(CommandLineStartup.of("plan", "capacity").startup()).isEqualTo(Startup.LEAN);
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

  /**
   * The decision parses with only the commands the arguments name ({@link
   * MallrankRunner#namedCommandLine}): every command line parses there exactly as with all of them
   * (the same commands, options and values), or fails in both.
   */
  @Test
  void theNamedCommandsParseEveryLineAsTheWholeCommandLine() {
    List<String[]> lines =
        List.of(
            new String[] {"profile", "test", "-p", "x", "--page", "y"},
            new String[] {"--debug", "profile", "test", "--profile=plan", "--har", "h", "--json"},
            new String[] {"profile", "test", "-p", "evidence", "--keyword", "report"},
            new String[] {"plan", "validate", "--debug"},
            new String[] {"plan", "import-keywords", "profile.csv"},
            new String[] {"evidence", "show", "plan", "--chars", "10"},
            new String[] {"evidence", "list", "--slot", "20261128T0600Z"},
            new String[] {"report", "top20", "--format", "csv", "-o", "plan"},
            new String[] {"accounts", "status"},
            new String[] {"sample", "-g", "core"},
            new String[] {"help", "report"},
            new String[] {"profile", "tset"},
            new String[] {"profile", "test", "--nope"},
            new String[] {"profile", "test", "-p", "x"},
            new String[] {"profil"},
            new String[] {"--version"},
            new String[] {});
    for (String[] line : lines) {
      assertThat(parsed(MallrankRunner.namedCommandLine(new WithoutDependencies(), line), line))
          .as(String.join(" ", line))
          .isEqualTo(parsed(MallrankRunner.commandLine(new WithoutDependencies(), line), line));
    }
  }

  /** Each command of the parse, its options and positional values, or the parse error. */
  private static List<String> parsed(CommandLine commandLine, String... line) {
    List<String> parsed = new ArrayList<>();
    try {
      for (ParseResult sub = commandLine.parseArgs(line); sub != null; sub = sub.subcommand()) {
        Class<?> type = sub.commandSpec().userObject().getClass();
        parsed.add((type == MallrankCommand.Named.class ? MallrankCommand.class : type).getName());
        sub.matchedOptions()
            .forEach(o -> parsed.add(o.longestName() + "=" + o.originalStringValues()));
        sub.matchedPositionals()
            .forEach(p -> parsed.add(p.paramLabel() + "=" + p.originalStringValues()));
      }
    } catch (CommandLine.ParameterException e) {
      parsed.add("error: " + e.getMessage());
    }
    return parsed;
  }

  /**
   * A line whose words name a command without Spring is tried without Spring first, its command
   * line built and parsed once; the words name their command as the whole command line parses them
   * (the words are the one list of those commands: {@code PLAIN_COMMANDS} is made from them).
   */
  @Test
  void theWordsOfACommandWithoutSpringNameIt() {
    CommandLine whole = new CommandLine(MallrankCommand.class, new WithoutDependencies());
    CommandLineStartup.PLAIN_WORDS.forEach(
        (words, command) -> {
          String[] parts = words.split(" ");
          Object leaf =
              whole.getSubcommands().get(parts[0]).getSubcommands().get(parts[1]).getCommand();
          assertThat(leaf).as(words).isInstanceOf(command);
        });
    assertThat(CommandLineStartup.namedPlainCommand("--debug", "profile", "test", "-p", "x"))
        .isEqualTo(ProfileTestCommand.class);
    assertThat(
            CommandLineStartup.namedPlainCommand("--crawler.timeout=1s", "plan", "validate", "-v"))
        .isEqualTo(PlanValidateCommand.class);
    assertThat(CommandLineStartup.namedPlainCommand("profile", "test", "--help")).isNull();
    assertThat(CommandLineStartup.namedPlainCommand("help", "profile", "test")).isNull();
    assertThat(CommandLineStartup.namedPlainCommand("report", "top20")).isNull();
    assertThat(CommandLineStartup.namedPlainCommand("profile")).isNull();
  }

  /** Every command that starts without Spring is made from the recipes, nothing else. */
  @Test
  void everyPlainCommandIsMadeWithoutSpring() throws Exception {
    PlainConfiguration configuration =
        PlainConfiguration.read(PlainConfiguration.Inputs.of(), CallerPaths::commandLineValue);
    assertThat(CommandLineStartup.PLAIN_COMMANDS).hasSizeGreaterThanOrEqualTo(4);
    for (Class<?> command : CommandLineStartup.PLAIN_COMMANDS) {
      try (WithoutSpring beans =
          new WithoutSpring(configuration, new CommandPath(Set.of(command)))) {
        assertThat(beans.create(command)).as(command.getName()).isInstanceOf(command);
      }
    }
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
    Path evidence = dir.resolve("evidence");
    Path kept = evidence.resolve("20261128T0600Z/sandbox-static/anonymous/羽绒服.html");
    Files.createDirectories(kept.getParent());
    Files.writeString(kept, "<html><head><title>验证码</title></head><body>\u001b[31m</body></html>");
    // the built-in profile, but its cards are not found: another outcome than the built-in one
    Path profiles = TestProfiles.sandboxStaticWithoutCards(dir.resolve("profiles"));
    String evidenceDir = "--crawler.evidence.dir=" + evidence;
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
            new String[] {
              "--crawler.profiles-dir=" + profiles,
              "profile",
              "test",
              "--profile",
              "sandbox-static",
              "--page",
              PAGE + ""
            },
            new String[] {
              "--crawler.max-redirects=50",
              "profile",
              "test",
              "-p",
              "sandbox-static",
              "--page",
              PAGE + ""
            },
            new String[] {
              "--logging.level.com.mallrank=DEBUG",
              "--crawler.politeness.jitter=0s",
              "profile",
              "test",
              "-p",
              "sandbox-static",
              "--page",
              PAGE + "",
              "--json"
            },
            new String[] {evidenceDir, "evidence", "list"},
            new String[] {evidenceDir, "evidence", "show", kept + ""},
            new String[] {evidenceDir, "evidence", "show", PAGE + ""},
            new String[] {closed, "report", "top20"});
    for (String[] line : lines) {
      Output full = runForcing("full", line);
      Output fast = runForcing("", line);
      assertThat(fast).as(String.join(" ", line)).isEqualTo(full);
      if (CommandLineStartup.of(line).startup() == Startup.PLAIN) {
        assertThat(runForcing("lean", line)).as("lean: " + String.join(" ", line)).isEqualTo(full);
      }
    }
  }

  /**
   * The commands that start without Spring do so with the configuration as it is (nothing in it
   * needs Spring to be read), and a bad value does need it: the lean context names its key.
   */
  @Test
  void theCommandsWithoutSpringReadTheirConfigurationThemselvesUnlessItIsBad() throws Exception {
    String[] plain = {
      "--crawler.politeness.jitter=0s", "profile", "test", "-p", "x", "--page", "y"
    };
    assertThat(CommandLineStartup.of(plain).startup()).isEqualTo(Startup.PLAIN);
    assertThat(
            PlainConfiguration.read(
                    PlainConfiguration.Inputs.of(plain), CallerPaths::commandLineValue)
                .crawler()
                .politeness()
                .jitter())
        .isZero();

    Map<String, String> bad =
        Map.of(
            "--crawler.max-redirects=50",
            "error: invalid configuration crawler: crawler.max-redirects must be 0..20, was 50\n",
            "--crawler.timeout=soon",
            "error: invalid configuration crawler.timeout: 'soon' is not a valid duration\n");
    for (Map.Entry<String, String> value : bad.entrySet()) {
      String[] line = {
        value.getKey(), "profile", "test", "-p", "sandbox-static", "--page", PAGE + ""
      };
      assertThatThrownBy(
              () ->
                  PlainConfiguration.read(
                      PlainConfiguration.Inputs.of(line), CallerPaths::commandLineValue))
          .isInstanceOf(PlainConfiguration.NeedsSpring.class);
      assertThat(runForcing("", line)).isEqualTo(new Output(2, "", value.getValue()));
      assertThat(runForcing("full", line)).isEqualTo(new Output(2, "", value.getValue()));
    }
  }

  /**
   * Issue 20 item 7: {@code profile repair} from files runs without Spring (it does not hand over
   * to the lean context) and answers as the whole application: the same output, exit code and
   * proposal file; from the store ({@code --keyword}) it needs Elasticsearch and starts the lean
   * context.
   */
  @Test
  void profileRepairFromFilesRunsWithoutSpringAndAnswersAsTheWholeApplication() throws Exception {
    String[] test = {"profile", "test", "-p", "sandbox-static", "--page", PAGE + "", "--json"};
    Output tested = runForcing("", test);
    assertThat(tested.code()).as(tested.err()).isZero();
    Path known = Files.writeString(dir.resolve("ok.json"), tested.out());
    // the built-in profile whose cards are no longer found: the repair proposes the fix
    Path profiles = TestProfiles.sandboxStaticWithoutCards(dir.resolve("profiles"));
    Path fixed = dir.resolve("fixed.yml");
    String[] broken = {
      "--crawler.profiles-dir=" + profiles,
      "profile",
      "repair",
      "-p",
      "sandbox-static",
      "--page",
      PAGE + "",
      "--known",
      known + "",
      "-o",
      fixed + ""
    };
    String[] nothing = {
      "profile", "repair", "-p", "sandbox-static", "--page", PAGE + "", "--known", known + ""
    };

    Output full = runForcing("full", broken);
    String proposal = Files.readString(fixed);
    Files.delete(fixed);
    Output plain = runWithoutSpringOnly(broken);

    assertThat(full.code()).as(full.err()).isZero();
    assertThat(full.out()).contains("repaired: the proposal is in " + fixed);
    assertThat(proposal).doesNotContain("no-such-card");
    assertThat(plain).isEqualTo(full);
    assertThat(Files.readString(fixed)).isEqualTo(proposal);
    Output nothingFull = runForcing("full", nothing);
    assertThat(nothingFull.code()).isZero();
    assertThat(nothingFull.err()).isEmpty();
    assertThat(nothingFull.out())
        .endsWith("nothing to repair: sandbox-static reads the new page; nothing written\n");
    assertThat(runWithoutSpringOnly(nothing)).isEqualTo(nothingFull);
  }

  /**
   * {@code --debug} prints the error's stack trace without Spring as with it: the same lines down
   * to picocli (below it, how the command was started differs).
   */
  @Test
  void debugPrintsTheSameStackTraceWithoutSpring() {
    String[] line = {
      "--debug", "profile", "test", "--profile", "no-such-profile", "--page", PAGE + ""
    };
    Output lean = runForcing("lean", line);
    Output fast = runForcing("", line);
    assertThat(fast.code()).isEqualTo(lean.code()).isEqualTo(2);
    assertThat(fast.out()).isEqualTo(lean.out());
    assertThat(untilPicocli(fast.err()))
        .isEqualTo(untilPicocli(lean.err()))
        .contains("\tat com.mallrank.batch.runtime.SiteProfileRegistry");
  }

  private static String untilPicocli(String err) {
    int picocli = err.indexOf("\tat picocli.CommandLine");
    return picocli < 0 ? err : err.substring(0, picocli);
  }

  private record Output(int code, String out, String err) {}

  /** Runs the command line without Spring; fails when it would hand over to the lean context. */
  private static Output runWithoutSpringOnly(String... args) {
    return capture(
        "",
        () ->
            CommandLineStartup.runWithoutSpring(CommandLineStartup.of(args).path(), args)
                .orElseThrow(() -> new AssertionError("handed over to the lean context")));
  }

  private static Output runForcing(String startup, String... args) {
    String[] all = new String[args.length + 1];
    // the whole application writes its JobRepository to ./data otherwise
    all[0] = "--spring.datasource.url=jdbc:h2:mem:startup-" + System.nanoTime();
    System.arraycopy(args, 0, all, 1, args.length);
    return capture(startup, () -> MallrankApplication.run(all));
  }

  private static Output capture(String startup, java.util.function.IntSupplier run) {
    PrintStream originalOut = System.out;
    PrintStream originalErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    String before = System.getProperty(CommandLineStartup.OVERRIDE);
    System.setProperty(CommandLineStartup.OVERRIDE, startup);
    try {
      int code = run.getAsInt();
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
