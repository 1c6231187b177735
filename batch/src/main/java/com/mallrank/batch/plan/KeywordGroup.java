package com.mallrank.batch.plan;

import java.util.List;

/**
 * Keywords sampled together, with one profile, depth and set of vantages.
 *
 * @param name the group name (a job parameter: a slot of a group runs once)
 * @param profile the site profile id
 * @param depth how many listings to capture per sample (20 for the Top-20; up to 60 for near
 *     misses)
 * @param vantages who searches: {@code anonymous} and/or matrix-account ids
 * @param keywords the long-tail keywords, in plan order
 */
public record KeywordGroup(
    String name, String profile, int depth, List<String> vantages, List<String> keywords) {

  public KeywordGroup {
    vantages = List.copyOf(vantages);
    keywords = List.copyOf(keywords);
  }
}
