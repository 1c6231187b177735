package com.mallrank.batch.retention;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallrank.batch.runtime.ElasticsearchRuntime;
import com.mallrank.batch.testing.MallrankIT;
import com.mallrank.batch.testing.MallrankITSupport;
import com.mallrank.index.report.Reports;
import com.mallrank.index.testing.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The {@code retention} job on the real Elasticsearch: listings older than the window become daily
 * summaries and are deleted, recent ones and every sample stay, and a day's run happens once.
 */
// these tests write fixtures with the writer and read them at once
@MallrankIT(properties = {"batch.retention.keep-days=35", "index.refresh=true"})
class RetentionJobIT {

  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.HOURS);
  private static final Instant OLD = NOW.minus(Duration.ofDays(40));
  private static final Instant RECENT = NOW.minus(Duration.ofDays(2));

  @Autowired ElasticsearchRuntime elasticsearch;
  @Autowired RetentionScheduler scheduler;
  @Autowired JobOperator jobOperator;

  @Test
  void summarisesAndDeletesOldListingsOnceADay() throws Exception {
    String anon = Fixtures.ANONYMOUS;
    elasticsearch
        .snapshotWriter()
        .writeAll(
            List.of(
                Fixtures.snapshot(OLD, "羽绒服女", anon, "ok", 5),
                Fixtures.snapshot(RECENT, "羽绒服女", anon, "ok", 3)));
    Reports reports = new Reports(elasticsearch.client(), elasticsearch.names());
    assertThat(reports.counts(OLD).listings()).isEqualTo(5);

    LocalDate today = LocalDate.now();
    scheduler.run(today);
    scheduler.run(today); // a second run of the same day is refused, quietly

    elasticsearch
        .client()
        .indices()
        .refresh(
            r ->
                r.index(MallrankITSupport.prefix(RetentionJobIT.class) + "-*")
                    .ignoreUnavailable(true)
                    .allowNoIndices(true));
    assertThat(reports.counts(OLD).listings()).as("old listings deleted").isZero();
    assertThat(reports.counts(RECENT).listings()).as("recent listings kept").isEqualTo(3);
    assertThat(reports.counts(OLD).samples()).as("samples kept").isEqualTo(1);
    long summaries =
        elasticsearch
            .client()
            .count(c -> c.index(elasticsearch.names().prefix() + "-daily").ignoreUnavailable(true))
            .count();
    assertThat(summaries).as("one summary per product of the old day").isEqualTo(5);
    assertThat(jobOperator.getJobInstances(RetentionJobConfiguration.JOB_NAME, 0, 10)).hasSize(1);
  }
}
