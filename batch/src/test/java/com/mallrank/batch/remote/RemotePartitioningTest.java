package com.mallrank.batch.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mallrank.batch.plan.Cadence;
import com.mallrank.batch.plan.KeywordGroup;
import com.mallrank.batch.plan.Plan;
import com.mallrank.batch.sample.SampleTask;
import com.mallrank.batch.sample.SampleTaskReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.jms.support.converter.MessageConversionException;

/**
 * The pure parts of remote partitioning: partitions, plan versions, requests on the wire, roles.
 */
class RemotePartitioningTest {

  private static final Duration ES_TIMEOUT = Duration.ofSeconds(3);
  private static final Duration ES_INTERVAL = Duration.ofSeconds(5);

  private static KeywordGroup group(List<String> keywords) {
    return new KeywordGroup(
        "g", "sandbox-static", 20, List.of("anonymous", "mx-a"), keywords, null, Map.of());
  }

  private static Plan plan(KeywordGroup group) {
    return Plan.of(null, List.of(), List.of(group));
  }

  @Test
  void partitionsSplitByIdentityThenShardAndCoverEveryTaskOnce() {
    KeywordGroup group = group(List.of("k1", "k2", "k3", "k4", "k5"));
    Map<String, ExecutionContext> partitions =
        new IdentityShardPartitioner(group, 2, "abc").partition(99);

    assertThat(partitions.keySet())
        .containsExactly("anonymous-shard0", "anonymous-shard1", "mx-a-shard0", "mx-a-shard1");
    ExecutionContext mx1 = partitions.get("mx-a-shard1");
    assertThat(mx1.getString(IdentityShardPartitioner.VANTAGE)).isEqualTo("mx-a");
    assertThat(mx1.getInt(IdentityShardPartitioner.SHARD)).isEqualTo(1);
    assertThat(mx1.getInt(IdentityShardPartitioner.SHARDS)).isEqualTo(2);
    assertThat(mx1.getString(PlanVersion.KEY)).isEqualTo("abc");

    List<String> tasks = new ArrayList<>();
    partitions.values().forEach(c -> tasks.addAll(read(group, c)));
    assertThat(tasks)
        .hasSize(10)
        .doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(
            SampleTaskReader.tasksOf(group).stream()
                .map(t -> t.keyword() + "@" + t.vantage())
                .toList());
    assertThat(read(group, partitions.get("mx-a-shard1"))).containsExactly("k2@mx-a", "k4@mx-a");
  }

  @Test
  void aGroupSmallerThanTheShardsGetsOneShardPerKeyword() {
    KeywordGroup group = group(List.of("only"));
    assertThat(new IdentityShardPartitioner(group, 4, "v").partition(1).keySet())
        .containsExactly("anonymous-shard0", "mx-a-shard0");
  }

