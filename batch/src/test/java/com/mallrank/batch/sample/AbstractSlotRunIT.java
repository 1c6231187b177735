package com.mallrank.batch.sample;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import com.mallrank.batch.demo.SandboxRuntime;
import com.mallrank.batch.jobs.SlotRun;
import com.mallrank.batch.jobs.SlotRuns;
import com.mallrank.batch.plan.KeywordGroup;
import com.mallrank.batch.runtime.PlanRepository;
import com.mallrank.batch.runtime.SamplerFactory;
import com.mallrank.batch.runtime.SiteProfileRegistry;
import com.mallrank.batch.sample.SampleLauncher.SlotRefusedException;
import com.mallrank.batch.testing.ChildJvm;
import com.mallrank.batch.testing.MallrankIT;
import com.mallrank.batch.testing.StoredIds;
import com.mallrank.batch.testing.TcpProxy;
import com.mallrank.batch.testing.TestPlans;
import com.mallrank.index.schema.IndexBootstrap;
import com.mallrank.index.schema.IndexNames;
import com.mallrank.index.testing.LocalElasticsearchExtension;
import com.mallrank.index.write.SnapshotWriter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The sample job's promises under failure, on the real Elasticsearch (behind a proxy the test can
 * cut) and a real JobRepository database (H2 file, PostgreSQL: the subclasses): an outage fails the
 * step and a restart completes the slot exactly as an undisturbed run; a process killed mid-slot is
 * recovered and its slot completed without duplicates; a slot launched twice at once runs once.
 */
@MallrankIT(
    plan = "",
    properties = {
      "batch.threads=2",
      "batch.chunk-size=2",
      "batch.commit-interval=2",
      "index.refresh=true"
    })
abstract class AbstractSlotRunIT {

  static final String GROUP = "restart";
  static final String KILL_GROUP = "kill";
  private static TcpProxy proxy;
  private static Path dir;

  @Autowired SampleLauncher launcher;
  @Autowired SandboxRuntime sandbox;
  @Autowired PlanRepository plans;
  @Autowired JobRepository jobRepository;
  @Autowired SlotRuns slotRuns;
  @Autowired SamplerFactory samplers;
  @Autowired SiteProfileRegistry profiles;
  @Autowired org.springframework.context.ApplicationContext context;

  @Value("${index.prefix}")
  String prefix;

  @Value("${spring.datasource.url}")
  String datasourceUrl;

  @Value("${spring.datasource.username:}")
  String datasourceUser;

  @Value("${spring.datasource.password:}")
  String datasourcePassword;

  /** Elasticsearch behind the proxy, a plan of two groups. */
  static void commonProperties(DynamicPropertyRegistry registry) {
    registry.add("index.es.url", () -> proxy().url());
    // an outage here outlasts any bound: fail the step after 2 s of retries, not the shipped 2 min
    registry.add("index.bulk-retry", () -> "2s");
    registry.add("batch.plan", () -> plan().toString());
  }

