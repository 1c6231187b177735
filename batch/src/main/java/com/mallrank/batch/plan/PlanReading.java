package com.mallrank.batch.plan;

import com.mallrank.crawler.yaml.ConfigProblem;
import com.mallrank.crawler.yaml.YamlFields;
import com.mallrank.crawler.yaml.YamlTree.MapNode;
import com.mallrank.crawler.yaml.YamlTree.Node;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One pass over one plan file: its problems, and the field checks the plan's section readers share
 * ({@link YamlFields}, in the plan's words).
 */
final class PlanReading {

  /** A plan's words for the common field problems. */
  static final YamlFields.Wording WORDING =
      new YamlFields.Wording(
          allowed -> "unknown key; expected one of " + allowed,
          "expected a single value",
          null,
          YamlFields.Blank.ABSENT,
          "required",
          "expected a list",
          "expected a mapping",
          text -> "must be true or false, was '" + text + "'");

  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");

  /** An item of a list and its key path ({@code groups[2]}). */
  record Indexed(Node node, String path) {}

  final Path file;
  final List<ConfigProblem> problems = new ArrayList<>();
  final YamlFields yaml = new YamlFields(this::problem, WORDING);

  PlanReading(Path file) {
    this.file = file;
  }

  void problem(String field, int line, String message) {
    problems.add(new ConfigProblem(file.toString(), line, field, message));
  }

  void problem(Node node, String field, String message) {
    yaml.problem(node, field, message);
  }

  /** The keys of both sets. */
  static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new HashSet<>(a);
    all.addAll(b);
    return Set.copyOf(all);
  }

  /** A file named in the plan: relative to the plan's folder. */
  Path resolveBesidePlan(String name) {
    Path path = Path.of(name);
    Path folder = file.toAbsolutePath().getParent();
    return path.isAbsolute() || folder == null ? path : folder.resolve(path).normalize();
  }

  /** The items of a list with their key paths; none when absent or not a list (a problem). */
  List<Indexed> sequence(Node node, String path) {
    List<Node> items = yaml.list(node, path);
    List<Indexed> indexed = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      indexed.add(new Indexed(items.get(i), path + "[" + i + "]"));
    }
    return indexed;
  }

  /** A required id ({@code [a-z0-9][a-z0-9_-]*}, at most 40) under the last key of {@code path}. */
  String requiredId(MapNode map, String path) {
    Node node = map.value(path.substring(path.lastIndexOf('.') + 1));
    String id = yaml.scalar(node, path);
    if (id == null) {
      problem(map, path, "required");
    } else if (!ID.matcher(id).matches()) {
      problem(node, path, "'" + id + "' must be lower-case letters, digits, '-' or '_'");
      return null;
    }
    return id;
  }

  /** A list of ids, each once. */
  Set<String> idSet(Node node, String path) {
    Set<String> ids = new LinkedHashSet<>();
    for (Indexed item : sequence(node, path)) {
      String id = yaml.scalar(item.node(), item.path());
      if (id != null && !ids.add(id)) {
        problem(item.node(), item.path(), "duplicate id '" + id + "'");
      }
    }
    return ids;
  }
}
