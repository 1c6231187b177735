package com.mallrank.batch.plan;

import com.mallrank.crawler.yaml.ConfigProblem;
import com.mallrank.crawler.yaml.YamlTree;
import com.mallrank.crawler.yaml.YamlTree.MapNode;
import com.mallrank.crawler.yaml.YamlTree.Node;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Reads and validates a plan file. Every problem is reported with file, line and field, all at
 * once; a plan with any problem is refused as a whole. A matrix account's login state file is not
 * the plan's problem: one that cannot be used makes that account need a new login (see {@code
 * LoginStates}), never the whole plan invalid. The YAML is read the way site profiles are ({@link
 * YamlTree}, nodes that keep their line; a repeated key is a problem), and problems are the same
 * {@link ConfigProblem}s. Each section has its reader ({@link AccountsSection} with {@link
 * NetworkSection}, {@link GroupsSection}, {@link KeywordFilesSection}); they share one pass's
 * problems and the field checks of {@link com.mallrank.crawler.yaml.YamlFields}.
 */
public final class PlanLoader {

  /** The vantage of a logged-out shopper. */
  public static final String ANONYMOUS = "anonymous";

  static final int MAX_DEPTH = 60;
  private static final Set<String> TOP_KEYS =
      Set.of("accounts", "groups", "keyword-files", ANONYMOUS);

  private final Predicate<String> knownProfile;
  private final ZoneId zone;
  private final Function<String, String> environment;

  /**
   * @param knownProfile tells whether a profile id exists (built in or in the profiles folder)
   * @param zone the zone cadences are read in ({@code batch.zone})
   */
  public PlanLoader(Predicate<String> knownProfile, ZoneId zone) {
    this(knownProfile, zone, System::getenv);
  }

  /**
   * @param environment where {@code proxy-credentials-env} names are looked up (the process
   *     environment; tests give their own)
   */
  public PlanLoader(
      Predicate<String> knownProfile, ZoneId zone, Function<String, String> environment) {
    this.knownProfile = knownProfile;
    this.zone = zone;
    this.environment = environment;
  }

  /** A loader reading cadences in Beijing time, Douyin's. */
  public PlanLoader(Predicate<String> knownProfile) {
    this(knownProfile, ZoneId.of("Asia/Shanghai"));
  }

  public Plan load(Path file) {
    return load(file, List.of());
  }

  /**
   * Reads a plan as if its {@code keyword-files} also listed {@code extraKeywordFiles}: checks
   * keyword lists before they are added to the plan.
   */
  public Plan load(Path file, List<Path> extraKeywordFiles) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new PlanException(
          List.of(new ConfigProblem(file.toString(), 0, "(file)", "cannot read: no such file")));
    } catch (IOException e) {
      throw new PlanException(
          List.of(new ConfigProblem(file.toString(), 0, "(file)", "cannot read: " + e)));
    }
    PlanReading reading = new PlanReading(file);
    Node root;
    try {
      root =
          YamlTree.parse(
              text, (key, line) -> reading.problem(key, line, "duplicate key (first one wins)"));
    } catch (YamlTree.SyntaxException e) {
      throw new PlanException(
          List.of(new ConfigProblem(file.toString(), e.line(), "(yaml)", e.getMessage())));
    }
    return read(file, root, extraKeywordFiles, reading);
  }

  /** One pass over one file: the sections in file order, then the plan or every problem. */
  private Plan read(Path file, Node root, List<Path> extraKeywordFiles, PlanReading reading) {
    if (!(root instanceof MapNode map)) {
      reading.problem(root, "(root)", "expected a mapping with 'accounts' and 'groups'");
      throw new PlanException(reading.problems);
    }
    reading.yaml.keys(map, "", TOP_KEYS);
    AccountsSection identities =
        new AccountsSection(reading, new NetworkSection(reading, environment));
    identities.read(map);
    List<KeywordGroup> groups =
        new GroupsSection(reading, knownProfile, zone).read(map, identities.accountIds);
    groups =
        new KeywordFilesSection(reading)
            .addTo(groups, map.value("keyword-files"), extraKeywordFiles);
    identities.readAnonymousNetwork(map);
    if (!reading.problems.isEmpty()) {
      throw new PlanException(reading.problems);
    }
    return new Plan(file, identities.accounts, groups, identities.budgets, identities.anonymous);
  }
}
