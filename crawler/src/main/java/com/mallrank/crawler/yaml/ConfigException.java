package com.mallrank.crawler.yaml;

import java.util.List;

/**
 * A configuration file that cannot be used, with every {@link ConfigProblem} found in it. Each kind
 * of file says so in its own words (its message); the problems are the same record for all.
 */
public abstract class ConfigException extends RuntimeException {

  private final List<ConfigProblem> problems;

  protected ConfigException(String message, List<ConfigProblem> problems, Throwable cause) {
    super(message, cause);
    this.problems = List.copyOf(problems);
  }

  /** Every problem found, in file order. */
  public List<ConfigProblem> problems() {
    return problems;
  }
}
