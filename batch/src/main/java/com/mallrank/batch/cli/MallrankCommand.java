package com.mallrank.batch.cli;

import com.mallrank.batch.broker.BrokerCommand;
import com.mallrank.batch.demo.DemoCommand;
import com.mallrank.batch.es.EsCommand;
import com.mallrank.batch.evidence.EvidenceCommand;
import com.mallrank.batch.jobs.JobsCommand;
import com.mallrank.batch.report.ReportCommand;
import com.mallrank.batch.retention.RetentionCommand;
import com.mallrank.batch.sample.SampleCommand;
import com.mallrank.batch.schedule.ServeCommand;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code mallrank} command and its subcommands. */
@Command(
    name = "mallrank",
    mixinStandardHelpOptions = true,
    version = MallrankCommand.VERSION,
    description =
        "Tracks Douyin Mall search rankings for long-tail keywords across matrix accounts.",
    subcommands = {
      DemoCommand.class,
      SampleCommand.class,
      ServeCommand.class,
      JobsCommand.class,
      PlanCommand.class,
      AccountsCommand.class,
      ReportCommand.class,
      ProfileCommand.class,
      RetentionCommand.class,
      EvidenceCommand.class,
      EsCommand.class,
      BrokerCommand.class,
      IndexCommand.class,
      CommandLine.HelpCommand.class
    },
    footer = {
      "",
      "`mallrank help COMMAND` or `mallrank COMMAND --help`: a command's options.",
      "Paths you give (--batch.plan=FILE, -o, --page, --har, --storage-state ...)",
      "are relative to the directory you are in.",
      "Configuration: batch/src/main/resources/application.yml (documented),",
      "overridden by ./config/application.yml, --key=value options and the",
      "environment."
    })
