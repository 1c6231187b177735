package com.mallrank.batch.sample;

import com.mallrank.batch.runtime.ElasticsearchRuntime;
import java.time.Instant;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * The slot job's indices, before and after it runs.
 *
 * <p>Before the job samples anything: its month's indices and the next month's exist and are active
 * ({@link ElasticsearchRuntime#ensureMonths}). So a month's indices are created during the month
 * before, at the first slot that sees it coming, and no job of a month's first slots creates an
 * index while another job's change detection searches (which would answer 503 "no shard
 * available"). When they cannot be created the slot fails before fetching, restartable.
 *
 * <p>Reports' freshness: when the job ends (all its partitions, wherever they ran, then change
 * detection, which refreshes before it reads), one refresh of the listings and samples makes
 * everything the slot stored searchable before the job is reported done, so a report run right
 * after the slot sees every document. This replaces a refresh wait in every bulk request ({@code
 * index.refresh: wait_for}, which capped one writer thread near one bulk per second): the bulks go
 * out with {@code refresh: false} and the slot pays one refresh. A refresh that fails is logged by
 * Spring Batch and does not fail the slot: its documents are stored, and the indices' own refresh
 * ({@code refresh_interval: 1s}) makes them searchable within a second.
 */
class SlotIndices implements JobExecutionListener {

  private final ElasticsearchRuntime elasticsearch;

  SlotIndices(ElasticsearchRuntime elasticsearch) {
    this.elasticsearch = elasticsearch;
  }

  @Override
  public void beforeJob(JobExecution jobExecution) {
    String slot = jobExecution.getJobParameters().getString(SampleJobConfiguration.SLOT);
    if (slot != null) {
      elasticsearch.ensureMonths(Instant.parse(slot));
    }
  }

  @Override
  public void afterJob(JobExecution jobExecution) {
    elasticsearch.refreshListingsAndSamples("at the end of the slot");
  }
}
