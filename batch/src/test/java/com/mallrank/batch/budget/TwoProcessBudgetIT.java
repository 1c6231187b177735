package com.mallrank.batch.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import co.elastic.clients.elasticsearch.core.search.Hit;
import com.mallrank.batch.testing.ChildJvm;
import com.mallrank.batch.testing.MallrankITSupport;
import com.mallrank.batch.testing.PostgresTestDatabase;
import com.mallrank.crawler.sandbox.SandboxClock;
import com.mallrank.crawler.sandbox.SandboxMall;
import com.mallrank.crawler.sandbox.SandboxMall.Served;
import com.mallrank.crawler.sandbox.SandboxWorld;
import com.mallrank.index.schema.IndexBootstrap;
import com.mallrank.index.schema.IndexNames;
import com.mallrank.index.testing.LocalElasticsearchExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two mallrank JVMs sample two groups of the same slot at once, both as the anonymous vantage,
 * sharing one PostgreSQL database (the production JobRepository) and one site, the test's sandbox
 * mall: the sandbox's request log counts exactly the identity's daily budget, and every other
 * sample is stored {@code skipped} with the marker {@code budget}. Skipped with a message when no
 * PostgreSQL is configured locally; in CI ({@code CI=true}) that is a failure.
 */
@ExtendWith(MallrankITSupport.DeleteIndicesAfterAll.class)
class TwoProcessBudgetIT {

  private static final int PER_DAY = 5;
  private static final int KEYWORDS_PER_GROUP = 6;
  private static SandboxMall mall;

  @TempDir Path dir;

  @BeforeAll
  static void start() {
    PostgresTestDatabase.assumeAvailable();
    mall = SandboxMall.start(SandboxWorld.create(), new SandboxClock(), 0);
  }

  @AfterAll
  static void stop() {
    if (mall != null) {
      mall.close();
    }
  }

  @Test
  void twoProcessesSamplingAsTheSameIdentitySendNoMoreThanItsBudget() throws Exception {
    Instant slot = Instant.parse("2026-11-30T06:00:00Z");
    mall.setTime(slot);
    String schema = "t_" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
    String prefix = MallrankITSupport.prefix(TwoProcessBudgetIT.class);
    new IndexBootstrap(LocalElasticsearchExtension.client(), new IndexNames(prefix)).apply();
    Path plan = plan();
    long before = mall.served(Served.SEARCH_PAGES);

    // Both processes first start on an empty schema at the same instant: the JobRepository script's
    // advisory lock and JdbcTables make that safe (JobRepositorySchemaIT is the focused test).
    PostgresTestDatabase.urlWithSchema(schema);
    Process one = child("one", slot, plan, schema, prefix);
    Process two = child("two", slot, plan, schema, prefix);
    String outOne = finish(one, "one");
    String outTwo = finish(two, "two");

    assertThat(one.exitValue()).as(outOne).isZero();
    assertThat(two.exitValue()).as(outTwo).isZero();
    assertThat(mall.served(Served.SEARCH_PAGES) - before)
        .as("search requests in the sandbox's request log")
        .isEqualTo(PER_DAY);
    Map<String, Integer> stored = storedByStatusAndMarker(prefix, slot);
    System.out.println("stored by group/status/marker: " + stored);
    assertThat(
            stored.entrySet().stream()
                .filter(e -> e.getKey().endsWith("/skipped/budget"))
                .mapToInt(Map.Entry::getValue)
                .sum())
        .as("stored: %s", stored)
        .isEqualTo(2 * KEYWORDS_PER_GROUP - PER_DAY);
    assertThat(stored.values().stream().mapToInt(Integer::intValue).sum())
        .as("one sample per task: %s", stored)
        .isEqualTo(2 * KEYWORDS_PER_GROUP);
  }

