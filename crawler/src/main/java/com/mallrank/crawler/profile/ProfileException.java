package com.mallrank.crawler.profile;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A profile file could not be loaded. The message lists every problem found, each naming the file,
 * the line and the key path, e.g. {@code sandbox.yml:31: fields.price.regex: ...}.
 */
public class ProfileException extends RuntimeException {

  private final List<ProfileProblem> problems;

  public ProfileException(List<ProfileProblem> problems) {
    super(format(problems));
    this.problems = List.copyOf(problems);
  }

  public ProfileException(ProfileProblem problem, Throwable cause) {
    super(format(List.of(problem)), cause);
    this.problems = List.of(problem);
  }

  /** Every problem found, in file order. */
  public List<ProfileProblem> problems() {
    return problems;
  }

  private static String format(List<ProfileProblem> problems) {
    if (problems.size() == 1) {
      return "invalid site profile: " + problems.get(0);
    }
    return problems.size()
        + " problems in site profile:\n"
        + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n"));
  }
}
