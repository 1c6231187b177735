package com.mallrank.batch;

import com.mallrank.batch.cli.CommandLineStartup;
import com.mallrank.batch.cli.FriendlyErrors;
import java.util.Arrays;

/**
 * The entry point of the jar: decides what a command line needs ({@link CommandLineStartup}) before
 * any class of Spring is loaded, and runs help and the commands without Spring here; the others
 * start {@link MallrankApplication}. (Loading {@code MallrankApplication} itself links Spring
 * Boot's classes, which a command without Spring never uses.)
 */
public final class Mallrank {

  /**
   * picocli looks up Groovy's {@code Closure} class when it first creates a command: a class on no
   * jar, so every jar of the class path is opened to look for it. mallrank has no Groovy.
   */
  private static final String NO_GROOVY_CLOSURES = "picocli.disable.closures";

  private Mallrank() {}

  public static void main(String[] args) {
    if (System.getProperty(NO_GROOVY_CLOSURES) == null) {
      System.setProperty(NO_GROOVY_CLOSURES, "true");
    }
    System.exit(run(args));
  }

  /**
   * Runs one command line and returns its exit code. Only what the command needs is started ({@link
   * CommandLineStartup}): nothing for help, no Spring for commands that need the crawler and the
   * plan reader only, mallrank's own beans for the others that read files and Elasticsearch, the
   * whole application for jobs and {@code serve}.
   */
  public static int run(String... args) {
    int code;
    try {
      Class<?> plainCommand = CommandLineStartup.namedPlainCommand(args);
      if (plainCommand != null) {
        // the common case, its command line built and parsed once
        java.util.OptionalInt plain = CommandLineStartup.runParsedWithoutSpring(plainCommand, args);
        if (plain.isPresent()) {
          return plain.getAsInt();
        }
      }
      CommandLineStartup.Decision startup = CommandLineStartup.of(args);
      code =
          switch (startup.startup()) {
            case NONE -> CommandLineStartup.runWithoutContext(args);
            case PLAIN ->
                CommandLineStartup.runWithoutSpring(startup.path(), args)
                    .orElseGet(() -> MallrankApplication.lean(startup, args));
            case LEAN -> MallrankApplication.lean(startup, args);
            case FULL -> MallrankApplication.full(args);
          };
    } catch (RuntimeException e) {
      // The context did not start (bad configuration, a bean that cannot be built): one line.
      System.err.println("error: " + FriendlyErrors.startupFailure(e));
      if (Arrays.asList(args).contains("--debug")) {
        e.printStackTrace();
      }
      code = 2;
    }
    return code;
  }
}
