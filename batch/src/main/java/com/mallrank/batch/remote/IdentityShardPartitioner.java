package com.mallrank.batch.remote;

import com.mallrank.batch.plan.KeywordGroup;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Splits a slot by identity first, then by keyword shard: partition {@code <vantage>-shardN}
 * samples, for that vantage only, the keywords whose plan index is N modulo the shard count. All
 * partitions of an identity carry it as their message group, so they run on one worker, where its
 * browser context, pacing and request budget live. Deterministic, so a restarted slot gets the same
 * partitions and reruns only those that did not complete.
 */
public record IdentityShardPartitioner(
    KeywordGroup group, int shardsPerIdentity, String planVersion) implements Partitioner {

  /** Step-context key: the partition's vantage (identity). */
  public static final String VANTAGE = "vantage";

  /** Step-context key: this partition's keyword shard (as the local partitioner's). */
  public static final String SHARD = "shard";

  /** Step-context key: the number of keyword shards of the vantage. */
  public static final String SHARDS = "shards";

  @Override
  public Map<String, ExecutionContext> partition(int gridSize) {
    int shards = Math.max(1, Math.min(shardsPerIdentity, group.keywords().size()));
    Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
    for (String vantage : group.vantages()) {
      for (int shard = 0; shard < shards; shard++) {
        ExecutionContext context = new ExecutionContext();
        context.putString(VANTAGE, vantage);
        context.putInt(SHARD, shard);
        context.putInt(SHARDS, shards);
        context.putString(PlanVersion.KEY, planVersion);
        partitions.put(vantage + "-shard" + shard, context);
      }
    }
    return partitions;
  }
}
