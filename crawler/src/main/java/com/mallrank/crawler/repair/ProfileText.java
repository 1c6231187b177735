package com.mallrank.crawler.repair;

import com.mallrank.crawler.text.ControlCharacters;
import com.mallrank.crawler.yaml.YamlTree;
import com.mallrank.crawler.yaml.YamlTree.Entry;
import com.mallrank.crawler.yaml.YamlTree.MapNode;
import com.mallrank.crawler.yaml.YamlTree.Node;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A profile's YAML text, edited in place: a value replaced on its own lines, a key added next to
 * its siblings or removed with its lines, everything else (comments, blank lines, key order,
 * quoting) left byte for byte, so the diff a reviewer reads is the repair and nothing else. Block
 * style is edited line by line; a flow mapping ({@code {select: .a, text: b}}) that needs a change
 * is rewritten as a block. After each edit the text is read again for the next one's lines.
 */
final class ProfileText {

  /** A YAML value to write. */
  sealed interface Value permits Scalar, FlowList, BlockList, Mapping, MappingList {}

  /** A single value, quoted when YAML needs it. */
  record Scalar(String text) implements Value {}

  /** {@code [a, b]} on the key's line. */
  record FlowList(List<String> items) implements Value {}

  /** One {@code - item} line per item under the key. */
  record BlockList(List<String> items) implements Value {}

  /** Keys under the key, in this order ({@code null} values left out). */
  record Mapping(Map<String, Value> entries) implements Value {}

  /** A block list of small mappings ({@code - path: a} / {@code missing: true}). */
  record MappingList(List<Map<String, String>> items) implements Value {}

  private final List<String> lines;
  private final String newline;
  private final boolean finalNewline;

  ProfileText(String text) {
    this.newline = text.contains("\r\n") ? "\r\n" : "\n";
    this.finalNewline = text.endsWith("\n");
    String body = finalNewline ? text.substring(0, text.length() - newline.length()) : text;
    this.lines = new ArrayList<>(Arrays.asList(body.split("\r?\n", -1)));
  }

  String text() {
    return String.join(newline, lines) + (finalNewline ? newline : "");
  }

  // --- reading -----------------------------------------------------------------------------

  private MapNode root() {
    try {
      return (MapNode) YamlTree.parse(text(), (key, line) -> {});
    } catch (YamlTree.SyntaxException | ClassCastException e) {
      throw new IllegalStateException("the profile text no longer reads as YAML: " + e, e);
    }
  }

  /** The entry at a key path, or {@code null}. */
  Entry entry(List<String> path) {
    Node node = root();
    Entry entry = null;
    for (String key : path) {
      if (!(node instanceof MapNode map) || !map.entries().containsKey(key)) {
        return null;
      }
      entry = map.entries().get(key);
      node = entry.value();
    }
    return entry;
  }

  /** Whether the entry's value is written on its key's line as a flow mapping or list. */
  private boolean flow(Entry entry) {
    if (!(entry.value() instanceof MapNode) && !(entry.value() instanceof YamlTree.ListNode)) {
      return false;
    }
    String line = lines.get(entry.keyLine() - 1);
    int colon = line.indexOf(':', indent(line));
    String rest = colon < 0 ? "" : line.substring(colon + 1).strip();
    return rest.startsWith("{") || rest.startsWith("[");
  }

  private static int indent(String line) {
    int i = 0;
    while (i < line.length() && line.charAt(i) == ' ') {
      i++;
    }
    if (line.startsWith("- ", i)) {
      i += 2;
      while (i < line.length() && line.charAt(i) == ' ') {
        i++;
      }
    }
    return i;
  }

  private static boolean content(String line) {
    String s = line.strip();
    return !s.isEmpty() && !s.startsWith("#");
  }

  /**
   * The 0-based index of the entry's last line: the key's line and every following line indented
   * deeper, up to the last such line with content (comments after it belong to the next key).
   */
  private int end(Entry entry) {
    int start = entry.keyLine() - 1;
    int keyIndent = indent(lines.get(start));
    int end = start;
    for (int i = start + 1; i < lines.size(); i++) {
      String line = lines.get(i);
      if (!content(line)) {
        continue;
      }
      int lead = 0;
      while (lead < line.length() && line.charAt(lead) == ' ') {
        lead++;
      }
      if (lead <= keyIndent) {
        break;
      }
      end = i;
    }
    return end;
  }

