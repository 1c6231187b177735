package com.mallrank.batch.plan;

import com.mallrank.crawler.yaml.ConfigProblem;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads keyword lists as operators keep them in Excel: CSV in UTF-8 with or without a byte-order
 * mark, columns {@code group,keyword[,depth]}, an optional header row, fields optionally in double
 * quotes. Every bad row is a {@link ConfigProblem} with its line; good rows are returned even when
 * others are bad, so all problems are reported at once.
 */
public final class KeywordCsv {

  private KeywordCsv() {}

  /**
   * One keyword row.
   *
   * @param line the 1-based line in the file
   * @param group the group name
   * @param keyword the keyword, stripped
   * @param depth the row's depth, or {@code null} for the group's
   */
  public record Row(int line, String group, String keyword, Integer depth) {}

  /**
   * What a file held.
   *
   * @param rows the good rows, in file order
   * @param problems every bad row, located
   */
  public record Result(List<Row> rows, List<ConfigProblem> problems) {}

  /** Reads a file; an unreadable or non-UTF-8 file is one problem. */
  public static Result read(Path file) {
    String text;
    try {
      byte[] bytes = Files.readAllBytes(file);
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      return new Result(
          List.of(),
          List.of(
              new ConfigProblem(
                  file.toString(), 0, "(csv)", "not UTF-8: in Excel save as 'CSV UTF-8 (逗号分隔)'")));
    } catch (IOException e) {
      return new Result(
          List.of(), List.of(new ConfigProblem(file.toString(), 0, "(csv)", "cannot read: " + e)));
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    List<Row> rows = new ArrayList<>();
    List<ConfigProblem> problems = new ArrayList<>();
    String[] lines = text.split("\r\n|\n|\r", -1);
    boolean first = true;
    for (int i = 0; i < lines.length; i++) {
      int line = i + 1;
      if (lines[i].isBlank()) {
        continue;
      }
      List<String> fields = fields(lines[i]);
      if (fields == null) {
        problems.add(new ConfigProblem(file.toString(), line, "(csv)", "unbalanced double quotes"));
        continue;
      }
      if (first && isHeader(fields)) {
        first = false;
        continue;
      }
      first = false;
      row(file, line, fields, rows, problems);
    }
    return new Result(List.copyOf(rows), List.copyOf(problems));
  }

  private static void row(
      Path file, int line, List<String> fields, List<Row> rows, List<ConfigProblem> problems) {
    while (fields.size() > 2 && fields.get(fields.size() - 1).isBlank()) {
      fields.remove(fields.size() - 1); // Excel pads rows with empty columns
    }
    if (fields.size() < 2 || fields.size() > 3) {
      problems.add(
          new ConfigProblem(
              file.toString(),
              line,
              "(csv)",
              "expected group,keyword[,depth] but found " + fields.size() + " columns"));
      return;
    }
    String group = fields.get(0).strip();
    String keyword = fields.get(1).strip();
    if (group.isEmpty()) {
      problems.add(new ConfigProblem(file.toString(), line, "group", "blank group"));
      return;
    }
    if (keyword.isEmpty()) {
      problems.add(new ConfigProblem(file.toString(), line, "keyword", "blank keyword"));
      return;
    }
    Optional<String> refused = Keywords.problem(keyword);
    if (refused.isPresent()) {
      problems.add(new ConfigProblem(file.toString(), line, "keyword", refused.get()));
      return;
    }
    Integer depth = null;
    if (fields.size() == 3 && !fields.get(2).isBlank()) {
      try {
        depth = Integer.parseInt(fields.get(2).strip());
      } catch (NumberFormatException e) {
        problems.add(
            new ConfigProblem(
                file.toString(),
                line,
                "depth",
                "not a whole number: '" + fields.get(2).strip() + "'"));
        return;
      }
      if (depth < 1 || depth > PlanLoader.MAX_DEPTH) {
        problems.add(
            new ConfigProblem(
                file.toString(),
                line,
                "depth",
                "must be 1.." + PlanLoader.MAX_DEPTH + ", was " + depth));
        return;
      }
    }
    rows.add(new Row(line, group, keyword, depth));
  }

  private static boolean isHeader(List<String> fields) {
    return fields.size() >= 2
        && fields.get(0).strip().equalsIgnoreCase("group")
        && fields.get(1).strip().equalsIgnoreCase("keyword");
  }

  /** The fields of one line, or {@code null} when its quotes do not balance. */
  static List<String> fields(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    if (quoted) {
      return null;
    }
    fields.add(field.toString());
    return fields;
  }
}
