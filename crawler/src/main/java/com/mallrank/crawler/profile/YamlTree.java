package com.mallrank.crawler.profile;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document read into nodes that remember their line, so that validation can say where a
 * mistake is. Jackson's tree model drops locations; this keeps them.
 */
final class YamlTree {

  private YamlTree() {}

  /** A node and the line it starts on. */
  sealed interface Node permits MapNode, ListNode, ScalarNode {
    int line();
  }

  /** A key of a mapping, with the line of the key itself. */
  record Entry(String key, int keyLine, Node value) {}

  record MapNode(int line, Map<String, Entry> entries) implements Node {}

  record ListNode(int line, List<Node> items) implements Node {}

  /**
   * @param text the scalar as text, or {@code null} for YAML null
   */
  record ScalarNode(int line, String text) implements Node {}

  /** Receives duplicate-key findings while reading. */
  interface DuplicateKeys {
    void report(String key, int line);
  }

  /**
   * Reads the document starting at the parser's next token.
   *
   * @return the root node, or {@code null} for an empty document
   */
  static Node read(JsonParser parser, DuplicateKeys duplicates) throws IOException {
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

  static int line(JsonLocation location) {
    return location == null ? 0 : Math.max(location.getLineNr(), 0);
  }
}
