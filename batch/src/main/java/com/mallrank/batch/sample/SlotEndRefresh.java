package com.mallrank.batch.sample;

import com.mallrank.batch.runtime.ElasticsearchRuntime;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * Reports' freshness: when a slot's job ends (all its partitions, wherever they ran, then change
 * detection, which refreshes before it reads), one refresh of the listings and samples makes
 * everything the slot stored searchable before the job is reported done, so a report run right
 * after the slot sees every document. This replaces a refresh wait in every bulk request ({@code
 * index.refresh: wait_for}, which capped one writer thread near one bulk per second): the bulks go
 * out with {@code refresh: false} and the slot pays one refresh.
 *
 * <p>A refresh that fails is logged by Spring Batch and does not fail the slot: its documents are
 * stored, and the indices' own refresh ({@code refresh_interval: 1s}) makes them searchable within
 * a second.
 */
class SlotEndRefresh implements JobExecutionListener {

  private final ElasticsearchRuntime elasticsearch;

  SlotEndRefresh(ElasticsearchRuntime elasticsearch) {
    this.elasticsearch = elasticsearch;
  }

  @Override
  public void afterJob(JobExecution jobExecution) {
    elasticsearch.refreshListingsAndSamples("at the end of the slot");
  }
}
