package com.mallrank.batch.sample;

import com.mallrank.batch.plan.KeywordGroup;
import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

/**
 * Reads a group's samples, keyword by keyword and vantage by vantage. Restartable: the number of
 * tasks already read is kept in the step's execution context, so a restarted slot resumes after the
 * last committed chunk instead of sampling everything again.
 */
public class SampleTaskReader extends AbstractItemCountingItemStreamItemReader<SampleTask> {

  private final List<SampleTask> tasks;

  public SampleTaskReader(KeywordGroup group) {
    setName("sampleTasks");
    this.tasks = tasksOf(group);
    setMaxItemCount(tasks.size());
  }

  /** The tasks of a group in sampling order: for each keyword, each vantage. */
  public static List<SampleTask> tasksOf(KeywordGroup group) {
    List<SampleTask> tasks = new ArrayList<>();
    for (String keyword : group.keywords()) {
      for (String vantage : group.vantages()) {
        tasks.add(new SampleTask(group.name(), keyword, vantage, group.profile(), group.depth()));
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
