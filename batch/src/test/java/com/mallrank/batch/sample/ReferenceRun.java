package com.mallrank.batch.sample;

import com.mallrank.batch.plan.KeywordGroup;
import com.mallrank.batch.plan.MatrixOwnership;
import com.mallrank.crawler.fetch.CookieJar;
import com.mallrank.crawler.profile.SiteProfile;
import com.mallrank.crawler.sampler.KeywordSampler;
import com.mallrank.crawler.sampler.SampleResult;
import com.mallrank.index.write.Snapshot;
import com.mallrank.index.write.SnapshotWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The sample job's work without Spring Batch: for each task fetch, extract, map, and bulk-write per
 * chunk, on one thread. The undisturbed reference the restart tests compare with, and the baseline
 * of the batch-overhead benchmark.
 */
public final class ReferenceRun {

  private ReferenceRun() {}

  /** Samples every task of the group for the slot and writes them; returns the samples written. */
  public static int run(
      KeywordGroup group,
      Instant slot,
      KeywordSampler sampler,
      Function<String, SiteProfile> profiles,
      String base,
      MatrixOwnership ownership,
      SnapshotWriter writer,
      int chunkSize) {
    List<Snapshot> chunk = new ArrayList<>();
    int written = 0;
    for (SampleTask task : SampleTaskReader.tasksOf(group)) {
      SampleResult result =
          sampler.sample(
              profiles.apply(task.profile()),
              base,
              task.keyword(),
              task.vantage(),
              CookieJar.empty(),
              task.depth());
      chunk.add(SnapshotMapper.toSnapshot(task, slot, result, ownership));
      if (chunk.size() == chunkSize) {
        writer.writeAll(List.copyOf(chunk));
        written += chunk.size();
        chunk.clear();
      }
    }
    if (!chunk.isEmpty()) {
      writer.writeAll(List.copyOf(chunk));
      written += chunk.size();
    }
    return written;
  }
}
