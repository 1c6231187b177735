package com.mallrank.index.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads main sources for the one-home rules no bytecode rule can check: string constants are
 * inlined by the compiler, so where a literal is written can only be seen in the source.
 */
public final class SourceLines {

  private SourceLines() {}

  /**
   * Where {@code pattern} occurs in the Java files below {@code root}, outside comment lines: one
   * {@code path:line: text} per line, the path relative to {@code root} with {@code /}, in path
   * order.
   */
  public static List<String> occurrences(Path root, Pattern pattern) throws IOException {
    List<String> hits = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        String relative = root.relativize(file).toString().replace('\\', '/');
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
          String line = lines.get(i).strip();
          if (line.startsWith("*") || line.startsWith("/*") || line.startsWith("//")) {
            continue;
          }
          if (pattern.matcher(line).find()) {
            hits.add(relative + ":" + (i + 1) + ": " + line);
          }
        }
      }
    }
    return hits;
  }
}