  private static List<String> read(KeywordGroup group, ExecutionContext context) {
    SampleTaskReader reader =
        new SampleTaskReader(
            plan(group),
            group,
            context.getInt(IdentityShardPartitioner.SHARD),
            context.getInt(IdentityShardPartitioner.SHARDS),
            context.getString(IdentityShardPartitioner.VANTAGE));
    reader.open(new ExecutionContext());
    List<String> read = new ArrayList<>();
    try {
      for (SampleTask task = reader.read(); task != null; task = reader.read()) {
        read.add(task.keyword() + "@" + task.vantage());
      }
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    return read;
  }

  @Test
  void thePlanVersionChangesWithWhatIsSampledOnly() {
    String version = PlanVersion.of(plan(group(List.of("k1", "k2"))));
    assertThat(version).matches("[0-9a-f]{12}");
    assertThat(PlanVersion.of(plan(group(List.of("k1", "k2"))))).isEqualTo(version);
    assertThat(PlanVersion.of(plan(group(List.of("k2", "k1"))))).isNotEqualTo(version);
    assertThat(PlanVersion.of(plan(group(List.of("k1", "k2", "k3"))))).isNotEqualTo(version);
    KeywordGroup deeper =
        new KeywordGroup(
            "g",
            "sandbox-static",
            60,
            List.of("anonymous", "mx-a"),
            List.of("k1", "k2"),
            null,
            Map.of());
    assertThat(PlanVersion.of(plan(deeper))).isNotEqualTo(version);
  }

  @Test
  void aRequestOnTheWireIsAStepNameAndAnIdNothingElse() {
    StepExecutionRequest request = PartitionRequests.parse("sampleKeywords 42");
    assertThat(request.getStepName()).isEqualTo("sampleKeywords");
    assertThat(request.getStepExecutionId()).isEqualTo(42L);

    assertThatThrownBy(() -> PartitionRequests.parse(null))
        .isInstanceOf(MessageConversionException.class)
        .hasMessage("partition request is not a text message");
    assertThatThrownBy(() -> PartitionRequests.parse("sampleKeywords 4x\u001b[2J"))
        .isInstanceOf(MessageConversionException.class)
        .hasMessage("partition request is not '<step> <stepExecutionId>': 'sampleKeywords 4x?[2J'");
    assertThatThrownBy(() -> PartitionRequests.parse("a ".repeat(200)))
        .isInstanceOf(MessageConversionException.class)
        .hasMessage("partition request of 400 chars (at most 300)");
    assertThatThrownBy(() -> PartitionRequests.parse("s 99999999999999999999"))
        .isInstanceOf(MessageConversionException.class);
  }

  @Test
  void rolesAreReadInAnyCaseAndAMistakeNamesTheKey() {
    assertThat(Role.parse(null)).isEqualTo(Role.ALL);
    assertThat(Role.parse(" Worker ")).isEqualTo(Role.WORKER);
    assertThat(Role.parse("MANAGER")).isEqualTo(Role.MANAGER);
    assertThatThrownBy(() -> Role.parse("boss"))
        .hasMessage("batch.role: 'boss' is not a role; expected one of manager, worker, all");
  }

  @Test
  void durationsAreShownAsConfigured() {
    assertThat(RemotePartitionHandler.show(Duration.ofHours(2))).isEqualTo("2h");
    assertThat(RemotePartitionHandler.show(Duration.ofSeconds(90))).isEqualTo("1m30s");
  }

  @Test
  void theBrokerIsWaitedForWithAWaitDoublingFromOneSecondToFifteen() {
    List<Duration> waits = new ArrayList<>();
    for (int retry = 1; retry <= 7; retry++) {
      waits.add(RemotePartitionHandler.BROKER_BACKOFF.delay(retry));
    }
    assertThat(waits)
        .containsExactly(
            Duration.ofSeconds(1),
            Duration.ofSeconds(2),
            Duration.ofSeconds(4),
            Duration.ofSeconds(8),
            Duration.ofSeconds(15),
            Duration.ofSeconds(15),
            Duration.ofSeconds(15));
  }

  @Test
  void badRemoteSettingsAreNamed() {
    assertThatThrownBy(() -> remote("q", 0, "DLQ"))
        .hasMessage("batch.remote.shards-per-identity must be at least 1, not 0");
    assertThatThrownBy(() -> remote(" ", 1, "DLQ"))
        .hasMessage("batch.remote.queue must not be blank");
    assertThatThrownBy(() -> remote("q", 1, ""))
        .hasMessage("batch.remote.dead-letter-queue must not be blank");
    assertThat(Cadence.class).isNotNull();
  }

  private static RemoteProperties remote(String queue, int shards, String deadLetterQueue) {
    return new RemoteProperties(
        queue,
        Duration.ofHours(1),
        Duration.ofSeconds(1),
        Duration.ofMinutes(1),
        shards,
        1,
        ES_TIMEOUT,
        ES_INTERVAL,
        deadLetterQueue,
        Duration.ofMinutes(1));
  }
}