  // --- editing -----------------------------------------------------------------------------

  /** Replaces the value of an existing entry, keeping its key line's indentation. */
  void replace(List<String> path, Value value) {
    Entry entry = require(path);
    int start = entry.keyLine() - 1;
    String keyLine = lines.get(start);
    String prefix = keyLine.substring(0, indent(keyLine));
    List<String> rendered = render(prefix, entry.key(), value);
    replaceLines(start, end(entry), rendered);
  }

  /** Removes an entry and its lines. */
  void remove(List<String> path) {
    Entry entry = require(path);
    replaceLines(entry.keyLine() - 1, end(entry), List.of());
  }

  /**
   * Sets one key of a mapping entry: replaced when present, else added after the last present key
   * of {@code order} that comes before it (or first), indented like its siblings. A flow mapping is
   * rewritten as a block first.
   */
  void setKey(List<String> parent, String key, Value value, List<String> order) {
    Entry entry = require(parent);
    if (flow(entry)) {
      blockify(parent);
      entry = require(parent);
    }
    if (!(entry.value() instanceof MapNode map)) {
      throw new IllegalStateException(String.join(".", parent) + " is not a mapping");
    }
    List<String> path = new ArrayList<>(parent);
    path.add(key);
    if (map.entries().containsKey(key)) {
      replace(path, value);
      return;
    }
    int at = entry.keyLine(); // 0-based index of the line after the parent's key line
    String childIndent = null;
    for (Entry sibling : map.entries().values()) {
      String siblingLine = lines.get(sibling.keyLine() - 1);
      childIndent =
          childIndent == null ? siblingLine.substring(0, indent(siblingLine)) : childIndent;
      int siblingOrder = order.indexOf(sibling.key());
      if (siblingOrder >= 0 && siblingOrder < order.indexOf(key)) {
        at = Math.max(at, end(sibling) + 1);
      }
    }
    if (childIndent == null) {
      String parentLine = lines.get(entry.keyLine() - 1);
      childIndent = " ".repeat(indent(parentLine) + 2);
    }
    lines.addAll(at, render(childIndent, key, value));
  }

  /** Removes one key of a mapping entry when present. */
  void removeKey(List<String> parent, String key) {
    Entry entry = require(parent);
    if (entry.value() instanceof MapNode map && map.entries().containsKey(key)) {
      if (flow(entry)) {
        blockify(parent);
      }
      List<String> path = new ArrayList<>(parent);
      path.add(key);
      remove(path);
    }
  }

  /** Adds an item at the end of a block list entry, indented like its items. */
  void append(List<String> path, String item) {
    Entry entry = require(path);
    if (!(entry.value() instanceof YamlTree.ListNode list)
        || flow(entry)
        || list.items().isEmpty()) {
      throw new IllegalStateException(String.join(".", path) + " is not a block list");
    }
    int last = end(entry);
    String itemLine = lines.get(list.items().get(0).line() - 1);
    int dash = itemLine.indexOf('-');
    lines.add(last + 1, itemLine.substring(0, Math.max(dash, 0)) + "- " + scalar(item));
  }

  /**
   * Adds a mapping at the end of a list entry: a block list gets one more item indented like its
   * items, an empty flow list ({@code []}) or a missing key becomes a block list holding it (the
   * key added after {@code after}). A non-empty flow list is left as it is: {@code false}.
   */
  boolean appendItem(String key, String after, Map<String, String> item) {
    Entry entry = entry(List.of(key));
    if (entry == null) {
      addTopLevel(after, key, new MappingList(List.of(item)));
      return true;
    }
    if (!(entry.value() instanceof YamlTree.ListNode list)) {
      return false;
    }
    if (list.items().isEmpty()) {
      replace(List.of(key), new MappingList(List.of(item)));
      return true;
    }
    if (flow(entry)) {
      return false;
    }
    String first = lines.get(list.items().get(0).line() - 1);
    int dash = first.indexOf('-');
    lines.addAll(end(entry) + 1, item(first.substring(0, Math.max(dash, 0)), item));
    return true;
  }

