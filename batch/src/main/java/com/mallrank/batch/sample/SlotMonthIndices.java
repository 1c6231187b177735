package com.mallrank.batch.sample;

import com.mallrank.batch.runtime.ElasticsearchRuntime;
import java.time.Instant;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * Before a slot's job samples anything: its month's indices and the next month's exist and are
 * active ({@link ElasticsearchRuntime#ensureMonths}). So a month's indices are created during the
 * month before, at the first slot that sees it coming, and no job of a month's first slots creates
 * an index while another job's change detection searches (which would answer 503 "no shard
 * available"). When they cannot be created the slot fails before fetching, restartable.
 */
class SlotMonthIndices implements JobExecutionListener {

  private final ElasticsearchRuntime elasticsearch;

  SlotMonthIndices(ElasticsearchRuntime elasticsearch) {
    this.elasticsearch = elasticsearch;
  }

  @Override
  public void beforeJob(JobExecution jobExecution) {
    String slot = jobExecution.getJobParameters().getString(SampleJobConfiguration.SLOT);
    if (slot != null) {
      elasticsearch.ensureMonths(Instant.parse(slot));
    }
  }
}
