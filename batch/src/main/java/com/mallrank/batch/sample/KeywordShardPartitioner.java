package com.mallrank.batch.sample;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Splits a slot into keyword shards: partition {@code shardN} samples the keywords whose plan index
 * is N modulo the shard count. Deterministic, so a restarted slot gets the same partitions and
 * Spring Batch re-runs only those that did not complete, each from its last commit.
 */
class KeywordShardPartitioner implements Partitioner {

  /** Step-context key: this partition's shard. */
  static final String SHARD = "shard";

  /** Step-context key: the number of shards. */
  static final String SHARDS = "shards";

  private final int keywords;

  KeywordShardPartitioner(int keywords) {
    this.keywords = keywords;
  }

  @Override
  public Map<String, ExecutionContext> partition(int gridSize) {
    int shards = Math.max(1, Math.min(gridSize, keywords));
    Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
    for (int shard = 0; shard < shards; shard++) {
      ExecutionContext context = new ExecutionContext();
      context.putInt(SHARD, shard);
      context.putInt(SHARDS, shards);
      partitions.put("shard" + shard, context);
    }
    return partitions;
  }
}
