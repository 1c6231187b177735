package com.mallrank.crawler.profile;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A small JSON path: dotted field names with optional array steps, e.g. {@code
 * mods.itemlist.data.auctions}, {@code content[*]}, {@code data.items[0].title}. A leading {@code
 * $} or {@code $.} is allowed; the empty path is the node itself. There are no filters, quoting or
 * recursive descent: profiles only need to walk to a list and into its items.
 *
 * <p>Alternatives are separated by {@code |}, e.g. {@code product_info.img.url_list[0] |
 * product_info.img}: {@link #all} returns what each alternative reaches, the first alternative's
 * nodes first, so {@link #first} is the first alternative that reaches anything. Profiles use them
 * where public sources disagree on a field's path or type (see the Douyin profiles).
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class JsonPath {

  private sealed interface Step permits Field, Index, Wildcard {}

  private record Field(String name) implements Step {}

  private record Index(int index) implements Step {}

  private record Wildcard() implements Step {}

  private final String expression;
  private final List<List<Step>> alternatives;

  private JsonPath(String expression, List<List<Step>> alternatives) {
    this.expression = expression;
    this.alternatives = List.copyOf(alternatives);
  }

  /**
   * Compiles a path.
   *
   * @throws IllegalArgumentException with a message naming the problem, for a malformed path
   */
  public static JsonPath compile(String expression) {
    Objects.requireNonNull(expression, "expression");
    List<List<Step>> alternatives = new ArrayList<>();
    String[] parts = expression.split("\\|", -1);
    for (String part : parts) {
      if (parts.length > 1 && part.isBlank()) {
        throw new IllegalArgumentException("empty alternative in JSON path '" + expression + "'");
      }
      alternatives.add(steps(part, expression));
    }
    return new JsonPath(expression, alternatives);
  }

  private static List<Step> steps(String alternative, String expression) {
    String rest = alternative.strip();
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
    return steps;
  }

  /** The path as written. */
  public String expression() {
    return expression;
  }

  /**
   * This path as a JSON pointer ({@code info.id} → {@code /info/id}, {@code items[0]} → {@code
   * /items/0}), for code that reads with pointers; empty when it has alternatives, a wildcard, or
   * no step.
   */
  public Optional<String> pointer() {
    if (alternatives.size() != 1 || alternatives.get(0).isEmpty()) {
      return Optional.empty();
    }
    StringBuilder sb = new StringBuilder();
    for (Step step : alternatives.get(0)) {
      if (step instanceof Field f) {
        sb.append('/').append(f.name().replace("~", "~0").replace("/", "~1"));
      } else if (step instanceof Index ix) {
        sb.append('/').append(ix.index());
      } else {
        return Optional.empty();
      }
    }
    return Optional.of(sb.toString());
  }

  /** Whether this is the empty path (the node itself). */
  public boolean isSelf() {
    return alternatives.size() == 1 && alternatives.get(0).isEmpty();
  }

  /**
   * Every node the path reaches from {@code root}, in document order; wildcards fan out. Missing
   * fields and JSON nulls are left out. With alternatives, the first alternative's nodes come
   * first.
   */
  public List<JsonNode> all(JsonNode root) {
    if (alternatives.size() == 1) {
      return walk(alternatives.get(0), root);
    }
    List<JsonNode> all = new ArrayList<>();
    for (List<Step> steps : alternatives) {
      all.addAll(walk(steps, root));
    }
    return all;
  }

  private static List<JsonNode> walk(List<Step> steps, JsonNode root) {
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
