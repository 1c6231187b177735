package com.mallrank.batch.alert;

import java.util.ArrayList;
import java.util.List;

/**
 * A partition request the broker dead-lettered (workers handed it back {@code
 * max-delivery-attempts} times, e.g. none of them reached Elasticsearch): one critical alert per
 * partition ("分区 X 已进入死信队列"), since its keywords are not sampled and its slot will fail at {@code
 * batch.remote.partition-timeout}. Its dedupe key names the partition ({@code partition:<step
 * execution id>}), so it alerts once per dedupe window however often the manager looks.
 */
public final class DeadLetterRule extends IdentifiedRule {

  public static final String ID = "partition_dead_lettered";

  public DeadLetterRule() {
    super(ID);
  }

  @Override
  public List<Alert> evaluate(AlertInput input) {
    List<Alert> alerts = new ArrayList<>();
    for (AlertInput.DeadLetter letter : input.deadLetters()) {
      String partition =
          letter.partition() == null
              ? "step execution " + letter.stepExecutionId()
              : letter.partition() + " (step execution " + letter.stepExecutionId() + ")";
      alerts.add(
          new Alert(
              ID,
              Alert.Severity.CRITICAL,
              input.slot(),
              null,
              null,
              "partition:" + letter.stepExecutionId(),
              letter.identity(),
              null,
              "分区 " + partition + " 已进入死信队列",
              "worker 多次退回该分区请求"
                  + (letter.group() == null ? "" : "（分组 " + letter.group() + "）")
                  + "，其关键词未采样；排除原因（如 worker 连不上 Elasticsearch）后运行 mallrank broker"
                  + " requeue 重新投递"));
    }
    return alerts;
  }
}
