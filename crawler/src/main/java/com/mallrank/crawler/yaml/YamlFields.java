package com.mallrank.crawler.yaml;

import com.mallrank.crawler.yaml.YamlTree.Entry;
import com.mallrank.crawler.yaml.YamlTree.ListNode;
import com.mallrank.crawler.yaml.YamlTree.MapNode;
import com.mallrank.crawler.yaml.YamlTree.Node;
import com.mallrank.crawler.yaml.YamlTree.ScalarNode;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The field checks every validating reader of a {@link YamlTree} makes (site profiles, their page
 * actions, plans), written once: a key the mapping does not know (with its line and key path), a
 * required key, a single value where a mapping or list was given and the other way round, a whole
 * number within bounds, {@code true}/{@code false}, one of a few words. Aliases and raw control
 * characters are {@link YamlTree}'s: refused with their line before a reader sees the tree.
 *
 * <p>Each kind of file keeps its own words for these problems ({@link Wording}): its users and its
 * tests know them. Problems go to the reader's {@link Problems}, which knows the file.
 */
public final class YamlFields {

  /** Receives a problem: the key path, the 1-based line (0 unknown) and what is wrong. */
  @FunctionalInterface
  public interface Problems {
    void problem(String field, int line, String message);
  }

  /** How an empty or {@code null} single value is read. */
  public enum Blank {
    /** {@code null} and {@code ""} read as if the key were absent; no problem. */
    ABSENT,
    /** {@code null} is refused with {@link Wording#nullValue()}; {@code ""} is a value. */
    NULL_REFUSED,
    /** {@code null}, {@code ""} and blanks are refused with {@link Wording#notSingle()}. */
    REFUSED
  }

  /**
   * A kind of file's words for the common problems.
   *
   * @param unknownKey the message of a key the mapping does not know, given the allowed keys
   *     (sorted)
   * @param notSingle a mapping or list where a single value belongs
   * @param nullValue a {@code null} value, with {@link Blank#NULL_REFUSED}
   * @param blank how an empty value is read
   * @param required a required key that is absent (reported at its mapping's line)
   * @param notList a single value or mapping where a list belongs
   * @param notMapping a single value or list where a mapping belongs
   * @param notBoolean the message of a value other than {@code true} and {@code false}, given it
   */
  public record Wording(
      Function<List<String>, String> unknownKey,
      String notSingle,
      String nullValue,
      Blank blank,
      String required,
      String notList,
      String notMapping,
      Function<String, String> notBoolean) {}

  private final Problems problems;
  private final Wording wording;

  public YamlFields(Problems problems, Wording wording) {
    this.problems = problems;
    this.wording = wording;
  }

  /** Reports a problem of this file. */
  public void problem(String field, int line, String message) {
    problems.problem(field, line, message);
  }

  /** Reports a problem at a node's line (0 for no node). */
  public void problem(Node node, String field, String message) {
    problems.problem(field, node == null ? 0 : node.line(), message);
  }

  /** Reports every key of {@code map} not in {@code allowed}, at the key's line. */
  public void keys(MapNode map, String path, Set<String> allowed) {
    List<String> sorted = List.copyOf(new TreeSet<>(allowed));
    for (Entry entry : map.entries().values()) {
      if (!allowed.contains(entry.key())) {
        problem(join(path, entry.key()), entry.keyLine(), wording.unknownKey().apply(sorted));
      }
    }
  }

  /**
   * The mapping under {@code key}, its keys checked against {@code allowed}; {@code null} when
   * absent (a problem if required) or not a mapping (a problem at the key's line).
   */
  public MapNode section(
      MapNode parent, String key, String path, boolean required, Set<String> allowed) {
    MapNode map = map(parent, key, path, required);
    if (map != null) {
      keys(map, join(path, key), allowed);
    }
    return map;
  }

  /** The mapping under {@code key}, or {@code null} (see {@link #section}), keys not checked. */
  public MapNode map(MapNode parent, String key, String path, boolean required) {
    Entry entry = parent.entries().get(key);
    if (entry == null) {
      if (required) {
        problem(join(path, key), parent.line(), wording.required());
      }
      return null;
    }
    if (entry.value() instanceof MapNode map) {
      return map;
    }
    problem(join(path, key), entry.keyLine(), wording.notMapping());
    return null;
  }

