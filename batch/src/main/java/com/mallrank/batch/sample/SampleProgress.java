package com.mallrank.batch.sample;

import com.mallrank.index.write.Snapshot;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.infrastructure.item.Chunk;

/**
 * Reports progress as samples are stored: one line per sample (done/total, keyword, vantage,
 * status, listings) and a count by status at the end of each chunk.
 */
class SampleProgress implements ItemWriteListener<Snapshot> {

  private static final Logger log = LoggerFactory.getLogger(SampleProgress.class);

  private final int total;
  private final AtomicInteger done = new AtomicInteger();
  private final Map<String, Integer> byStatus = new TreeMap<>();

  SampleProgress(int total) {
    this.total = total;
  }

  @Override
  public synchronized void afterWrite(Chunk<? extends Snapshot> items) {
    for (Snapshot snapshot : items) {
      var sample = snapshot.sample();
      byStatus.merge(sample.status(), 1, Integer::sum);
      log.debug(
          "[{}/{}] {} @ {}: {} ({} listings, {} ms)",
          done.incrementAndGet(),
          total,
          sample.keyword(),
          sample.vantage(),
          sample.status(),
          sample.resultCount(),
          sample.durationMillis());
    }
    log.info("[{}/{}] samples stored, by status: {}", done.get(), total, byStatus);
  }
}
