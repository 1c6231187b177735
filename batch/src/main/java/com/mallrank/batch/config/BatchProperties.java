package com.mallrank.batch.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code batch.*}: what is sampled and how jobs run.
 *
 * @param plan the keyword plan: groups, keywords, vantages and matrix accounts (YAML)
 * @param zone the time zone slots are written and shown in, and cadences read in (Douyin races by
 *     Beijing hour)
 * @param chunkSize how many samples are written to Elasticsearch per bulk request
 * @param commitInterval how many samples of a partition are taken between two JobRepository commits
 *     (written in bulks of {@code chunkSize}): what a crash or a kill re-samples at most per
 *     partition on restart (under the same ids), and what divides the repository's cost per sample
 * @param threads how many samples of a slot are taken at once: the slot is split into this many
 *     keyword shards (partitions), each with its own fetcher or browser
 * @param staleAfter an execution left running by a process on another host is taken for dead when
 *     its repository row has not been updated for this long (same host: when its process is gone)
 * @param accountsDir where {@code mallrank accounts import} keeps login states (owner-only files)
 * @param schedule the scheduler of {@code mallrank serve}
 */
@ConfigurationProperties("batch")
public record BatchProperties(
    Path plan,
    ZoneId zone,
    int chunkSize,
    int commitInterval,
    int threads,
    Duration staleAfter,
    Path accountsDir,
    Schedule schedule) {

  /**
   * The scheduler: it only starts jobs.
   *
   * @param tick how often due slots are looked for
   * @param jitter a slot's start is spread over this long after its time, per group
   * @param lateAfter a slot started later than this after its time is flagged late
   * @param lookback how far back, at start-up, slots with no run are reported as missed
   * @param concurrentJobs how many slots (of different groups) may run at once
   * @param shutdownGrace on SIGTERM, how long running slots get to stop at a chunk boundary
   */
  public record Schedule(
      Duration tick,
      Duration jitter,
      Duration lateAfter,
      Duration lookback,
      int concurrentJobs,
      Duration shutdownGrace) {}
}
