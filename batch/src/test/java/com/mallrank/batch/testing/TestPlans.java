package com.mallrank.batch.testing;

import com.mallrank.crawler.sandbox.SandboxWorld;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Plan files for tests and benchmarks, written from the sandbox's keywords. */
public final class TestPlans {

  private TestPlans() {}

  /**
   * {@code count} keywords: every keyword the sandbox mall knows (full result pages; one has no
   * results), then made-up long-tail keywords the mall has no results for.
   */
  public static List<String> keywords(int count) {
    List<String> keywords = new ArrayList<>(SandboxWorld.create().keywords());
    for (int i = 1; keywords.size() < count; i++) {
      keywords.add("长尾词测试" + i);
    }
    return List.copyOf(keywords.subList(0, count));
  }

  /** A plan with one group of these keywords, sampled anonymously with depth 60. */
  public static Path write(Path dir, String group, List<String> keywords) throws IOException {
    StringBuilder yaml = new StringBuilder();
    yaml.append("groups:\n  - name: ").append(group).append('\n');
    yaml.append("    profile: sandbox-static\n    depth: 60\n    vantages: [anonymous]\n");
    yaml.append("    keywords:\n");
    for (String keyword : keywords) {
      yaml.append("      - ").append(keyword).append('\n');
    }
    Path plan = dir.resolve(group + "-plan.yml");
    Files.writeString(plan, yaml);
    return plan;
  }
}
