package com.mallrank.batch.plan;

import java.util.List;
import java.util.stream.Collectors;

/** A plan file that cannot be used, with every problem found in it. Nothing is sampled from it. */
public class PlanException extends RuntimeException {

  private final List<ConfigProblem> problems;

  public PlanException(List<ConfigProblem> problems) {
    super(
        "invalid plan ("
            + problems.size()
            + (problems.size() == 1 ? " problem" : " problems")
            + "):\n  "
            + problems.stream().map(ConfigProblem::toString).collect(Collectors.joining("\n  ")));
    this.problems = List.copyOf(problems);
  }

  public List<ConfigProblem> problems() {
    return problems;
  }
}
