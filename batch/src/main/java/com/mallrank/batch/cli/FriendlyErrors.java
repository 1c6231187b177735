package com.mallrank.batch.cli;

import com.mallrank.batch.plan.PlanException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Prints what went wrong as one clear message (file, line, field where known) instead of a stack
 * trace; the stack trace goes to the debug log.
 */
class FriendlyErrors implements IExecutionExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(FriendlyErrors.class);

  @Override
  public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parseResult) {
    log.debug("command failed", e);
    String message = e instanceof PlanException ? e.getMessage() : describe(e);
    cmd.getErr().println(cmd.getColorScheme().errorText("error: " + message));
    return 2;
  }

  private static String describe(Throwable e) {
    StringBuilder message = new StringBuilder(String.valueOf(e.getMessage()));
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause.getMessage() != null && !message.toString().contains(cause.getMessage())) {
        message.append("\n  caused by: ").append(cause.getMessage());
      }
    }
    return message.toString();
  }
}
