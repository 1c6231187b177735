package com.mallrank.batch.cli;

import com.mallrank.batch.evidence.EvidenceListCommand;
import com.mallrank.batch.evidence.EvidenceShowCommand;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * How much of the application a command line needs, decided from its arguments before anything
 * starts (picocli parses them; nothing runs). A user iterating on a profile or a plan should not
 * wait for a database, Spring Batch and a web stack that the command never touches:
 *
 * <ul>
 *   <li>{@link Startup#NONE}: help ({@code --help}, {@code help [COMMAND]}), version, a parent
 *       command without its subcommand (usage), and arguments picocli refuses: printed here,
 *       without any Spring context.
 *   <li>{@link Startup#PLAIN}: commands that need the crawler, the plan reader and files only
 *       ({@link #PLAIN_COMMANDS}: {@code profile test}, {@code profile repair} from files, {@code
 *       plan validate}, {@code evidence list|show}): no Spring at all, their collaborators made by
 *       hand ({@link WithoutSpring}).
 *   <li>{@link Startup#LEAN}: the other commands that only read files and Elasticsearch ({@code
 *       profile}, {@code plan}, {@code report}, {@code accounts}, {@code evidence}, {@code es},
 *       {@code index}): mallrank's own beans, created lazily, without auto-configuration ({@link
 *       LeanCommandLine}).
 *   <li>{@link Startup#FULL}: the rest (jobs, the scheduler, the web server): the whole
 *       application.
 * </ul>
 */
public final class CommandLineStartup {

  /** What a command line starts. */
  public enum Startup {
    NONE,
    PLAIN,
    LEAN,
    FULL
  }

  /**
   * Commands that need neither Spring nor Elasticsearch, by the words that name them (their one
   * list): their collaborators are the crawler, the plan reader and files ({@link
   * WithoutSpring#RECIPES} makes them).
   */
  static final Map<String, Class<?>> PLAIN_WORDS =
      Map.of(
          "profile test", ProfileTestCommand.class,
          "profile repair", ProfileRepairCommand.class,
          "plan validate", PlanValidateCommand.class,
          "evidence list", EvidenceListCommand.class,
          "evidence show", EvidenceShowCommand.class);

  /** The commands that run without Spring (the values of {@link #PLAIN_WORDS}). */
  static final Set<Class<?>> PLAIN_COMMANDS = Set.copyOf(PLAIN_WORDS.values());

  /**
   * The option with which a command of {@link #PLAIN_COMMANDS} reads the store (Elasticsearch) or
   * samples the target site: it then starts the lean context ({@code profile repair --keyword}, and
   * {@code profile test --keyword}, whose target may be the demo wiring's; from files neither needs
   * one).
   */
  static final Map<Class<?>, String> CONTEXT_OPTIONS =
      Map.of(ProfileRepairCommand.class, "--keyword", ProfileTestCommand.class, "--keyword");

  /**
   * Top-level commands that need neither the JobRepository nor any auto-configured bean: they read
   * files, the plan, site profiles and Elasticsearch only.
   */
  static final Set<String> LEAN_COMMANDS =
      Set.of("profile", "plan", "report", "accounts", "evidence", "es", "index", "broker");

  private CommandLineStartup() {}

  /**
   * A system property that overrides the choice: {@code -Dmallrank.cli.startup=full} runs every
   * command in the whole application (the behaviour before lean starts), {@code lean}, {@code
   * plain} or {@code none} force those.
   */
  public static final String OVERRIDE = "mallrank.cli.startup";

  /**
   * What a command line starts.
   *
   * @param startup how much of the application
   * @param path the commands it runs, when parsed
   */
  public record Decision(Startup startup, CommandPath path) {}

  /** What these arguments (as {@code main} gets them) need started. */
  public static Decision of(String... args) {
    Decision decision = parse(MallrankRunner.commandArgs(args));
    String forced = System.getProperty(OVERRIDE, "");
    return forced.isBlank()
        ? decision
        : new Decision(Startup.valueOf(forced.strip().toUpperCase(Locale.ROOT)), decision.path());
  }

  private static Decision parse(String[] commandArgs) {
    ParseResult parsed;
    try {
      // only the commands the arguments name: parsed alike, built in a fraction of the time
      parsed =
          MallrankRunner.namedCommandLine(new WithoutDependencies(), commandArgs)
              .parseArgs(commandArgs);
    } catch (CommandLine.ParameterException e) {
      // picocli prints the error and the usage: nothing to start for that
      return new Decision(Startup.NONE, null);
    } catch (RuntimeException e) {
      return new Decision(Startup.FULL, null); // reported the way it always was
    }
    return decide(parsed);
  }

  /** What a command line parsed (by any factory) needs started. */
  static Decision decide(ParseResult parsed) {
    Set<Class<?>> path = new HashSet<>();
    ParseResult leaf = parsed;
    boolean help = false;
    for (ParseResult sub = parsed; sub != null; sub = sub.subcommand()) {
      help |= sub.isUsageHelpRequested() || sub.isVersionHelpRequested();
      Class<?> command = sub.commandSpec().userObject().getClass();
      path.add(command == MallrankCommand.Named.class ? MallrankCommand.class : command);
      leaf = sub;
    }
    if (help
        || parsed.subcommand() == null
        || !leaf.commandSpec().subcommands().isEmpty()
        || leaf.commandSpec().userObject() instanceof CommandLine.HelpCommand) {
      // help, or a parent command without its subcommand: usage
      return new Decision(Startup.NONE, new CommandPath(path));
    }
    Class<?> command = leaf.commandSpec().userObject().getClass();
    if (PLAIN_COMMANDS.contains(command)
        && !(CONTEXT_OPTIONS.containsKey(command)
            && leaf.hasMatchedOption(CONTEXT_OPTIONS.get(command)))) {
      return new Decision(Startup.PLAIN, new CommandPath(path));
    }
    String top = parsed.subcommand().commandSpec().name();
    return new Decision(
        LEAN_COMMANDS.contains(top) ? Startup.LEAN : Startup.FULL, new CommandPath(path));
  }

  /**
   * The command of {@link #PLAIN_COMMANDS} these arguments (as {@code main} gets them) name, with
   * no help, from their words alone (the first two that are no option), or {@code null}: such a
   * line is first tried without Spring, parsed once ({@link WithoutSpring#runParsed}), which
   * decides.
   */
  public static Class<?> namedPlainCommand(String... args) {
    if (!System.getProperty(OVERRIDE, "").isBlank()) {
      return null;
    }
    StringBuilder words = new StringBuilder();
    int count = 0;
    for (String arg : MallrankRunner.commandArgs(args)) {
      if (arg.equals("-h")
          || arg.equals("--help")
          || arg.equals("-V")
          || arg.equals("--version")
          || arg.equals("help")) {
        return null;
      }
      if (count < 2 && !arg.startsWith("-")) {
        words.append(count++ == 0 ? "" : " ").append(arg);
      }
    }
    return PLAIN_WORDS.get(words.toString());
  }

  /**
   * Runs a command line that names a command of {@link #PLAIN_COMMANDS}, its command line built and
   * parsed once; nothing (and nothing has run) when it needs more after all.
   */
  public static java.util.OptionalInt runParsedWithoutSpring(Class<?> command, String... args) {
    return WithoutSpring.runParsed(command, args);
  }

  /**
   * Runs a command line that needs no Spring context (see {@link Startup#NONE}), exactly as {@link
   * MallrankRunner} would: same argument filtering, same error handling, same exit code.
   */
  public static int runWithoutContext(String... args) {
    String[] commandArgs = MallrankRunner.commandArgs(args);
    return MallrankRunner.commandLine(new WithoutDependencies(), commandArgs).execute(commandArgs);
  }

  /**
   * Runs a command line that needs no Spring context (see {@link Startup#PLAIN}), exactly as the
   * lean context would; nothing when its configuration needs Spring (then nothing has run).
   */
  public static java.util.OptionalInt runWithoutSpring(CommandPath path, String... args) {
    return WithoutSpring.run(path, args);
  }
}
