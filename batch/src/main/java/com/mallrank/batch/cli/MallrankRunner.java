package com.mallrank.batch.cli;

import java.util.Arrays;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Runs the command line once the application context is up. Spring's own {@code --key=value}
 * options are configuration, not commands: they are left out of what picocli parses.
 */
@Component
@ConditionalOnProperty(name = "mallrank.cli.enabled", havingValue = "true", matchIfMissing = true)
class MallrankRunner implements CommandLineRunner, ExitCodeGenerator {

  private final SpringCommandFactory factory;
  private int exitCode;

  MallrankRunner(SpringCommandFactory factory) {
    this.factory = factory;
  }

  @Override
  public void run(String... args) {
    String[] commandArgs = commandArgs(args);
    CommandLine commandLine = commandLine(factory, commandArgs);
    createCommands(commandLine, commandArgs);
    exitCode = commandLine.execute(commandArgs);
  }

  /**
   * Creates the commands these arguments run, before they run: a command picocli cannot create (a
   * bean of the lean context that cannot be built, e.g. a configuration value its record refuses)
   * fails the start-up, reported in one line naming the key like any start-up failure, not as the
   * stack trace picocli prints for an exception of its own (exit 1).
   *
   * @throws CommandLine.InitializationException when a command cannot be created
   */
  static void createCommands(CommandLine commandLine, String... commandArgs) {
    try {
      commandLine.parseArgs(commandArgs);
    } catch (CommandLine.InitializationException e) {
      throw e;
    } catch (CommandLine.PicocliException e) {
      // a bad argument: execute reports it with the usage, as always
    }
  }

  /** The arguments picocli parses: the application's arguments without Spring's options. */
  static String[] commandArgs(String... args) {
    return Arrays.stream(args).filter(a -> !isSpringProperty(a)).toArray(String[]::new);
  }

  /** The {@code mallrank} command line, its errors reported by {@link FriendlyErrors}. */
  static CommandLine commandLine(CommandLine.IFactory factory, String... commandArgs) {
    CommandLine commandLine =
        configure(new CommandLine(MallrankCommand.class, factory), commandArgs);
    MallrankCommand.groupCommands(commandLine);
    return commandLine;
  }

  /**
   * The {@code mallrank} command line with only the commands its arguments name, each whole (its
   * subcommands too): it parses these arguments exactly as {@link #commandLine} does, since picocli
   * enters a command only where an argument names it; the many others are not built (nor their
   * classes initialised). It cannot print help or usage ({@link MallrankCommand.Named}): {@link
   * CommandLineStartup} leaves those to the whole command line.
   */
  static CommandLine namedCommandLine(CommandLine.IFactory factory, String... commandArgs) {
    java.util.Set<String> words = new java.util.HashSet<>(Arrays.asList(commandArgs));
    CommandLine commandLine = new CommandLine(new MallrankCommand.Named(), factory);
    for (Class<?> command : MallrankCommand.commands()) {
      Command annotation = command.getAnnotation(Command.class);
      if (words.contains(annotation.name())
          || Arrays.stream(annotation.aliases()).anyMatch(words::contains)) {
        commandLine.addSubcommand(annotation.name(), new CommandLine(command, factory));
      }
    }
    return configure(commandLine, commandArgs);
  }

  private static CommandLine configure(CommandLine commandLine, String... commandArgs) {
    commandLine.setExecutionExceptionHandler(
        new FriendlyErrors(Arrays.asList(commandArgs).contains("--debug")));
    CommandLine.IParameterExceptionHandler usage = commandLine.getParameterExceptionHandler();
    commandLine.setParameterExceptionHandler(
        (e, args) -> {
          // profile test --json promises one JSON object, a wrong option included
          if (e.getCommandLine().getCommand() instanceof ProfileTestCommand
              && Arrays.asList(args).contains("--json")) {
            ProfileTestCommand.printError("bad-arguments", e.getMessage());
            return 2;
          }
          return usage.handleParseException(e, args);
        });
    // a path option is relative to where the user is, not to the checkout the launcher runs in
    commandLine.registerConverter(java.nio.file.Path.class, CallerPaths::resolve);
    return commandLine;
  }

  static boolean isSpringProperty(String arg) {
    if (!arg.startsWith("--") || !arg.contains("=")) {
      return false;
    }
    String key = arg.substring(2, arg.indexOf('='));
    return key.startsWith("index.")
        || key.startsWith("crawler.")
        || key.startsWith("batch.")
        || key.startsWith("alerts.")
        || key.startsWith("management.")
        || key.startsWith("spring.")
        || key.startsWith("server.")
        || key.startsWith("management.")
        || key.startsWith("logging.");
  }

  @Override
  public int getExitCode() {
    return exitCode;
  }
}
