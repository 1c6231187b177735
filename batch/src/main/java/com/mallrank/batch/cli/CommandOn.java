package com.mallrank.batch.cli;

import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * A command that runs on one thing its subcommands share (the local broker's or Elasticsearch's
 * settings, the evidence store): resolved when the command runs, not when picocli builds the
 * command line, so {@code --help} and a sibling's errors never depend on it.
 *
 * @param <T> what the command runs on
 */
public abstract class CommandOn<T> implements Callable<Integer> {

  private final Supplier<T> subject;

  protected CommandOn(Supplier<T> subject) {
    this.subject = subject;
  }

  @Override
  public final Integer call() throws Exception {
    return call(subject.get());
  }

  /** Runs the command on what it runs on; returns its exit code. */
  protected abstract Integer call(T subject) throws Exception;
}
