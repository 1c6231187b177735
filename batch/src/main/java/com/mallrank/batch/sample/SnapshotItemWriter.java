package com.mallrank.batch.sample;

import com.mallrank.batch.ops.SampleMetrics;
import com.mallrank.index.write.Snapshot;
import com.mallrank.index.write.SnapshotWriter;
import java.util.List;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Writes a chunk (one JobRepository commit, {@code batch.commit-interval} samples) of samples and
 * their listings in bulk requests of {@code batch.chunk-size} samples. A failed item fails the
 * chunk (and the step): the slot is then restarted from the last commit, and deterministic ids make
 * the rewrite of the chunk's already written bulks idempotent.
 */
class SnapshotItemWriter implements ItemWriter<Snapshot> {

  private final SnapshotWriter writer;
  private final SampleMetrics metrics;
  private final int bulkSize;

  SnapshotItemWriter(SnapshotWriter writer, SampleMetrics metrics, int bulkSize) {
    this.writer = writer;
    this.metrics = metrics;
    this.bulkSize = bulkSize;
  }

  @Override
  public void write(Chunk<? extends Snapshot> chunk) {
    List<Snapshot> snapshots = List.copyOf(chunk.getItems());
    for (int from = 0; from < snapshots.size(); from += bulkSize) {
      List<Snapshot> bulk = snapshots.subList(from, Math.min(snapshots.size(), from + bulkSize));
      metrics.bulk().record(() -> writer.writeAll(bulk));
    }
  }
}
