package com.mallrank.batch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallrank.batch.MallrankApplication;
import com.mallrank.batch.config.ApplicationYaml;
import com.mallrank.batch.config.BatchProperties;
import com.mallrank.batch.config.CrawlerProperties;
import com.mallrank.batch.runtime.PlanRepository;
import com.mallrank.batch.runtime.SiteProfileRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;

/** {@code mallrank plan capacity} as a user runs it: reads the plan only, prints the estimate. */
class PlanCapacityCommandTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private PrintStream originalOut;

  @TempDir Path dir;

  @BeforeEach
  void capture() {
    originalOut = System.out;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setOut(originalOut);
  }

  /** A plan of 600 keywords sampled anonymously every hour, 30 minutes to do it in. */
  private Path plan() throws IOException {
    Path plan = dir.resolve("plan.yml");
    StringBuilder keywords = new StringBuilder();
    for (int i = 1; i <= 600; i++) {
      keywords.append("      - 关键词").append(i).append('\n');
    }
    Files.writeString(
        plan,
        """
        groups:
          - name: core
            profile: sandbox-static
            cadence: "0 5 * * * *"
            window: 30m
            vantages: [anonymous]
            keywords:
        """
            + keywords);
    return plan;
  }

  @Test
  void printsTheWorkersAPlanNeedsWithTheMeasuredFigures() throws Exception {
    Path plan = plan();

    int code =
        SpringApplication.exit(
            SpringApplication.run(
                MallrankApplication.class,
                "--spring.datasource.url=jdbc:h2:mem:capacity-" + System.nanoTime(),
                "--batch.plan=" + plan,
                "plan",
                "capacity",
                "--threads=1"));

    assertThat(code).isZero();
    String printed = out.toString(StandardCharsets.UTF_8);
    // 600 pages an hour = 0.167 pages/s; one worker: 1 / (1/2.10 + 2 + 0.5) = 0.336 pages/s
    assertThat(printed)
        .contains(
            "core                  600        1        24      1h        600      14400       "
                + " 0.167")
        .contains("CPU 2.10 pages/s (measured), politeness 0.34 pages/s per host -> 0.34 pages/s")
        .contains("workers needed: 1 (0.167 / 0.34, rounded up)")
        .contains("anonymous               600      14400        0.167        0.336  ok");
  }

  /**
   * The plan is read once: a plan file edited while the command runs (here broken right after the
   * first read) does not fail an estimate already made, nor print a plan other than the one
   * estimated. Before, {@code call()} read the file a second time for the line naming it.
   */
  @Test
  void readsThePlanOnceEvenWhenTheFileIsEditedMeanwhile() throws Exception {
    Path plan = plan();
    CrawlerProperties crawler = ApplicationYaml.bind("crawler", CrawlerProperties.class, Map.of());
    BatchProperties batch =
        ApplicationYaml.bind("batch", BatchProperties.class, Map.of("batch.plan", plan.toString()));
    AtomicInteger reads = new AtomicInteger();
    SiteProfileRegistry editedAfterTheFirstRead =
        new SiteProfileRegistry(crawler) {
          @Override
          public boolean exists(String id) {
            if (reads.incrementAndGet() == 1) {
              try {
                Files.writeString(plan, "groups: [broken\n");
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            }
            return super.exists(id);
          }
        };
    PlanCapacityCommand command =
        new PlanCapacityCommand(new PlanRepository(batch, editedAfterTheFirstRead), batch, crawler);
    command.threads = 1;

    assertThat(command.call()).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .startsWith("plan " + plan + "\n")
        .contains("workers needed: 1");
  }
}
