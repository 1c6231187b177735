package com.mallrank.crawler.profile;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.jsoup.select.Selector;

/**
 * Where something is, relative to a page or a card: a compiled CSS selector (HTML profiles) or a
 * {@link JsonPath} (JSON profiles). The empty expression means the context node itself.
 *
 * @param expression the selector or path as written in the profile
 * @param css the compiled selector, or {@code null} for JSON locators and for the empty selector
 * @param path the compiled path, or {@code null} for HTML locators
 */
public record Locator(String expression, Evaluator css, JsonPath path) {

  public Locator {
    Objects.requireNonNull(expression, "expression");
  }

  /**
   * Compiles a CSS selector (jsoup syntax).
   *
   * @throws IllegalArgumentException when the selector does not parse
   */
  public static Locator css(String selector) {
    String trimmed = selector.strip();
    if (trimmed.isEmpty()) {
      return new Locator("", null, null);
    }
    try {
      return new Locator(trimmed, QueryParser.parse(trimmed), null);
    } catch (Selector.SelectorParseException e) {
      throw new IllegalArgumentException(
          "invalid CSS selector '" + trimmed + "': " + e.getMessage(), e);
    }
  }

  /**
   * Compiles a JSON path.
   *
   * @throws IllegalArgumentException when the path is malformed
   */
  public static Locator json(String path) {
    return new Locator(path.strip(), null, JsonPath.compile(path));
  }

  /** Whether this locator designates the context node itself. */
  public boolean isSelf() {
    return css == null && (path == null || path.isSelf());
  }

  /** The first matching element under {@code context} (itself included), or {@code null}. */
  public Element first(Element context) {
    if (css == null) {
      return context;
    }
    return context.selectFirst(css);
  }

  /** Every matching element under {@code context}, in document order. */
  public List<Element> all(Element context) {
    if (css == null) {
      return List.of(context);
    }
    return context.select(css);
  }

  /** The first node the path reaches from {@code context}, or {@code null}. */
  public JsonNode first(JsonNode context) {
    return path == null ? context : path.first(context);
  }

  /** Every node the path reaches from {@code context}. */
  public List<JsonNode> all(JsonNode context) {
    return path == null ? List.of(context) : path.all(context);
  }

  @Override
  public String toString() {
    return expression;
  }
}
