package com.mallrank.crawler.profile;

import com.mallrank.crawler.yaml.ConfigException;
import com.mallrank.crawler.yaml.ConfigProblem;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A profile file could not be loaded. The message lists every problem found, each naming the file,
 * the line and the key path, e.g. {@code sandbox.yml:31: fields.price.regex: ...}.
 */
public class ProfileException extends ConfigException {

  public ProfileException(List<ConfigProblem> problems) {
    super(format(problems), problems, null);
  }

  public ProfileException(ConfigProblem problem, Throwable cause) {
    super(format(List.of(problem)), List.of(problem), cause);
  }

  private static String format(List<ConfigProblem> problems) {
    if (problems.size() == 1) {
      return "invalid site profile: " + problems.get(0);
    }
    return problems.size()
        + " problems in site profile:\n"
        + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n"));
  }
}
