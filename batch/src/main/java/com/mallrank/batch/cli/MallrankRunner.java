package com.mallrank.batch.cli;

import java.util.Arrays;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import picocli.CommandLine;

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
    exitCode = commandLine(factory, commandArgs).execute(commandArgs);
  }

  /** The arguments picocli parses: the application's arguments without Spring's options. */
  static String[] commandArgs(String... args) {
    return Arrays.stream(args).filter(a -> !isSpringProperty(a)).toArray(String[]::new);
  }

  /** The {@code mallrank} command line, its errors reported by {@link FriendlyErrors}. */
  static CommandLine commandLine(CommandLine.IFactory factory, String... commandArgs) {
    CommandLine commandLine = new CommandLine(MallrankCommand.class, factory);
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
    MallrankCommand.groupCommands(commandLine);
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
