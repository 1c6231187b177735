package com.mallrank.batch.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where groups of the plan sample the same thing: the same keyword from the same vantage on the
 * same site profile. The surface (profile) is part of a sample's identity, so such a pair is ONE
 * sample per slot: the first group's job to reach it fetches (at the deepest depth the sharing
 * groups ask for), the others are served by that fetch and recorded in the sample's {@code group}
 * list. Groups with different profiles never share: each profile is its own sample.
 */
public final class SharedSamples {

  private final Map<List<String>, List<KeywordGroup>> byKey;

  private SharedSamples(Map<List<String>, List<KeywordGroup>> byKey) {
    this.byKey = byKey;
  }

  /** The sharing of a plan. */
  public static SharedSamples of(Plan plan) {
    Map<List<String>, List<KeywordGroup>> byKey = new LinkedHashMap<>();
    for (KeywordGroup group : plan.groups()) {
      for (String keyword : group.keywords()) {
        for (String vantage : group.vantages()) {
          byKey
              .computeIfAbsent(List.of(group.profile(), keyword, vantage), k -> new ArrayList<>())
              .add(group);
        }
      }
    }
    return new SharedSamples(byKey);
  }

  /** The other groups (same profile) that sample this keyword from this vantage. */
  public List<String> othersOf(KeywordGroup group, String keyword, String vantage) {
    return byKey.getOrDefault(List.of(group.profile(), keyword, vantage), List.of()).stream()
        .filter(g -> !g.name().equals(group.name()))
        .map(KeywordGroup::name)
        .toList();
  }

  /** The depth the one fetch needs: the deepest of the groups sharing it. */
  public int depthOf(KeywordGroup group, String keyword, String vantage) {
    return byKey.getOrDefault(List.of(group.profile(), keyword, vantage), List.of(group)).stream()
        .mapToInt(g -> g.depthOf(keyword))
        .max()
        .orElse(group.depthOf(keyword));
  }

  /**
   * Every set of groups that share samples, with how many keyword × vantage pairs they share, in
   * plan order: what {@code plan validate} reports.
   */
  public List<Overlap> overlaps() {
    Map<List<String>, int[]> counts = new LinkedHashMap<>();
    Map<List<String>, String> profiles = new LinkedHashMap<>();
    byKey.forEach(
        (key, groups) -> {
          if (groups.size() > 1) {
            List<String> names = groups.stream().map(KeywordGroup::name).toList();
            counts.computeIfAbsent(names, k -> new int[1])[0]++;
            profiles.put(names, key.get(0));
          }
        });
    List<Overlap> overlaps = new ArrayList<>();
    counts.forEach((names, n) -> overlaps.add(new Overlap(profiles.get(names), names, n[0])));
    return overlaps;
  }

  /**
   * Groups of one profile that sample the same keyword × vantage pairs.
   *
   * @param profile the profile they share
   * @param groups the group names, in plan order
   * @param pairs how many keyword × vantage pairs they share
   */
  public record Overlap(String profile, List<String> groups, int pairs) {

    public Overlap {
      Objects.requireNonNull(profile, "profile");
      groups = List.copyOf(groups);
    }

    /** The notice {@code plan validate} prints. */
    public String notice() {
      return "notice: groups "
          + String.join(", ", groups)
          + " (profile "
          + profile
          + ") share "
          + pairs
          + " keyword x vantage pair"
          + (pairs == 1 ? "" : "s")
          + ": each is fetched once per slot and the sample records every group it served";
    }
  }
}
