package com.mallrank.batch.plan;

import com.mallrank.batch.plan.PlanReading.Indexed;
import com.mallrank.crawler.yaml.YamlFields;
import com.mallrank.crawler.yaml.YamlTree.MapNode;
import com.mallrank.crawler.yaml.YamlTree.Node;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.boot.convert.DurationStyle;

/**
 * The keyword groups of a plan ({@code groups}): each one's name, site profile, depth, vantages,
 * keywords and schedule (cadence and window).
 */
final class GroupsSection {

  private static final Set<String> GROUP_KEYS =
      Set.of("name", "profile", "depth", "vantages", "keywords", "cadence", "window");

  private final PlanReading reading;
  private final YamlFields yaml;
  private final Predicate<String> knownProfile;
  private final ZoneId zone;

  GroupsSection(PlanReading reading, Predicate<String> knownProfile, ZoneId zone) {
    this.reading = reading;
    this.yaml = reading.yaml;
    this.knownProfile = knownProfile;
    this.zone = zone;
  }

  /** The groups, each name once; {@code accountIds} are the vantages a group may name. */
  List<KeywordGroup> read(MapNode root, Set<String> accountIds) {
    List<KeywordGroup> groups = new ArrayList<>();
    Set<String> groupNames = new HashSet<>();
    Node groupsNode = root.value("groups");
    if (groupsNode == null) {
      reading.problem(root, "groups", "required: at least one keyword group");
    }
    for (Indexed item : reading.sequence(groupsNode, "groups")) {
      KeywordGroup group = group(item.node(), item.path(), accountIds);
      if (group != null) {
        if (!groupNames.add(group.name())) {
          reading.problem(
              item.node(), item.path() + ".name", "duplicate group '" + group.name() + "'");
        }
        groups.add(group);
      }
    }
    return groups;
  }

  private KeywordGroup group(Node node, String path, Set<String> accountIds) {
    if (!(node instanceof MapNode map)) {
      reading.problem(node, path, "expected a mapping (name, profile, depth, vantages, keywords)");
      return null;
    }
    yaml.keys(map, path, GROUP_KEYS);
    String name = reading.requiredId(map, path + ".name");
    Node profileNode = map.value("profile");
    String profile = yaml.scalar(profileNode, path + ".profile");
    if (profile == null) {
      reading.problem(map, path + ".profile", "required: a site profile id, e.g. sandbox-static");
    } else if (!knownProfile.test(profile)) {
      reading.problem(profileNode, path + ".profile", "unknown site profile '" + profile + "'");
    }
    Node depthNode = map.value("depth");
    String depthText = yaml.scalar(depthNode, path + ".depth");
    Integer depth =
        depthText == null
            ? Integer.valueOf(20)
            : yaml.whole(depthText, depthNode, path + ".depth", 1, PlanLoader.MAX_DEPTH);
    List<String> vantages = vantages(map.value("vantages"), path, accountIds);
    Set<String> keywords = keywords(map, path);
    Cadence cadence = cadence(map, path);
    if (name == null || profile == null || cadence == null) {
      return null;
    }
    return new KeywordGroup(
        name,
        profile,
        depth == null ? 20 : depth,
        vantages,
        List.copyOf(keywords),
        cadence,
        Map.of());
  }

  private List<String> vantages(Node vantagesNode, String path, Set<String> accountIds) {
    List<String> vantages = new ArrayList<>();
    if (vantagesNode == null) {
      vantages.add(PlanLoader.ANONYMOUS);
    }
    for (Indexed item : reading.sequence(vantagesNode, path + ".vantages")) {
      String vantage = yaml.scalar(item.node(), item.path());
      if (vantage == null) {
        continue;
      }
      if (!vantage.equals(PlanLoader.ANONYMOUS) && !accountIds.contains(vantage)) {
        reading.problem(
            item.node(),
            item.path(),
            "unknown vantage '" + vantage + "': use 'anonymous' or an account id " + accountIds);
      } else if (vantages.contains(vantage)) {
        reading.problem(item.node(), item.path(), "duplicate vantage '" + vantage + "'");
      } else {
        vantages.add(vantage);
      }
    }
    return vantages;
  }

  private Set<String> keywords(MapNode map, String path) {
    Node keywordsNode = map.value("keywords");
    if (keywordsNode == null) {
      reading.problem(map, path + ".keywords", "required: at least one keyword");
    }
    Set<String> keywords = new LinkedHashSet<>();
    for (Indexed item : reading.sequence(keywordsNode, path + ".keywords")) {
      String keyword = yaml.scalar(item.node(), item.path());
      if (keyword == null || keyword.isBlank()) {
        reading.problem(item.node(), item.path(), "a keyword cannot be blank");
      } else if (Keywords.problem(keyword.strip()).isPresent()) {
        reading.problem(item.node(), item.path(), Keywords.problem(keyword.strip()).get());
      } else if (!keywords.add(keyword.strip())) {
        reading.problem(item.node(), item.path(), "duplicate keyword '" + keyword.strip() + "'");
      }
    }
    return keywords;
  }

  /** The group's cadence (default hourly) and window, or null after a problem. */
  private Cadence cadence(MapNode map, String path) {
    Node cronNode = map.value("cadence");
    String cron = yaml.scalar(cronNode, path + ".cadence");
    Node windowNode = map.value("window");
    String windowText = yaml.scalar(windowNode, path + ".window");
    Duration window = Cadence.DEFAULT_WINDOW;
    boolean ok = true;
    if (windowText != null) {
      try {
        window = DurationStyle.detectAndParse(windowText);
        if (window.isNegative() || window.isZero()) {
          reading.problem(
              windowNode, path + ".window", "must be positive, was '" + windowText + "'");
          ok = false;
        }
      } catch (IllegalArgumentException e) {
        reading.problem(
            windowNode,
            path + ".window",
            "not a duration: '" + windowText + "' (use e.g. 30m, 10m, 1h)");
        ok = false;
      }
    }
    try {
      Cadence cadence = new Cadence(cron == null ? Cadence.DEFAULT_CRON : cron, zone, window);
      return ok ? cadence : null;
    } catch (IllegalArgumentException e) {
      reading.problem(
          cronNode,
          path + ".cadence",
          "invalid cron '"
              + cron
              + "': "
              + e.getMessage()
              + " (six fields: second minute hour day month weekday, e.g. '0 5 * * * *')");
      return null;
    }
  }
}
