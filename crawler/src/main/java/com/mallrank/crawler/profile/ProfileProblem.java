package com.mallrank.crawler.profile;

/**
 * One mistake in a profile file.
 *
 * @param file the file (or classpath resource) name
 * @param keyPath the dotted key path, e.g. {@code fields.price.regex}; empty for the whole file
 * @param line the 1-based line, or 0 when unknown
 * @param message what is wrong
 */
public record ProfileProblem(String file, String keyPath, int line, String message) {

  @Override
  public String toString() {
    return file
        + (line > 0 ? ":" + line : "")
        + (keyPath.isEmpty() ? "" : ": " + keyPath)
        + ": "
        + message;
  }
}