  static synchronized Path dir() {
    if (dir == null) {
      try {
        dir = Files.createTempDirectory("mallrank-slot-it");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return dir;
  }

  static synchronized TcpProxy proxy() {
    if (proxy == null) {
      try {
        int port =
            Integer.parseInt(LocalElasticsearchExtension.url().replaceAll(".*:(\\d+).*", "$1"));
        proxy = new TcpProxy(port);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return proxy;
  }

  private static Path plan() {
    Path plan = dir().resolve("plan.yml");
    if (!Files.exists(plan)) {
      StringBuilder yaml = new StringBuilder("groups:\n");
      group(yaml, GROUP, TestPlans.keywords(40));
      group(yaml, KILL_GROUP, TestPlans.keywords(120));
      try {
        Files.writeString(plan, yaml);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return plan;
  }

  private static void group(StringBuilder yaml, String name, List<String> keywords) {
    yaml.append("  - name: ").append(name).append('\n');
    yaml.append("    profile: sandbox-static\n    depth: 60\n    vantages: [anonymous]\n");
    yaml.append("    keywords:\n");
    keywords.forEach(k -> yaml.append("      - ").append(k).append('\n'));
  }

  @AfterAll
  static void restoreProxy() {
    if (proxy != null) {
      proxy.restore();
    }
  }

  /** A slot of its own for each test and subclass, so none sees another's job instance. */
  Instant slot(int test) {
    return Instant.parse("2026-11-20T00:05:00Z")
        .plusSeconds(3600L * (test + 10L * Math.floorMod(prefix.hashCode(), 97)));
  }

  @Test
  void anElasticsearchOutageFailsTheStepAndARestartCompletesTheSlotAsAnUndisturbedRun() {
    Instant slot = slot(1);
    sandbox.mall().setTime(slot);
    KeywordGroup group = plans.plan().requireGroup(GROUP);
    proxy().cutAfter("_bulk", 4);

    long begin = System.nanoTime();
    JobExecution failed = launcher.launch(GROUP, slot);
    Duration waited = Duration.ofNanos(System.nanoTime() - begin);

    assertThat(proxy().isCut()).isTrue();
    assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
    assertThat(waited)
        .as("bulks retried for index.bulk-retry (2s here), not the shipped 2 minutes")
        .isLessThan(Duration.ofSeconds(90));
    assertThat(sampleIds(prefix, slot)).hasSizeLessThan(group.keywords().size());

    proxy().restore();
    JobExecution restarted = launcher.launch(GROUP, slot);

    assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
    assertThat(restarted.getJobInstance().getId()).isEqualTo(failed.getJobInstance().getId());
    assertSameAsUndisturbedRun(group, slot);
  }

  @Test
  void theSameSlotLaunchedTwiceAtOnceRunsOnce() throws Exception {
    Instant slot = slot(2);
    sandbox.mall().setTime(slot);
    KeywordGroup group = plans.plan().requireGroup(GROUP);
    CyclicBarrier together = new CyclicBarrier(2);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<Object>> outcomes = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      outcomes.add(
          pool.submit(
              () -> {
                together.await();
                try {
                  return launcher.launch(GROUP, slot);
                } catch (SlotRefusedException e) {
                  return e;
                }
              }));
    }
    List<Object> results = new ArrayList<>();
    for (Future<Object> outcome : outcomes) {
      results.add(outcome.get(5, TimeUnit.MINUTES));
    }
    pool.shutdown();

    assertThat(results).filteredOn(JobExecution.class::isInstance).hasSize(1);
    assertThat(results).filteredOn(SlotRefusedException.class::isInstance).hasSize(1);
    JobExecution ran =
        (JobExecution) results.stream().filter(JobExecution.class::isInstance).findFirst().get();
    assertThat(ran.getStatus()).isEqualTo(BatchStatus.COMPLETED);
    JobInstance instance =
        jobRepository.getJobInstance(
            SampleJobConfiguration.JOB_NAME, SampleLauncher.parameters(GROUP, slot));
    assertThat(jobRepository.getJobExecutions(instance)).hasSize(1);
    assertSameAsUndisturbedRun(group, slot);
  }

  @Test
  void aProcessKilledMidSlotIsRecoveredAndTheSlotCompletedWithoutDuplicates() throws Exception {
    Instant slot = slot(3);
    sandbox.mall().setTime(slot);
    KeywordGroup group = plans.plan().requireGroup(KILL_GROUP);

    Process child = startChild(slot);
    long stored = waitForSamples(child, 6);
    child.destroyForcibly(); // SIGKILL: no shutdown hook, no chance to mark anything
    child.waitFor(1, TimeUnit.MINUTES);

    assertThat(stored).isLessThan(group.keywords().size());
    JobInstance instance =
        jobRepository.getJobInstance(
            SampleJobConfiguration.JOB_NAME, SampleLauncher.parameters(KILL_GROUP, slot));
    JobExecution killed = jobRepository.getLastJobExecution(instance);
    assertThat(killed.getStatus().isRunning()).as("left running by the killed JVM").isTrue();
    assertThat(killed.getJobParameters().getString(SampleJobConfiguration.OWNER))
        .endsWith(":" + child.pid());

    int tasks = group.keywords().size() * group.vantages().size();
    List<String> storedAtKill = sampleIds(prefix, slot);

    JobExecution restarted = launcher.launch(KILL_GROUP, slot);

    JobExecution failed = jobRepository.getJobExecution(killed.getId());
    assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
    assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
    long readOnRestart = partitionSum(restarted, StepExecution::getReadCount);
    long committedBeforeKill = partitionSum(failed, StepExecution::getWriteCount);
    assertThat(readOnRestart)
        .as("the restart resumes right after the committed chunks")
        .isLessThan(tasks)
        .isEqualTo(tasks - committedBeforeKill);
    // at most one uncommitted chunk (batch.commit-interval=1) per partition (2) is sampled again
    assertThat(storedAtKill.size() - committedBeforeKill)
        .as("samples stored but not committed at the kill, re-sampled under the same ids")
        .isBetween(0L, 2L);
    assertSameAsUndisturbedRun(group, slot);
  }

  private static long partitionSum(
      JobExecution execution, java.util.function.ToLongFunction<StepExecution> count) {
    return execution.getStepExecutions().stream()
        .filter(s -> s.getStepName().startsWith(SampleJobConfiguration.STEP_NAME + ":"))
        .mapToLong(count)
        .sum();
  }

  private Process startChild(Instant slot) throws IOException {
    List<String> command = ChildJvm.command("512m", SlotChildMain.class);
    command.addAll(
        List.of(
            KILL_GROUP,
            slot.toString(),
            "--spring.datasource.url=" + datasourceUrl,
            "--spring.datasource.username=" + datasourceUser,
            "--spring.datasource.password=" + datasourcePassword,
            "--index.es.url=" + LocalElasticsearchExtension.url(),
            "--index.prefix=" + prefix,
            "--index.refresh=wait_for",
            "--batch.plan=" + plan(),
            "--batch.threads=2",
            "--batch.chunk-size=1",
            "--batch.commit-interval=1"));
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }

  /** Reads the child's progress lines until it stored {@code count} samples; returns how many. */
  private static long waitForSamples(Process child, int count) throws IOException {
    Pattern progress = Pattern.compile("\\[(\\d+)/(\\d+)]");
    BufferedReader lines =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    List<String> seen = new ArrayList<>();
    String line;
    while ((line = lines.readLine()) != null) {
      seen.add(line);
      Matcher matcher = progress.matcher(line);
      if (matcher.find() && Long.parseLong(matcher.group(1)) >= count) {
        return Long.parseLong(matcher.group(1));
      }
    }
    throw new AssertionError("the child ended before storing " + count + " samples:\n" + seen);
  }

  /**
   * What the job stored for the slot equals what one plain run of the same work stores: the same
   * sample and listing ids, and samples by status that add up to one sample per task.
   */
  /**
   * Issue 21 item 6: {@code sample --slot} 50 minutes in the future was stored as a completed run,
   * so the real slot would later be refused as sampled already. It is refused: exit 3, a message
   * naming the group, the slot and the current slot, no job instance, no sample stored.
   */
  @Test
  void aSlotInTheFutureIsRefusedAndNothingIsStored() throws Exception {
    KeywordGroup group = plans.plan().requireGroup(GROUP);
    java.time.ZoneId zone = java.time.ZoneId.of("Asia/Shanghai");
    Instant now = Instant.now();
    Instant current = group.cadence().latestSlot(now).orElseThrow();
    Instant future =
        now.plus(Duration.ofMinutes(50)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
    String shown = Slots.show(future, zone).replace(' ', 'T');

    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    int code;
    java.io.PrintStream original = System.err;
    System.setErr(new java.io.PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      code =
          new picocli.CommandLine(
                  com.mallrank.batch.cli.MallrankCommand.class,
                  new picocli.CommandLine.IFactory() {
                    @Override
                    public <K> K create(Class<K> type) throws Exception {
                      try {
                        return context.getAutowireCapableBeanFactory().createBean(type);
                      } catch (RuntimeException e) {
                        return picocli.CommandLine.defaultFactory().create(type);
                      }
                    }
                  })
              .execute("sample", "--group", GROUP, "--slot", shown);
    } finally {
      System.setErr(original);
    }

    assertThat(code).isEqualTo(3);
    assertThat(err.toString(StandardCharsets.UTF_8).strip())
        .isEqualTo(
            "refused: slot "
                + Slots.show(future, zone)
                + " ("
                + future
                + ") of group '"
                + GROUP
                + "' is in the future: the group's current slot is "
                + Slots.show(current, zone)
                + " ("
                + current
                + ", cadence '0 5 * * * *'); a slot is sampled once it is due. Nothing was"
                + " sampled");
    assertThat(
            jobRepository.getJobInstance(
                SampleJobConfiguration.JOB_NAME, SampleLauncher.parameters(GROUP, future)))
        .as("no run of the future slot in the JobRepository")
        .isNull();
    String samples = new IndexNames(prefix).samplesAlias();
    assertThat(
            LocalElasticsearchExtension.client()
                .count(
                    c ->
                        c.index(samples + "*")
                            .ignoreUnavailable(true)
                            .allowNoIndices(true)
                            .query(q -> q.term(t -> t.field("slot").value(future.toString()))))
                .count())
        .as("no sample of the future slot in %s", samples)
        .isZero();
  }

  private void assertSameAsUndisturbedRun(KeywordGroup group, Instant slot) {
    String reference = prefix + "-ref";
    ElasticsearchClient client = LocalElasticsearchExtension.client();
    IndexNames names = new IndexNames(reference);
    new IndexBootstrap(client, names).apply();
    ReferenceRun.run(
        group,
        slot,
        samplers.sampler(sandbox.target()),
        profiles::get,
        sandbox.baseUrl(),
        plans.plan().ownership(),
        new SnapshotWriter(client, names, Refresh.True),
        2);

    List<String> samples = sampleIds(prefix, slot);
    assertThat(samples).hasSize(group.keywords().size() * group.vantages().size());
    assertThat(samples).containsExactlyInAnyOrderElementsOf(sampleIds(reference, slot));
    List<String> listings = listingIds(prefix, slot);
    assertThat(listings).doesNotHaveDuplicates();
    assertThat(listings).containsExactlyInAnyOrderElementsOf(listingIds(reference, slot));

    SlotRun run =
        slotRuns.recent(50, group.name()).stream()
            .filter(r -> r.slot().equals(slot))
            .findFirst()
            .orElseThrow();
    assertThat(run.samples().values().stream().mapToLong(Long::longValue).sum())
        .as("samples by status across partitions and restarts: %s", run.samples())
        .isEqualTo(samples.size());
  }

  private static List<String> sampleIds(String prefix, Instant slot) {
    return StoredIds.ofSlot(new IndexNames(prefix).samplesAlias(), slot);
  }

  private static List<String> listingIds(String prefix, Instant slot) {
    return StoredIds.ofSlot(new IndexNames(prefix).listingsAlias(), slot);
  }
}
