package com.mallrank.batch.sample;

import com.mallrank.batch.ops.SampleMetrics;
import com.mallrank.index.document.SampleDocument;
import com.mallrank.index.write.Snapshot;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

/**
 * After each committed chunk of one partition: counts the samples by status in the partition's step
 * context, feeds the metrics and the slot's progress.
 */
class SampleStatusListener implements ItemWriteListener<Snapshot> {

  private final StepExecution stepExecution;
  private final SampleMetrics metrics;
  private final SlotProgress progress;

  SampleStatusListener(StepExecution stepExecution, SampleMetrics metrics, SlotProgress progress) {
    this.stepExecution = stepExecution;
    this.metrics = metrics;
    this.progress = progress;
  }

  @Override
  public void afterWrite(Chunk<? extends Snapshot> items) {
    for (Snapshot snapshot : items) {
      SampleDocument sample = snapshot.sample();
      StatusCounts.increment(stepExecution.getExecutionContext(), sample.status());
      // the job's own group is the last one a (possibly shared) sample lists
      metrics.sample(
          sample.group() == null ? null : sample.group().get(sample.group().size() - 1),
          sample.status());
      progress.stored(stepExecution.getJobExecutionId(), sample);
    }
  }
}