  /**
   * Two groups of distinct keywords, both sampled anonymously; the anonymous vantage may send
   * {@link #PER_DAY} requests a day (and plenty a minute, so the test's outcome does not depend on
   * a minute boundary).
   */
  private Path plan() throws IOException {
    List<String> keywords = SandboxWorld.create().keywords();
    StringBuilder yaml =
        new StringBuilder("anonymous:\n  budget: {per-minute: 100, per-day: ")
            .append(PER_DAY)
            .append("}\ngroups:\n");
    for (int g = 0; g < 2; g++) {
      yaml.append("  - name: ").append(g == 0 ? "one" : "two").append('\n');
      yaml.append("    profile: sandbox-static\n    depth: 20\n    vantages: [anonymous]\n");
      yaml.append("    keywords:\n");
      for (int k = 0; k < KEYWORDS_PER_GROUP; k++) {
        String keyword =
            g * KEYWORDS_PER_GROUP + k < keywords.size()
                ? keywords.get(g * KEYWORDS_PER_GROUP + k)
                : "长尾词预算" + g + "-" + k;
        yaml.append("      - \"").append(keyword).append("\"\n");
      }
    }
    Path file = dir.resolve("plan.yml");
    Files.writeString(file, yaml, StandardCharsets.UTF_8);
    return file;
  }

  /**
   * The zone the children count days in: one where it is now about noon, so the run never crosses a
   * day boundary whenever the test runs.
   */
  private static String noonZone() {
    int hour = ZonedDateTime.now(ZoneOffset.UTC).getHour();
    int offset = Math.floorMod(12 - hour + 12, 24) - 12; // -12..+11
    return ZoneOffset.ofHours(offset).getId();
  }

  private Process child(String group, Instant slot, Path plan, String schema, String prefix)
      throws IOException {
    List<String> command = ChildJvm.command("384m", BudgetChildMain.class);
    command.addAll(
        List.of(
            group,
            slot.toString(),
            "--spring.datasource.url=" + PostgresTestDatabase.urlWithSchema(schema),
            "--spring.datasource.username=" + PostgresTestDatabase.user(),
            "--spring.datasource.password=" + PostgresTestDatabase.password(),
            "--index.es.url=" + LocalElasticsearchExtension.url(),
            "--index.prefix=" + prefix,
            "--index.refresh=wait_for",
            "--batch.plan=" + plan,
            "--batch.zone=" + noonZone(),
            "--batch.threads=2",
            "--batch.chunk-size=1",
            "--batch.commit-interval=1",
            "--crawler.base-url=" + mall.baseUrl(),
            "--crawler.evidence.dir=" + dir.resolve("evidence-" + group)));
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve(group + ".log").toFile())
        .start();
  }

  /** Waits for a child; returns the end of its output, for a failure message. */
  private String finish(Process child, String group) throws Exception {
    if (!child.waitFor(5, TimeUnit.MINUTES)) {
      child.destroyForcibly();
      fail("child " + group + " did not finish in 5 minutes");
    }
    String out = Files.readString(dir.resolve(group + ".log"), StandardCharsets.UTF_8);
    String problems =
        String.join(
            "\n",
            out.lines()
                .filter(l -> l.contains("ERROR") || l.contains("WARN") || l.contains("Caused"))
                .limit(40)
                .toList());
    return problems + "\n...\n" + out.substring(Math.max(0, out.length() - 1500));
  }

  private static Map<String, Integer> storedByStatusAndMarker(String prefix, Instant slot)
      throws IOException {
    String index = new IndexNames(prefix).samplesAlias();
    LocalElasticsearchExtension.client().indices().refresh(r -> r.index(index));
    Map<String, Integer> counts = new TreeMap<>();
    for (Hit<Map> hit :
        LocalElasticsearchExtension.client()
            .search(
                s ->
                    s.index(index)
                        .query(q -> q.term(t -> t.field("slot").value(slot.toString())))
                        .size(100),
                Map.class)
            .hits()
            .hits()) {
      Map<?, ?> source = hit.source();
      String key = source.get("group") + "/" + source.get("status") + "/" + source.get("marker");
      counts.merge(key, 1, Integer::sum);
    }
    return counts;
  }
}
