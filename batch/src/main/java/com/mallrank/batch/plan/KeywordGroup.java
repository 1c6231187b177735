package com.mallrank.batch.plan;

import java.util.List;
import java.util.Map;

/**
 * Keywords sampled together, with one profile, depth, set of vantages and cadence.
 *
 * @param name the group name (a job parameter: a slot of a group runs once)
 * @param profile the site profile id
 * @param depth how many listings to capture per sample (20 for the Top-20; up to 60 for near
 *     misses)
 * @param vantages who searches: {@code anonymous} and/or matrix-account ids
 * @param keywords the long-tail keywords, in plan order (the plan's, then imported CSV rows)
 * @param cadence when the group's slots are, and how late one may still be sampled
 * @param depths per-keyword depths that differ from {@code depth} (from CSV imports)
 */
public record KeywordGroup(
    String name,
    String profile,
    int depth,
    List<String> vantages,
    List<String> keywords,
    Cadence cadence,
    Map<String, Integer> depths) {

  public KeywordGroup {
    vantages = List.copyOf(vantages);
    keywords = List.copyOf(keywords);
    depths = Map.copyOf(depths);
  }

  /** How many listings to capture for this keyword. */
  public int depthOf(String keyword) {
    return depths.getOrDefault(keyword, depth);
  }
}
