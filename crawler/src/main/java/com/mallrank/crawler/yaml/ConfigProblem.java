package com.mallrank.crawler.yaml;

/**
 * One thing wrong in a configuration file (a site profile, a plan, a keyword list), located so a
 * person can fix it: {@code file:line: field: message}. The one problem record of every validating
 * reader.
 *
 * @param file the file (or classpath resource) name
 * @param line the 1-based line, or 0 when unknown
 * @param field the key path, e.g. {@code fields.price.regex} or {@code groups[0].vantages[2]};
 *     empty for the whole file
 * @param message what is wrong
 */
public record ConfigProblem(String file, int line, String field, String message) {

  public ConfigProblem {
    field = field == null ? "" : field;
  }

  @Override
  public String toString() {
    return file
        + (line > 0 ? ":" + line : "")
        + (field.isEmpty() ? "" : ": " + field)
        + ": "
        + message;
  }
}
