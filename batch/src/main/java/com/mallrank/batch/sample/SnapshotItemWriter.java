package com.mallrank.batch.sample;

import com.mallrank.index.write.Snapshot;
import com.mallrank.index.write.SnapshotWriter;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Writes a chunk of samples and their listings in one bulk request. A failed item fails the chunk
 * (and the step): the slot is then restarted, and deterministic ids make the rewrite idempotent.
 */
class SnapshotItemWriter implements ItemWriter<Snapshot> {

  private final SnapshotWriter writer;

  SnapshotItemWriter(SnapshotWriter writer) {
    this.writer = writer;
  }

  @Override
  public void write(Chunk<? extends Snapshot> chunk) {
    writer.writeAll(java.util.List.copyOf(chunk.getItems()));
  }
}
