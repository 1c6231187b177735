package com.mallrank.crawler.profile;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A small JSON path: dotted field names with optional array steps, e.g. {@code
 * mods.itemlist.data.auctions}, {@code content[*]}, {@code data.items[0].title}. A leading {@code
 * $} or {@code $.} is allowed; the empty path is the node itself. There are no filters, quoting or
 * recursive descent: profiles only need to walk to a list and into its items.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class JsonPath {

  private sealed interface Step permits Field, Index, Wildcard {}

  private record Field(String name) implements Step {}

  private record Index(int index) implements Step {}

  private record Wildcard() implements Step {}

  private final String expression;
  private final List<Step> steps;

  private JsonPath(String expression, List<Step> steps) {
    this.expression = expression;
    this.steps = List.copyOf(steps);
  }

  /**
   * Compiles a path.
   *
   * @throws IllegalArgumentException with a message naming the problem, for a malformed path
   */
  public static JsonPath compile(String expression) {
    Objects.requireNonNull(expression, "expression");
    String rest = expression.strip();
    if (rest.startsWith("$")) {
      rest = rest.substring(1);
      if (rest.startsWith(".")) {
        rest = rest.substring(1);
      }
    }
    List<Step> steps = new ArrayList<>();
    int i = 0;
    while (i < rest.length()) {
      char c = rest.charAt(i);
      if (c == '[') {
        int close = rest.indexOf(']', i);
        if (close < 0) {
          throw new IllegalArgumentException("unclosed '[' in JSON path '" + expression + "'");
        }
        String inside = rest.substring(i + 1, close).strip();
        if (inside.equals("*")) {
          steps.add(new Wildcard());
        } else {
          try {
            int index = Integer.parseInt(inside);
            if (index < 0) {
              throw new NumberFormatException();
            }
            steps.add(new Index(index));
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                "'[" + inside + "]' in JSON path '" + expression + "' is neither [*] nor [n]", e);
          }
        }
        i = close + 1;
        if (i < rest.length() && rest.charAt(i) == '.') {
          i++;
          if (i == rest.length()) {
            throw new IllegalArgumentException("JSON path '" + expression + "' ends with '.'");
          }
        }
      } else {
        int end = i;
        while (end < rest.length() && rest.charAt(end) != '.' && rest.charAt(end) != '[') {
          end++;
        }
        String name = rest.substring(i, end);
        if (name.isBlank() || name.contains("]")) {
          throw new IllegalArgumentException(
              "empty or malformed field name in JSON path '" + expression + "'");
        }
        steps.add(new Field(name));
        i = end;
        if (i < rest.length() && rest.charAt(i) == '.') {
          i++;
          if (i == rest.length()) {
            throw new IllegalArgumentException("JSON path '" + expression + "' ends with '.'");
          }
        }
      }
    }
    return new JsonPath(expression, steps);
  }

  /** The path as written. */
  public String expression() {
    return expression;
  }

  /** Whether this is the empty path (the node itself). */
  public boolean isSelf() {
    return steps.isEmpty();
  }

  /**
   * Every node the path reaches from {@code root}, in document order; wildcards fan out. Missing
   * fields and JSON nulls are left out.
   */
  public List<JsonNode> all(JsonNode root) {
    List<JsonNode> current = List.of(root);
    for (Step step : steps) {
      List<JsonNode> next = new ArrayList<>();
      for (JsonNode node : current) {
        if (step instanceof Field f) {
          add(next, node.get(f.name()));
        } else if (step instanceof Index ix) {
          add(next, node.isArray() ? node.get(ix.index()) : null);
        } else if (node.isArray() || node.isObject()) {
          node.elements().forEachRemaining(child -> add(next, child));
        }
      }
      current = next;
    }
    return current;
  }

  /** The first node the path reaches, or {@code null} when it reaches none. */
  public JsonNode first(JsonNode root) {
    List<JsonNode> all = all(root);
    return all.isEmpty() ? null : all.get(0);
  }

  private static void add(List<JsonNode> into, JsonNode node) {
    if (node != null && !node.isNull() && !node.isMissingNode()) {
      into.add(node);
    }
  }

  @Override
  public String toString() {
    return expression;
  }
}