  private static List<String> item(String indent, Map<String, String> item) {
    List<String> out = new ArrayList<>();
    boolean firstKey = true;
    for (Map.Entry<String, String> e : item.entrySet()) {
      String value =
          e.getValue().equals("true") || e.getValue().equals("false")
              ? e.getValue() // a flag repair writes, never a page's text
              : scalar(e.getValue());
      out.add(indent + (firstKey ? "- " : "  ") + e.getKey() + ": " + value);
      firstKey = false;
    }
    return out;
  }

  /** Adds a top-level entry after the entry {@code after} (or at the end). */
  void addTopLevel(String after, String key, Value value) {
    Entry previous = entry(List.of(after));
    int at = previous == null ? lines.size() : end(previous) + 1;
    lines.addAll(at, render("", key, value));
  }

  private void blockify(List<String> path) {
    Entry entry = require(path);
    MapNode map = (MapNode) entry.value();
    Map<String, Value> entries = new java.util.LinkedHashMap<>();
    for (Entry e : map.entries().values()) {
      if (e.value() instanceof YamlTree.ScalarNode s) {
        entries.put(e.key(), new Scalar(s.text()));
      } else if (e.value() instanceof YamlTree.ListNode l) {
        List<String> items = new ArrayList<>();
        l.items().forEach(i -> items.add(((YamlTree.ScalarNode) i).text()));
        entries.put(e.key(), new FlowList(items));
      } else {
        throw new IllegalStateException("nested flow mapping at " + String.join(".", path));
      }
    }
    replace(path, new Mapping(entries));
  }

  private Entry require(List<String> path) {
    Entry entry = entry(path);
    if (entry == null) {
      throw new IllegalStateException("no key " + String.join(".", path) + " in the profile");
    }
    return entry;
  }

  private void replaceLines(int from, int to, List<String> replacement) {
    for (int i = to; i >= from; i--) {
      lines.remove(i);
    }
    lines.addAll(from, replacement);
  }

  // --- writing -----------------------------------------------------------------------------

  private static List<String> render(String indent, String key, Value value) {
    List<String> out = new ArrayList<>();
    if (value instanceof Scalar s) {
      out.add(indent + key + ": " + scalar(s.text()));
    } else if (value instanceof FlowList l) {
      List<String> items = new ArrayList<>();
      l.items().forEach(i -> items.add(scalar(i)));
      out.add(indent + key + ": [" + String.join(", ", items) + "]");
    } else if (value instanceof BlockList l) {
      out.add(indent + key + ":");
      l.items().forEach(i -> out.add(indent + "  - " + scalar(i)));
    } else if (value instanceof Mapping m) {
      out.add(indent + key + ":");
      m.entries().forEach((k, v) -> out.addAll(render(indent + "  ", k, v)));
    } else if (value instanceof MappingList l) {
      out.add(indent + key + ":");
      l.items().forEach(item -> out.addAll(item(indent + "  ", item)));
    }
    return out;
  }

  /**
   * A YAML scalar: plain when it is letters, digits and {@code _ . / -} (inner spaces allowed) and
   * not a word YAML reads as a boolean, null or number; else double-quoted, with backslashes,
   * quotes, control characters and bidirectional overrides escaped (a value from a hostile page
   * stays one readable line).
   */
  static String scalar(String text) {
    if (plain(text)) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' || c == '"') {
        out.append('\\').append(c);
      } else if (ControlCharacters.breaksALine(c) || c == 0xFEFF) {
        out.append(String.format("\\u%04X", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }

  private static boolean plain(String text) {
    if (text.isEmpty() || text.startsWith("-") || text.startsWith(" ") || text.endsWith(" ")) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean ok =
          Character.isLetterOrDigit(c)
              || c == '_'
              || c == '.'
              || c == '/'
              || c == '-'
              || (c == ' ' && text.charAt(i - 1) != ' ');
      if (!ok) {
        return false;
      }
    }
    String lower = text.toLowerCase(Locale.ROOT);
    return !List.of("true", "false", "yes", "no", "on", "off", "null", "y", "n").contains(lower)
        && !text.matches("[0-9][0-9_.]*([eE][+-]?[0-9]+)?|\\.[0-9]+|\\.(inf|nan|Inf|NaN|INF|NAN)");
  }
}
