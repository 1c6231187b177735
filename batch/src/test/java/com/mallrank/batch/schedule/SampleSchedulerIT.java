package com.mallrank.batch.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.mallrank.batch.ops.SampleMetrics;
import com.mallrank.batch.runtime.ElasticsearchRuntime;
import com.mallrank.batch.sample.SampleJobConfiguration;
import com.mallrank.batch.testing.MallrankIT;
import com.mallrank.index.document.SlotOutcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The scheduler on a real clock with a two-second cadence: slots of the lookback that never ran are
 * reported missed, due slots are started and complete, and stopping leaves nothing running.
 */
@ExtendWith(OutputCaptureExtension.class)
@MallrankIT(
    properties = {
      "batch.schedule.tick=1s",
      "batch.schedule.jitter=0s",
      "batch.schedule.lookback=20s",
      "batch.schedule.late-after=10s",
      "index.refresh=true"
    })
class SampleSchedulerIT {

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("batch.plan", SampleSchedulerIT::plan);
  }

  private static String plan() {
    try {
      Path plan = Files.createTempDirectory("sched").resolve("plan.yml");
      Files.writeString(
          plan,
          """
          groups:
            - name: fast
              profile: sandbox-static
              depth: 20
              cadence: "*/2 * * * * *"
              window: 5s
              keywords: [加厚羽绒服女长款, 高领毛衣女内搭]
          """);
      return plan.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Autowired SampleScheduler scheduler;
  @Autowired JobRepository jobRepository;
  @Autowired SampleMetrics metrics;
  @Autowired ElasticsearchRuntime elasticsearch;

  @Test
  void startsDueSlotsReportsMissedOnesAndStopsCleanly(CapturedOutput output) throws Exception {
    scheduler.start();
    JobExecution completed = null;
    for (int i = 0; i < 600 && completed == null; i++) { // bounded: at most 60 s
      Thread.sleep(100);
      for (JobInstance instance :
          jobRepository.getJobInstances(SampleJobConfiguration.JOB_NAME, 0, 20)) {
        JobExecution last = jobRepository.getLastJobExecution(instance);
        if (last != null && last.getStatus() == BatchStatus.COMPLETED) {
          completed = last;
        }
      }
    }
    scheduler.stop();

    assertThat(completed).as("a scheduled slot completed").isNotNull();
    assertThat(completed.getJobParameters().getString(SampleJobConfiguration.GROUP))
        .isEqualTo("fast");
    assertThat(metrics.slots("fast", "missed"))
        .as("slots of the lookback past their window, never run")
        .isGreaterThan(0);
    assertThat(metrics.slots("fast", "on-time") + metrics.slots("fast", "late")).isGreaterThan(0);
    // the lookback's missed slots (20 s back to the 5 s window, every 2 s: 7 or 8) are one line
    List<String> missed =
        output
            .getAll()
            .lines()
            .filter(l -> l.contains("group 'fast': ") && l.contains(" missed"))
            .toList();
    assertThat(missed).hasSize(1);
    Matcher summary =
        Pattern.compile(
                "group 'fast': (\\d+) slots of the last 20s missed, past their window and not"
                    + " sampled \\(never started: (\\d+)\\), first .+, last .+")
            .matcher(missed.get(0));
    assertThat(summary.find()).as(missed.get(0)).isTrue();
    assertThat(Integer.parseInt(summary.group(1))).isBetween(7, 8);
    assertThat(summary.group(2)).isEqualTo(summary.group(1));
    assertThat(output.getAll()).doesNotContain("missed (never started)");
    assertThat(jobRepository.findRunningJobExecutions(SampleJobConfiguration.JOB_NAME))
        .as("nothing left running after stop")
        .isEmpty();

    // every judged slot is a document: a missed slot has no samples, dashboards count these
    Map<String, Long> stored = storedOutcomes();
    assertThat(stored.get(SlotOutcome.MISSED))
        .as("one missed document per missed slot")
        .isEqualTo((long) metrics.slots("fast", "missed"))
        .isGreaterThan(0L);
    Instant completedSlot =
        Instant.parse(completed.getJobParameters().getString(SampleJobConfiguration.SLOT));
    SlotOutcome outcome =
        elasticsearch
            .client()
            .get(
                g ->
                    g.index(elasticsearch.names().slotsIndex(completedSlot))
                        .id(
                            new SlotOutcome(completedSlot, "fast", null, "on_time", completedSlot)
                                .id()),
                SlotOutcome.class)
            .source();
    assertThat(outcome.outcome()).isIn(SlotOutcome.ON_TIME, SlotOutcome.LATE);
    assertThat(outcome.profile())
        .as("the group's surface, for the dashboards' profile control")
        .isEqualTo("sandbox-static");
  }

  /** Slot-outcome documents of group fast by outcome. */
  private Map<String, Long> storedOutcomes() throws IOException {
    ElasticsearchClient client = elasticsearch.client();
    client.indices().refresh(r -> r.index(elasticsearch.names().slotsAlias()));
    Map<String, Long> counts = new TreeMap<>();
    client
        .search(
            s ->
                s.index(elasticsearch.names().slotsAlias())
                    .size(0)
                    .query(q -> q.term(t -> t.field("group").value("fast")))
                    .aggregations("o", a -> a.terms(t -> t.field("outcome"))),
            Void.class)
        .aggregations()
        .get("o")
        .sterms()
        .buckets()
        .array()
        .forEach(b -> counts.put(b.key().stringValue(), b.docCount()));
    return counts;
  }
}