  /** The items of a key's list; none, with a problem at the key's line, when it is not a list. */
  public List<Node> list(Entry entry, String path) {
    if (entry.value() instanceof ListNode list) {
      return list.items();
    }
    problem(path, entry.keyLine(), wording.notList());
    return List.of();
  }

  /** The items of a list; none when absent, or (a problem at its line) when not a list. */
  public List<Node> list(Node node, String path) {
    if (node == null) {
      return List.of();
    }
    if (node instanceof ListNode list) {
      return list.items();
    }
    problem(node, path, wording.notList());
    return List.of();
  }

  /**
   * The single value of {@code key} of {@code map}; absent: {@code null}, a problem if required.
   */
  public String string(MapNode map, String key, String path, boolean required) {
    Entry entry = map.entries().get(key);
    if (entry == null) {
      if (required) {
        problem(join(path, key), map.line(), wording.required());
      }
      return null;
    }
    return scalar(entry.value(), join(path, key));
  }

  /**
   * A single value as text, or {@code null}: for no node, for a mapping or list (a problem), and
   * for an empty value as the {@link Wording#blank()} rule says.
   */
  public String scalar(Node node, String path) {
    if (node == null) {
      return null;
    }
    if (!(node instanceof ScalarNode scalar)) {
      problem(node, path, wording.notSingle());
      return null;
    }
    String text = scalar.text();
    switch (wording.blank()) {
      case ABSENT -> {
        return text == null || text.isEmpty() ? null : text;
      }
      case NULL_REFUSED -> {
        if (text == null) {
          problem(node, path, wording.nullValue());
        }
        return text;
      }
      default -> {
        if (text == null || text.isBlank()) {
          problem(node, path, wording.notSingle());
          return null;
        }
        return text;
      }
    }
  }

  /**
   * {@code true} or {@code false} under {@code key}; {@code otherwise} when absent or another value
   * (then a problem at the value's line).
   */
  public boolean bool(MapNode map, String key, String path, boolean otherwise) {
    Entry entry = map.entries().get(key);
    String text = entry == null ? null : scalar(entry.value(), join(path, key));
    if (text == null) {
      return otherwise;
    }
    if (text.equals("true") || text.equals("false")) {
      return Boolean.parseBoolean(text);
    }
    problem(join(path, key), entry.value().line(), wording.notBoolean().apply(text));
    return otherwise;
  }

  /**
   * The value of {@code key}, one of {@code allowed}; {@code otherwise} when absent, or when
   * another word (then "must be a or b, was 'c'").
   */
  public String choice(
      MapNode map, String key, String path, boolean required, String otherwise, String... allowed) {
    String value = string(map, key, path, required);
    if (value == null) {
      return otherwise;
    }
    if (!List.of(allowed).contains(value)) {
      problem(
          join(path, key),
          valueLine(map, key),
          "must be " + String.join(" or ", allowed) + ", was '" + value + "'");
      return otherwise;
    }
    return value;
  }

  /**
   * A whole number {@code min..max} written as {@code text} at {@code node}, or {@code null} after
   * a problem ("not a whole number: 'x'", "must be min..max, was n").
   */
  public Integer whole(String text, Node node, String path, int min, int max) {
    int value;
    try {
      value = Integer.parseInt(text);
    } catch (NumberFormatException e) {
      problem(node, path, "not a whole number: '" + text + "'");
      return null;
    }
    if (value < min || value > max) {
      problem(node, path, "must be " + min + ".." + max + ", was " + value);
      return null;
    }
    return value;
  }

  /** Whether {@code text} is at most {@code max} printable ASCII characters (no controls). */
  public static boolean printableAscii(String text, int max) {
    return text.length() <= max && text.chars().allMatch(c -> c >= 0x20 && c <= 0x7e);
  }

  /** The line of {@code key}'s value, or of the mapping when the key is absent. */
  public static int valueLine(MapNode map, String key) {
    Entry entry = map.entries().get(key);
    return entry == null ? map.line() : entry.value().line();
  }

  /** {@code path.key}, or {@code key} at the root. */
  public static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }
}
