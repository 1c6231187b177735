package com.mallrank.batch.sample;

import com.mallrank.batch.plan.KeywordGroup;
import com.mallrank.batch.plan.Plan;
import com.mallrank.batch.plan.SharedSamples;
import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

/**
 * Reads one keyword shard of a group's samples, keyword by keyword and vantage by vantage.
 * Restartable: the number of tasks already read is kept in the (partition) step's execution
 * context, so a restarted slot resumes after the last committed chunk instead of sampling
 * everything again.
 */
public class SampleTaskReader extends AbstractItemCountingItemStreamItemReader<SampleTask> {

  private final List<SampleTask> tasks;

  /** Reads all of a group's tasks (a plan of this group alone: nothing shared). */
  public SampleTaskReader(KeywordGroup group) {
    this(null, group, 0, 1);
  }

  /** Reads the tasks of the keywords whose plan index is {@code shard} modulo {@code shards}. */
  public SampleTaskReader(Plan plan, KeywordGroup group, int shard, int shards) {
    this(plan, group, shard, shards, null);
  }

  /**
   * Reads the tasks of one vantage ({@code null}: every vantage) for the keywords whose plan index
   * is {@code shard} modulo {@code shards}: a remote partition.
   */
  public SampleTaskReader(Plan plan, KeywordGroup group, int shard, int shards, String vantage) {
    setName("sampleTasks");
    this.tasks =
        vantage == null
            ? tasksOf(plan, group, shard, shards)
            : tasksOf(plan, group, shard, shards).stream()
                .filter(task -> task.vantage().equals(vantage))
                .toList();
    setMaxItemCount(tasks.size());
  }

  /** The tasks of a group in sampling order: for each keyword, each vantage. */
  public static List<SampleTask> tasksOf(KeywordGroup group) {
    return tasksOf(null, group, 0, 1);
  }

  /**
   * The tasks of one keyword shard of a group, in sampling order, each with the other groups of the
   * plan ({@code null}: none) that share it.
   */
  public static List<SampleTask> tasksOf(Plan plan, KeywordGroup group, int shard, int shards) {
    SharedSamples shared =
        SharedSamples.of(plan == null ? Plan.of(null, List.of(), List.of(group)) : plan);
    List<SampleTask> tasks = new ArrayList<>();
    List<String> keywords = group.keywords();
    for (int i = shard; i < keywords.size(); i += shards) {
      String keyword = keywords.get(i);
      for (String vantage : group.vantages()) {
        tasks.add(
            new SampleTask(
                group.name(),
                keyword,
                vantage,
                group.profile(),
                shared.depthOf(group, keyword, vantage),
                shared.othersOf(group, keyword, vantage)));
      }
    }
    return List.copyOf(tasks);
  }

  @Override
  protected SampleTask doRead() {
    int index = getCurrentItemCount() - 1;
    return index < tasks.size() ? tasks.get(index) : null;
  }

  @Override
  protected void jumpToItem(int itemIndex) {
    // Items are addressed by index: nothing to skip over.
  }

  @Override
  protected void doOpen() {}

  @Override
  protected void doClose() {}
}
