package com.mallrank.batch.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallrank.batch.sample.SampleLauncher.SlotRefusedException;
import com.mallrank.batch.testing.MallrankIT;
import com.mallrank.batch.testing.PostgresTestDatabase;
import com.mallrank.batch.testing.StoredIds;
import com.mallrank.batch.testing.TestPlans;
import com.mallrank.index.schema.IndexNames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Several groups' slots launched at the same instant on the production JobRepository, PostgreSQL
 * (as the scheduler does at a tick, or a manager and workers sharing the repository): PostgreSQL's
 * serializable isolation may refuse a job instance although no other launch creates the same one
 * ({@code 40001}), or a job's step; the launch is retried, so every slot runs, while a real second
 * launch of a slot is still refused. Skipped with a message when no PostgreSQL is configured
 * locally; in CI ({@code CI=true}) that is a failure.
 */
@MallrankIT(
    plan = "",
    properties = {"batch.threads=1", "batch.chunk-size=1", "batch.commit-interval=1"})
class ConcurrentLaunchIT {

  private static final int GROUPS = 6;
  private static final int ROUNDS = 5;
  private static final String SCHEMA =
      "t_" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);

  private static Path plan;

  @Autowired SampleLauncher launcher;
  @Autowired JobRepository jobRepository;

  @Value("${index.prefix}")
  String prefix;

  @BeforeAll
  static void postgres() {
    PostgresTestDatabase.assumeAvailable();
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("batch.plan", () -> plan().toString());
    registry.add("spring.datasource.url", () -> PostgresTestDatabase.urlWithSchema(SCHEMA));
    registry.add("spring.datasource.username", PostgresTestDatabase::user);
    registry.add("spring.datasource.password", PostgresTestDatabase::password);
  }

  /** {@link #GROUPS} groups of one keyword each: a launch is short, the race is the point. */
  private static synchronized Path plan() {
    if (plan != null) {
      return plan;
    }
    List<String> keywords = TestPlans.keywords(GROUPS);
    StringBuilder yaml = new StringBuilder("groups:\n");
    for (int g = 0; g < GROUPS; g++) {
      yaml.append("  - name: ").append(group(g)).append('\n');
      yaml.append("    profile: sandbox-static\n    depth: 20\n    vantages: [anonymous]\n");
      yaml.append("    keywords:\n      - ").append(keywords.get(g)).append('\n');
    }
    try {
      plan = Files.createTempDirectory("mallrank-launch-it").resolve("plan.yml");
      Files.writeString(plan, yaml);
      return plan;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String group(int g) {
    return "g" + g;
  }

  @Test
  void differentGroupsLaunchedAtOneInstantAllRunAndASecondLaunchOfOneIsRefused() throws Exception {
    // no month's index made up front: each slot's start creates its month's and the next's
    // (SlotIndices), so six jobs starting together meet no index being created
    Map<Instant, List<Object>> rounds = new LinkedHashMap<>();
    for (int round = 0; round < ROUNDS; round++) {
      Instant slot = Instant.parse("2026-11-30T08:00:00Z").plusSeconds(3600L * round);
      // every group once, and the first group a second time: GROUPS + 1 launches at one barrier
      rounds.put(slot, launchTogether(slot));
      System.out.println("launched together at " + slot + ": " + describe(rounds.get(slot)));
    }

    List<String> wrong = new ArrayList<>();
    rounds.forEach(
        (slot, outcomes) -> {
          long completed =
              outcomes.stream()
                  .filter(
                      o -> o instanceof JobExecution e && e.getStatus() == BatchStatus.COMPLETED)
                  .count();
          List<Object> refused =
              outcomes.stream().filter(SlotRefusedException.class::isInstance).toList();
          if (completed != GROUPS
              || refused.size() != 1
              || !((Exception) refused.get(0))
                  .getMessage()
                  .contains("slot " + slot + " of group '" + group(0) + "'")) {
            wrong.add(slot + ": " + describe(outcomes));
          }
        });
    assertThat(wrong)
        .as("rounds whose %d launches did not give %d runs and one refusal", GROUPS + 1, GROUPS)
        .isEmpty();
    for (Instant slot : rounds.keySet()) {
      for (int g = 0; g < GROUPS; g++) {
        JobInstance instance =
            jobRepository.getJobInstance(
                SampleJobConfiguration.JOB_NAME, SampleLauncher.parameters(group(g), slot));
        assertThat(instance).as("job instance of %s at %s", group(g), slot).isNotNull();
        // a job failed because the JobRepository refused to record a step is restarted: one
        // more execution, FAILED, and never two that ran
        assertThat(jobRepository.getJobExecutions(instance))
            .filteredOn(e -> e.getStatus() != BatchStatus.FAILED)
            .singleElement()
            .satisfies(e -> assertThat(e.getStatus()).isEqualTo(BatchStatus.COMPLETED));
      }
    }
    assertThat(jobRepository.getJobInstanceCount(SampleJobConfiguration.JOB_NAME))
        .isEqualTo((long) ROUNDS * GROUPS);
    for (Instant slot : rounds.keySet()) {
      assertThat(StoredIds.ofSlot(new IndexNames(prefix).samplesAlias(), slot))
          .as("samples of %s: one keyword, one vantage per group", slot)
          .hasSize(GROUPS)
          .doesNotHaveDuplicates();
    }
  }

  /** The outcomes for a failure message: statuses, and each exception's chain of causes. */
  private static List<String> describe(List<Object> outcomes) {
    List<String> shown = new ArrayList<>();
    for (Object outcome : outcomes) {
      if (outcome instanceof JobExecution execution) {
        shown.add(execution.getStatus().toString());
        continue;
      }
      StringBuilder chain = new StringBuilder();
      for (Throwable e = (Throwable) outcome; e != null; e = e.getCause()) {
        chain.append(chain.isEmpty() ? "" : " <- ").append(e.getClass().getSimpleName());
        if (e instanceof java.sql.SQLException sql) {
          chain.append('(').append(sql.getSQLState()).append(')');
        }
      }
      shown.add(((Throwable) outcome).getMessage() + ": " + chain);
    }
    return shown;
  }

  /** The launches' outcomes: a {@link JobExecution} or the exception a launch threw. */
  private List<Object> launchTogether(Instant slot) throws Exception {
    int launches = GROUPS + 1;
    CyclicBarrier together = new CyclicBarrier(launches);
    ExecutorService pool = Executors.newFixedThreadPool(launches);
    try {
      List<Future<Object>> futures = new ArrayList<>();
      for (int i = 0; i < launches; i++) {
        String group = group(i % GROUPS);
        futures.add(
            pool.submit(
                () -> {
                  together.await(30, TimeUnit.SECONDS);
                  try {
                    return launcher.launch(group, slot);
                  } catch (RuntimeException e) {
                    return e;
                  }
                }));
      }
      List<Object> outcomes = new ArrayList<>();
      for (Future<Object> future : futures) {
        outcomes.add(future.get(5, TimeUnit.MINUTES));
      }
      return outcomes;
    } finally {
      pool.shutdownNow();
    }
  }
}
