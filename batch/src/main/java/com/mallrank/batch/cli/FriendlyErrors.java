package com.mallrank.batch.cli;

import com.mallrank.batch.plan.PlanException;
import com.mallrank.batch.runtime.ElasticsearchRuntime;
import com.mallrank.batch.text.Escaping;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.BindException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Prints what went wrong as one clear line (file, line, field or URL where known) instead of a
 * stack trace: the message and the messages of its causes, joined. With {@code --debug} the stack
 * trace follows; it also goes to the debug log. A plan's list of problems keeps its lines.
 */
public class FriendlyErrors implements IExecutionExceptionHandler {

  private final boolean debug;

  FriendlyErrors(boolean debug) {
    this.debug = debug;
  }

  @Override
  public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parseResult) {
    // the logger is asked for here: a command that does not fail never starts SLF4J for it
    LoggerFactory.getLogger(FriendlyErrors.class).debug("command failed", e);
    String message = e instanceof PlanException ? e.getMessage() : describe(e);
    // Messages may quote a keyword, a title or a file line: shown, never sent, to the terminal.
    cmd.getErr()
        .println(cmd.getColorScheme().errorText("error: " + Escaping.terminalLines(message)));
    if (debug) {
      e.printStackTrace(cmd.getErr());
    }
    return 2;
  }

  /**
   * The one line for an application that could not start (its context failed before any command
   * ran): a configuration value that cannot be bound names its key and the reason, anything else is
   * {@link #describe described}. Spring's own multi-line failure report is switched off in {@code
   * application.yml}; {@code --debug} adds the stack trace.
   */
  public static String startupFailure(Throwable e) {
    BindException bind = null; // the innermost: it names the exact key
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof BindException b) {
        bind = b;
      }
    }
    if (bind == null) {
      return Escaping.terminalLines(describe(e));
    }
    Throwable reason = bind.getCause() == null ? bind : bind.getCause();
    while (reason.getCause() != null && reason.getCause() != reason) {
      reason = reason.getCause(); // the root: "Constructor threw exception" says nothing
    }
    String origin = bind.getOrigin() == null ? "" : " (" + bind.getOrigin() + ")";
    return Escaping.terminalLines(
        "invalid configuration "
            + bind.getName()
            + origin
            + ": "
            + (reason.getMessage() == null
                ? reason.getClass().getSimpleName()
                : reason.getMessage().replaceAll("\\s*[\\r\\n]+\\s*", " ")));
  }

  /** The message and each cause's message not already in it, on one line. */
  static String describe(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof ElasticsearchRuntime.UnavailableException unavailable) {
        return unavailable.getMessage(); // complete, and its causes may name credentials
      }
    }
    StringBuilder message =
        new StringBuilder(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause.getMessage() != null && !message.toString().contains(cause.getMessage())) {
        message.append(": ").append(cause.getMessage());
      }
    }
    return message.toString().replaceAll("\\s*[\\r\\n]+\\s*", " ");
  }
}
