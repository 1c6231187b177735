package com.mallrank.batch.plan;

import java.nio.file.Path;

/**
 * One thing wrong in a configuration file, located so a person can fix it.
 *
 * @param file the file
 * @param line the 1-based line, or 0 when unknown
 * @param field the key path, e.g. {@code groups[0].vantages[2]}
 * @param message what is wrong
 */
public record ConfigProblem(Path file, int line, String field, String message) {

  @Override
  public String toString() {
    return file + (line > 0 ? ":" + line : "") + ": " + field + ": " + message;
  }
}
