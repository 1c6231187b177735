package com.mallrank.crawler.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.error.MarkedYAMLException;

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
   * The text is not well-formed YAML: one line saying what is wrong (the YAML parser's own message
   * spans several, with a drawing of the spot), and the line where it is.
   */
  public static final class SyntaxException extends Exception {
    private final int line;

    SyntaxException(JsonProcessingException cause) {
      super(problem(cause), cause);
      this.line = problemLine(cause);
    }

    private static String problem(JsonProcessingException e) {
      if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblem() != null) {
        return marked.getProblem();
      }
      String message = String.valueOf(e.getOriginalMessage()).strip();
      return message.lines().findFirst().orElse(message);
    }

    private static int problemLine(JsonProcessingException e) {
      if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
        return marked.getProblemMark().getLine() + 1;
      }
      return YamlTree.line(e.getLocation());
    }

    /** The 1-based line of the mistake, or 0 when unknown. */
    public int line() {
      return line;
    }
  }

  /**
   * Reads a whole YAML text.
   *
   * @param duplicates told of each repeated key of a mapping (the first one is kept)
   * @return the root node, or {@code null} for an empty document
   * @throws SyntaxException when the text is not well-formed YAML, with its line
   */
  public static Node parse(String text, DuplicateKeys duplicates) throws SyntaxException {
    try (JsonParser parser = YAML.createParser(text)) {
      return read(parser, duplicates);
    } catch (JsonProcessingException e) {
      throw new SyntaxException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a String is read: not expected
    }
  }

  /**
   * Reads the document starting at the parser's next token.
   *
   * @return the root node, or {@code null} for an empty document
   */
  public static Node read(JsonParser parser, DuplicateKeys duplicates) throws IOException {
    JsonToken token = parser.nextToken();
    if (token == null) {
      return null;
    }
    return readValue(parser, duplicates);
  }

  private static Node readValue(JsonParser parser, DuplicateKeys duplicates) throws IOException {
    int line = line(parser.currentTokenLocation());
    JsonToken token = parser.currentToken();
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
