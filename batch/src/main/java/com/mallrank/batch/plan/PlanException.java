package com.mallrank.batch.plan;

import com.mallrank.crawler.yaml.ConfigException;
import com.mallrank.crawler.yaml.ConfigProblem;
import java.util.List;
import java.util.stream.Collectors;

/** A plan file that cannot be used, with every problem found in it. Nothing is sampled from it. */
public class PlanException extends ConfigException {

  public PlanException(List<ConfigProblem> problems) {
    super(
        "invalid plan ("
            + problems.size()
            + (problems.size() == 1 ? " problem" : " problems")
            + "):\n  "
            + problems.stream().map(ConfigProblem::toString).collect(Collectors.joining("\n  ")),
        problems,
        null);
  }
}