public class MallrankCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  static final String VERSION = "mallrank 0.1.0";

  private static final String DEBUG = "On an error, print its stack trace too (default: one line).";

  @Option(names = "--debug", scope = ScopeType.INHERIT, description = DEBUG)
  boolean debug;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /**
   * The {@code mallrank} command of a command line built with only the commands its arguments name
   * ({@link MallrankRunner#namedCommandLine}): the same name, version and options, no command list.
   * It never prints anything: help, usage and errors are the whole command line's.
   */
  @Command(name = "mallrank", mixinStandardHelpOptions = true, version = VERSION)
  static final class Named implements Runnable {

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = DEBUG)
    boolean debug;

    @Override
    public void run() {
      throw new IllegalStateException("usage is printed by the whole command line");
    }
  }

  /** The commands of {@code mallrank}: its {@code @Command(subcommands)}. */
  static List<Class<?>> commands() {
    return List.of(MallrankCommand.class.getAnnotation(Command.class).subcommands());
  }

  /** The command list of {@code mallrank --help}, by what a person wants to do. */
  static final Map<String, List<String>> GROUPS = new LinkedHashMap<>();

  static {
    GROUPS.put("Sampling", List.of("demo", "sample", "serve", "jobs", "retention"));
    GROUPS.put("Plan and matrix accounts", List.of("plan", "accounts"));
    GROUPS.put("Reports", List.of("report"));
    GROUPS.put("Site profiles and evidence", List.of("profile", "evidence"));
    GROUPS.put("Operations", List.of("es", "broker", "index"));
    GROUPS.put("Help", List.of("help"));
  }

  /** One line per command for the list: what it is for, in a few words. */
  static final Map<String, String> SUMMARIES =
      Map.ofEntries(
          Map.entry("demo", "sample the sandbox mall for a few hourly slots and show the result"),
          Map.entry("sample", "sample one slot of a keyword group now (default: its latest slot)"),
          Map.entry(
              "serve", "run the scheduler: every group at its cadence (manager/worker roles)"),
          Map.entry("jobs", "recent runs of the sample job: status, slot, samples by status"),
          Map.entry("retention", "summarise and delete raw listings older than the window"),
          Map.entry("plan validate", "check the plan; every problem with file, line and field"),
          Map.entry("plan import-keywords", "check a keyword CSV (as Excel saves it) and add it"),
          Map.entry("plan capacity", "how many pages, requests and workers the plan needs"),
          Map.entry("accounts login", "log a matrix account in by QR code (扫码登录) and save it"),
          Map.entry("accounts import", "keep an account's saved login state, owner-only"),
          Map.entry("accounts status", "is each account logged in, per surface, and why not"),
          Map.entry("report top20", "who holds each keyword's Top-20 in one slot, yours marked"),
          Map.entry("report changes", "what changed between two slots"),
          Map.entry("report history", "where each of your listings ranked over time"),
          Map.entry("report coverage", "keywords each account holds, fights over, misses"),
          Map.entry("report changelog", "competitors' price, commission, image, title changes"),
          Map.entry("report explain", "why did my listing drop: who and what changed"),
          Map.entry("report health", "is sampling healthy: samples by status, missed slots"),
          Map.entry("report daily", "the morning document: every report in one file"),
          Map.entry("profile test", "what a site profile extracts from a page, URL or keyword"),
          Map.entry("evidence list", "kept evidence of samples without ranks"),
          Map.entry("evidence show", "one kept evidence body, summarised and escaped"),
          Map.entry("es start", "start the local Elasticsearch and leave it running"),
          Map.entry("es stop", "stop the local Elasticsearch"),
          Map.entry("es status", "is the local Elasticsearch running: URL, pid, heap, disk"),
          Map.entry("es roles", "mallrank's least-privilege Elasticsearch roles"),
          Map.entry("broker start", "start the local Artemis broker and leave it running"),
          Map.entry("broker stop", "stop the local broker"),
          Map.entry("broker status", "does the broker listen (exit 3 when not)"),
          Map.entry("index migrate-ids", "rewrite stored documents under the current ids"),
          Map.entry("help", "help COMMAND: a command's usage and options"));

  /**
   * Lists every command of {@code mallrank --help} (and {@code mallrank help}) by group, one line
   * each: {@code report top20} as much as {@code sample}, with the first sentence of its
   * description.
   */
  static void groupCommands(CommandLine commandLine) {
    Map<String, CommandLine.IHelpSectionRenderer> sections = commandLine.getHelpSectionMap();
    sections.put(UsageMessageSpec.SECTION_KEY_COMMAND_LIST_HEADING, help -> "");
    sections.put(
        UsageMessageSpec.SECTION_KEY_COMMAND_LIST,
        help -> commandList(commandLine.getCommandSpec()));
  }

  private static final int WIDTH = 100;

  static String commandList(CommandSpec top) {
    Map<String, List<String[]>> lines = new LinkedHashMap<>();
    List<String[]> ungrouped = new ArrayList<>();
    int nameWidth = 0;
    for (Map.Entry<String, CommandLine> entry : top.subcommands().entrySet()) {
      List<String[]> target = ungrouped;
      for (Map.Entry<String, List<String>> group : GROUPS.entrySet()) {
        if (group.getValue().contains(entry.getKey())) {
          target = lines.computeIfAbsent(group.getKey(), g -> new ArrayList<>());
        }
      }
      for (String[] line : leaves(entry.getKey(), entry.getValue().getCommandSpec())) {
        target.add(line);
        nameWidth = Math.max(nameWidth, line[0].length());
      }
    }
    if (!ungrouped.isEmpty()) {
      lines.put("Other", ungrouped);
    }
    StringBuilder out = new StringBuilder();
    for (String group : orderedGroups(lines)) {
      out.append(group).append(":\n");
      for (String[] line : lines.get(group)) {
        String text = "  " + String.format("%-" + nameWidth + "s", line[0]) + "  " + line[1];
        out.append(text.length() > WIDTH ? text.substring(0, WIDTH - 1) + "…" : text).append('\n');
      }
    }
    return out.toString();
  }

  private static List<String> orderedGroups(Map<String, List<String[]>> lines) {
    List<String> order = new ArrayList<>();
    GROUPS.keySet().stream().filter(lines::containsKey).forEach(order::add);
    if (lines.containsKey("Other")) {
      order.add("Other");
    }
    return order;
  }

  /** {@code name} and its first sentence, or one line per subcommand when it has some. */
  private static List<String[]> leaves(String name, CommandSpec spec) {
    List<String[]> lines = new ArrayList<>();
    if (spec.subcommands().isEmpty()) {
      lines.add(
          new String[] {name, SUMMARIES.getOrDefault(name, firstSentence(spec.usageMessage()))});
      return lines;
    }
    spec.subcommands()
        .forEach(
            (sub, line) -> {
              if (!sub.equals("help")) {
                lines.addAll(leaves(name + " " + sub, line.getCommandSpec()));
              }
            });
    return lines;
  }

  private static String firstSentence(UsageMessageSpec usage) {
    String[] text = usage.header().length > 0 ? usage.header() : usage.description();
    if (text.length == 0) {
      return "";
    }
    String first = text[0].strip();
    int end = first.indexOf(". ");
    return (end > 0 ? first.substring(0, end + 1) : first).replaceAll("\\s+", " ");
  }
}
