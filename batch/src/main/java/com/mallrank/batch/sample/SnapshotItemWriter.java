package com.mallrank.batch.sample;

import com.mallrank.batch.ops.SampleMetrics;
import com.mallrank.index.write.Snapshot;
import com.mallrank.index.write.SnapshotWriter;
import java.util.List;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Writes a chunk of samples and their listings in one bulk request. A failed item fails the chunk
 * (and the step): the slot is then restarted, and deterministic ids make the rewrite idempotent.
 */
class SnapshotItemWriter implements ItemWriter<Snapshot> {

  private final SnapshotWriter writer;
  private final SampleMetrics metrics;

  SnapshotItemWriter(SnapshotWriter writer, SampleMetrics metrics) {
    this.writer = writer;
    this.metrics = metrics;
  }

  @Override
  public void write(Chunk<? extends Snapshot> chunk) {
    List<Snapshot> snapshots = List.copyOf(chunk.getItems());
    metrics.bulk().record(() -> writer.writeAll(snapshots));
  }
}
