package com.mallrank.batch.plan;

import com.mallrank.batch.plan.PlanReading.Indexed;
import com.mallrank.crawler.yaml.ConfigProblem;
import com.mallrank.crawler.yaml.YamlTree.Node;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code keyword-files}: CSV keyword lists beside the plan ({@link KeywordCsv}), whose rows join
 * the groups they name.
 */
final class KeywordFilesSection {

  private final PlanReading reading;

  KeywordFilesSection(PlanReading reading) {
    this.reading = reading;
  }

  /** The groups with the rows of the plan's keyword lists and of {@code extraFiles} added. */
  List<KeywordGroup> addTo(List<KeywordGroup> groups, Node filesNode, List<Path> extraFiles) {
    Map<String, List<String>> keywords = new LinkedHashMap<>();
    Map<String, Map<String, Integer>> depths = new LinkedHashMap<>();
    for (KeywordGroup group : groups) {
      keywords.put(group.name(), new ArrayList<>(group.keywords()));
      depths.put(group.name(), new LinkedHashMap<>(group.depths()));
    }
    List<Path> files = new ArrayList<>();
    for (Indexed item : reading.sequence(filesNode, "keyword-files")) {
      String name = reading.yaml.scalar(item.node(), item.path());
      if (name == null) {
        continue;
      }
      Path csv = reading.resolveBesidePlan(name);
      if (!Files.isRegularFile(csv)) {
        reading.problem(item.node(), item.path(), "no such keyword list: " + csv);
        continue;
      }
      files.add(csv);
    }
    files.addAll(extraFiles);
    for (Path csv : files) {
      KeywordCsv.Result result = KeywordCsv.read(csv);
      reading.problems.addAll(result.problems());
      for (KeywordCsv.Row row : result.rows()) {
        List<String> list = keywords.get(row.group());
        if (list == null) {
          reading.problems.add(
              new ConfigProblem(
                  csv.toString(),
                  row.line(),
                  "group",
                  "unknown group '" + row.group() + "'; groups: " + keywords.keySet()));
        } else if (list.contains(row.keyword())) {
          reading.problems.add(
              new ConfigProblem(
                  csv.toString(),
                  row.line(),
                  "keyword",
                  "duplicate keyword '" + row.keyword() + "' in group '" + row.group() + "'"));
        } else {
          list.add(row.keyword());
          if (row.depth() != null) {
            depths.get(row.group()).put(row.keyword(), row.depth());
          }
        }
      }
    }
    List<KeywordGroup> merged = new ArrayList<>();
    for (KeywordGroup g : groups) {
      merged.add(
          new KeywordGroup(
              g.name(),
              g.profile(),
              g.depth(),
              g.vantages(),
              keywords.get(g.name()),
              g.cadence(),
              depths.get(g.name())));
    }
    return merged;
  }
}
