package com.mallrank.batch.cli;

import com.mallrank.batch.plan.KeywordCsv;
import com.mallrank.batch.plan.Plan;
import com.mallrank.batch.runtime.PlanRepository;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mallrank plan import-keywords}: checks a keyword list kept in Excel against the plan and
 * adds it to the plan's {@code keyword-files}.
 */
@Command(
    name = "import-keywords",
    mixinStandardHelpOptions = true,
    description = {
      "Checks a keyword list (CSV, UTF-8 with or without BOM, as Excel saves 'CSV UTF-8'):"
          + " columns group,keyword[,depth], optional header row. Every bad row is reported with"
          + " its line (unknown group, duplicate keyword, bad depth, wrong column count).",
      "With --add, a valid list is copied beside the plan and listed under 'keyword-files' in"
          + " the plan, so every slot from then on samples its keywords."
    })
public class PlanImportKeywordsCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "CSV", description = "The keyword list.")
  Path csv;

  @Option(
      names = "--add",
      description = "Copy the list beside the plan and add it to the plan's keyword-files.")
  boolean add;

  private final PlanRepository plans;

  public PlanImportKeywordsCommand(PlanRepository plans) {
    this.plans = plans;
  }

  @Override
  public Integer call() throws IOException {
    Path planFile = plans.file();
    Plan before = plans.plan();
    Plan after = plans.plan(List.of(csv)); // throws with every bad row, located
    Map<String, Integer> added = new TreeMap<>();
    for (var group : after.groups()) {
      int more = group.keywords().size() - before.requireGroup(group.name()).keywords().size();
      if (more > 0) {
        added.put(group.name(), more);
      }
    }
    System.out.printf(
        "%s: %d rows valid; new keywords by group: %s%n",
        csv, KeywordCsv.read(csv).rows().size(), added);
    if (!add) {
      System.out.println("nothing changed: run again with --add to add the list to " + planFile);
      return 0;
    }
    Path folder = planFile.toAbsolutePath().getParent();
    Path target = folder.resolve(csv.getFileName());
    if (!Files.exists(target) || !Files.isSameFile(target, csv)) {
      if (Files.exists(target)) {
        throw new IllegalStateException(
            target + " exists already: rename the list or remove the old one first");
      }
      Files.copy(csv, target);
    }
    String text = Files.readString(planFile, StandardCharsets.UTF_8);
    String entry = "  - " + target.getFileName() + "\n";
    if (text.lines().anyMatch(l -> l.startsWith("keyword-files:"))) {
      throw new IllegalStateException(
          planFile
              + " has a keyword-files list already: add the line '"
              + entry.strip()
              + "' to it by hand ("
              + target
              + " is in place)");
    }
    Files.writeString(
        planFile,
        (text.endsWith("\n") ? "" : "\n") + "\nkeyword-files:\n" + entry,
        StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);
    plans.plan();
    System.out.printf("added %s to %s (keyword-files)%n", target.getFileName(), planFile);
    return 0;
  }
}
