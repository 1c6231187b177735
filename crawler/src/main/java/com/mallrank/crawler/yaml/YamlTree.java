package com.mallrank.crawler.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.mallrank.crawler.text.ControlCharacters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.reader.ReaderException;

/**
 * A YAML document read into nodes that remember their line, so that validation can say where a
 * mistake is. Jackson's tree model drops locations; this keeps them. The one YAML reader of site
 * profiles and plans: a reader walks the tree and reports {@link ConfigProblem}s.
 */
public final class YamlTree {

  private static final YAMLFactory YAML = new YAMLFactory();

  private YamlTree() {}

  /** A node and the line it starts on. */
  public sealed interface Node permits MapNode, ListNode, ScalarNode {
    int line();
  }

  /** A key of a mapping, with the line of the key itself. */
  public record Entry(String key, int keyLine, Node value) {}

  /** A mapping; its entries in file order, the first of duplicate keys kept. */
  public record MapNode(int line, Map<String, Entry> entries) implements Node {

    /** The value of {@code key}, or {@code null} when the key is absent. */
    public Node value(String key) {
      Entry entry = entries.get(key);
      return entry == null ? null : entry.value();
    }
  }

  public record ListNode(int line, List<Node> items) implements Node {}

  /**
   * @param text the scalar as text, or {@code null} for YAML null (also an empty value)
   */
  public record ScalarNode(int line, String text) implements Node {}

  /** Receives duplicate-key findings while reading. */
  public interface DuplicateKeys {
    void report(String key, int line);
  }

  /**
   * The text is not well-formed YAML, or uses what mallrank does not read: one line saying what is
   * wrong (the YAML parser's own message spans several, with a drawing of the spot), and the line
   * where it is. A raw control character and an alias are located to their line and column.
   */
  public static final class SyntaxException extends Exception {
    private final int line;

    SyntaxException(JsonProcessingException cause, String text) {
      this(problemLine(cause, text), problem(cause, text), cause);
    }

    private SyntaxException(int line, String message, Throwable cause) {
      super(message, cause);
      this.line = line;
    }

    private static String problem(JsonProcessingException e, String text) {
      if (e.getCause() instanceof ReaderException reader) {
        int[] at = lineAndColumn(text, reader.getPosition());
        int c = reader.getCodePoint();
        return String.format(
            "line %d, column %d: %s U+%04X is not allowed in YAML",
            at[0], at[1], ControlCharacters.isControl(c) ? "control character" : "character", c);
      }
      if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblem() != null) {
        return marked.getProblem();
      }
      String message = String.valueOf(e.getOriginalMessage()).strip();
      return message.lines().findFirst().orElse(message);
    }

    private static int problemLine(JsonProcessingException e, String text) {
      if (e.getCause() instanceof ReaderException reader) {
        return lineAndColumn(text, reader.getPosition())[0];
      }
      if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
        return marked.getProblemMark().getLine() + 1;
      }
      return YamlTree.line(e.getLocation());
    }

    /** The 1-based line and column (in code points) of a code-point offset of the text. */
    private static int[] lineAndColumn(String text, int codePoints) {
      int line = 1;
      int column = 1;
      int i = 0;
      for (int n = 0; n < codePoints && i < text.length(); n++) {
        int c = text.codePointAt(i);
        i += Character.charCount(c);
        if (c == '\n') {
          line++;
          column = 1;
        } else {
          column++;
        }
      }
      return new int[] {line, column};
    }

    /** The 1-based line of the mistake, or 0 when unknown. */
    public int line() {
      return line;
    }
  }

  /**
   * Reads a whole YAML text.
   *
   * <p>Anchors, aliases and merge keys are not read: an alias ({@code *k0}, also in {@code <<:
   * *base}) is refused with its line and column. The YAML parser hands an alias over as its name,
   * so reading on would take {@code - *k0} for the text {@code k0}; resolving them instead would
   * let one line expand to any size, and merge keys are YAML 1.1 only. A plan or profile says each
   * value where it applies (docs/design.md, "Configuration files").
   *
   * @param duplicates told of each repeated key of a mapping (the first one is kept)
   * @return the root node, or {@code null} for an empty document
   * @throws SyntaxException when the text is not well-formed YAML, or holds an alias, with its line
   */
  public static Node parse(String text, DuplicateKeys duplicates) throws SyntaxException {
    try (JsonParser parser = YAML.createParser(text)) {
      JsonToken token = parser.nextToken();
      return token == null ? null : readValue(parser, duplicates);
    } catch (JsonProcessingException e) {
      throw new SyntaxException(e, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a String is read: not expected
    }
  }

  private static Node readValue(JsonParser parser, DuplicateKeys duplicates)
      throws IOException, SyntaxException {
    int line = line(parser.currentTokenLocation());
    JsonToken token = parser.currentToken();
    if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
      int column = Math.max(parser.currentTokenLocation().getColumnNr(), 0);
      String name = parser.getText();
      throw new SyntaxException(
          line,
          "line "
              + line
              + ", column "
              + column
              + ": the alias *"
              + (name.length() > 40 ? name.substring(0, 40) + "…" : name)
              + " is not accepted: mallrank reads no YAML anchors, aliases or merge keys (<<);"
              + " write the value out",
          null);
    }
    switch (token) {
      case START_OBJECT -> {
        Map<String, Entry> entries = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String key = parser.currentName();
          int keyLine = line(parser.currentTokenLocation());
          parser.nextToken();
          Node value = readValue(parser, duplicates);
          if (entries.containsKey(key)) {
            duplicates.report(key, keyLine);
          } else {
            entries.put(key, new Entry(key, keyLine, value));
          }
        }
        return new MapNode(line, entries);
      }
      case START_ARRAY -> {
        List<Node> items = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          items.add(readValue(parser, duplicates));
        }
        return new ListNode(line, items);
      }
      case VALUE_NULL -> {
        return new ScalarNode(line, null);
      }
      default -> {
        return new ScalarNode(line, parser.getText());
      }
    }
  }

  /** The 1-based line of a parser location, or 0 when unknown. */
  public static int line(JsonLocation location) {
    return location == null ? 0 : Math.max(location.getLineNr(), 0);
  }
}
