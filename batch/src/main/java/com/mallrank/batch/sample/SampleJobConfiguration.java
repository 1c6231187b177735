package com.mallrank.batch.sample;

import com.mallrank.batch.budget.RequestBudgets;
import com.mallrank.batch.config.BatchProperties;
import com.mallrank.batch.evidence.EvidenceKeeper;
import com.mallrank.batch.ops.ProcessOwner;
import com.mallrank.batch.ops.SampleMetrics;
import com.mallrank.batch.plan.KeywordGroup;
import com.mallrank.batch.plan.Plan;
import com.mallrank.batch.remote.ConditionalOnRole;
import com.mallrank.batch.remote.IdentityShardPartitioner;
import com.mallrank.batch.remote.Role;
import com.mallrank.batch.runtime.AccountCookies;
import com.mallrank.batch.runtime.ElasticsearchRuntime;
import com.mallrank.batch.runtime.LoginStates;
import com.mallrank.batch.runtime.MainImages;
import com.mallrank.batch.runtime.PlanRepository;
import com.mallrank.batch.runtime.SamplerFactory;
import com.mallrank.batch.runtime.SiteProfileRegistry;
import com.mallrank.batch.runtime.Target;
import com.mallrank.batch.runtime.Targets;
import com.mallrank.index.write.Snapshot;
import com.mallrank.index.write.StoredSamples;
import java.time.Instant;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.DefaultJobParametersValidator;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.partition.support.TaskExecutorPartitionHandler;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The {@code sample} job. Its first step, {@value #MANAGER_STEP_NAME}, splits the slot into keyword
 * shards ({@link KeywordShardPartitioner}, {@code batch.threads} of them) run side by side by a
 * local {@link TaskExecutorPartitionHandler}; each partition runs {@value #STEP_NAME}: read the
 * shard's (keyword, vantage) tasks, sample each with the partition's own fetcher, bulk-write the
 * samples with their listings. Its second step, {@code detectChanges}, compares the slot with the
 * previous ok samples and sends alerts ({@link
 * com.mallrank.batch.changes.ChangeDetectionConfiguration}).
 *
 * <p>Identifying parameters: {@value #GROUP} and {@value #SLOT}, so a slot of a group runs once and
 * a failed slot restarts where it stopped, partition by partition. Non-identifying: {@value #OWNER}
 * (the process, for crash recovery) and {@value #LATE} (started after its window opened).
 *
 * <p>Fault policy: a keyword whose sampling fails is stored as a sample with status {@code error}
 * and the reason (never skipped, never dropped); a write the cluster cannot take is retried by the
 * index's writer for {@code index.bulk-retry} (the one retry of a write), then fails the step, so
 * the slot can be restarted.
 */
@Configuration
public class SampleJobConfiguration {

  public static final String JOB_NAME = "sample";
  public static final String MANAGER_STEP_NAME = "sampleSlot";
  public static final String STEP_NAME = "sampleKeywords";

  /** Job parameter: the keyword group. */
  public static final String GROUP = "group";

  /** Job parameter: the slot, an ISO-8601 instant. */
  public static final String SLOT = "slot";

  /** Job parameter (non-identifying): {@code host:pid} of the process running the execution. */
  public static final String OWNER = ProcessOwner.PARAMETER;

  /** Job parameter (non-identifying): {@code true} when the slot was started late. */
  public static final String LATE = "late";

  @Bean
  public Job sampleJob(
      JobRepository jobRepository,
      Step sampleSlotStep,
      Step detectChangesStep,
      SlotProgress progress,
      PlanRepository plans,
      SamplerFactory samplers,
      ElasticsearchRuntime elasticsearch) {
    return new JobBuilder(JOB_NAME, jobRepository)
        .validator(
            new DefaultJobParametersValidator(
                new String[] {GROUP, SLOT}, new String[] {OWNER, LATE}))
        .listener(new SlotProgressListener(progress, plans, jobRepository))
        // this month's and the next month's indices exist before anything is written; bulks do
        // not wait for refreshes (index.refresh: false): one refresh when the slot ends
        .listener(new SlotIndices(elasticsearch))
        .listener(
            new org.springframework.batch.core.listener.JobExecutionListener() {
              @Override
              public void afterJob(org.springframework.batch.core.job.JobExecution execution) {
                samplers.endRun(execution.getId());
              }
            })
        .start(sampleSlotStep)
        // Then the slot's change events and alerts (com.mallrank.batch.changes).
        .next(detectChangesStep)
        .build();
  }

  @Bean
  public Step sampleSlotStep(
      JobRepository jobRepository,
      PartitionHandler slotPartitionHandler,
      Partitioner slotPartitioner) {
    return new StepBuilder(MANAGER_STEP_NAME, jobRepository)
        .partitioner(STEP_NAME, slotPartitioner)
        .partitionHandler(slotPartitionHandler)
        .build();
  }

  /**
   * Runs the partitions on this process's threads ({@code batch.role} {@code all}, the default); a
   * manager sends them to workers instead ({@link
   * com.mallrank.batch.remote.RemoteManagerConfiguration}).
   */
  @Bean
  @ConditionalOnRole({Role.ALL, Role.WORKER})
  PartitionHandler slotPartitionHandler(
      Step sampleKeywordsStep,
      ThreadPoolTaskExecutor sampleTaskExecutor,
      BatchProperties properties) {
    TaskExecutorPartitionHandler handler = new TaskExecutorPartitionHandler();
    handler.setStep(sampleKeywordsStep);
    handler.setTaskExecutor(sampleTaskExecutor);
    handler.setGridSize(Math.max(1, properties.threads()));
    return handler;
  }

  /** One thread per partition, shared by the slots that run at once. */
  @Bean
  public ThreadPoolTaskExecutor sampleTaskExecutor(BatchProperties properties) {
    ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
    executor.setCorePoolSize(Math.max(1, properties.threads()));
    executor.setMaxPoolSize(Math.max(1, properties.threads()));
    executor.setThreadNamePrefix("sample-");
    executor.setWaitForTasksToCompleteOnShutdown(true);
    executor.setAwaitTerminationSeconds((int) properties.schedule().shutdownGrace().toSeconds());
    return executor;
  }

  @Bean
  @StepScope
  @ConditionalOnRole({Role.ALL, Role.WORKER})
  KeywordShardPartitioner slotPartitioner(
      PlanRepository plans, @Value("#{jobParameters['" + GROUP + "']}") String group) {
    return new KeywordShardPartitioner(plans.plan().requireGroup(group).keywords().size());
  }

  @Bean
  public Step sampleKeywordsStep(
      JobRepository jobRepository,
      PlatformTransactionManager transactionManager,
      BatchProperties properties,
      SampleTaskReader sampleTaskReader,
      SampleProcessor sampleProcessor,
      SnapshotItemWriter snapshotItemWriter,
      SampleStatusListener sampleStatusListener) {
    return new StepBuilder(STEP_NAME, jobRepository)
        // one JobRepository commit per commit-interval samples, written in bulks of chunk-size
        .<SampleTask, Snapshot>chunk(Math.max(1, properties.commitInterval()))
        .transactionManager(transactionManager)
        .reader(sampleTaskReader)
        .processor(sampleProcessor)
        .writer(snapshotItemWriter)
        .listener(sampleStatusListener)
        .build();
  }

  @Bean
  @StepScope
  public SampleTaskReader sampleTaskReader(
      PlanRepository plans,
      @Value("#{jobParameters['" + GROUP + "']}") String group,
      @Value("#{stepExecutionContext['" + KeywordShardPartitioner.SHARD + "']}") Integer shard,
      @Value("#{stepExecutionContext['" + KeywordShardPartitioner.SHARDS + "']}") Integer shards,
      @Value("#{stepExecutionContext['" + IdentityShardPartitioner.VANTAGE + "']}")
          String vantage) {
    Plan plan = plans.plan();
    KeywordGroup keywordGroup = plan.requireGroup(group);
    return shard == null
        ? new SampleTaskReader(plan, keywordGroup, 0, 1)
        : new SampleTaskReader(plan, keywordGroup, shard, shards, vantage);
  }

  /**
   * One per partition, sharing the slot's sampler: each thread has its own fetcher (and browser,
   * for browser profiles); host pacing and identity cool-downs hold across partitions.
   */
  @Bean
  @StepScope
  SampleProcessor sampleProcessor(
      PlanRepository plans,
      SiteProfileRegistry profiles,
      SamplerFactory samplers,
      Targets targets,
      SampleMetrics metrics,
      MainImages images,
      ElasticsearchRuntime elasticsearch,
      EvidenceKeeper evidence,
      RequestBudgets budgets,
      BatchProperties batchProperties,
      @Value("#{jobParameters['" + GROUP + "']}") String group,
      @Value("#{jobParameters['" + SLOT + "']}") String slot,
      @Value("#{stepExecution.jobExecutionId}") Long jobExecutionId) {
    Plan plan = plans.plan();
    // a group on a site of its own or on phone captures starts no default target
    Target target = targets.target(profiles.get(plan.requireGroup(group).profile()));
    LoginStates logins = new LoginStates(batchProperties.accountsDir());
    return new SampleProcessor(
        Instant.parse(slot),
        samplers.forRun(jobExecutionId, target, Instant.parse(slot), budgets.of(plan)),
        profiles::get,
        target.baseUrl(),
        new AccountCookies(plan, target, logins)::of,
        plan.ownership(),
        metrics,
        snapshot -> images.fingerprint(snapshot, target),
        new StoredSamples(elasticsearch.client(), elasticsearch.names()),
        evidence,
        vantage ->
            plan.account(vantage).flatMap(account -> logins.unusable(account, Instant.now())));
  }

  @Bean
  @StepScope
  SnapshotItemWriter snapshotItemWriter(
      ElasticsearchRuntime elasticsearch, SampleMetrics metrics, BatchProperties properties) {
    return new SnapshotItemWriter(
        elasticsearch.snapshotWriter(), metrics, Math.max(1, properties.chunkSize()));
  }

  @Bean
  @StepScope
  SampleStatusListener sampleStatusListener(
      @Value("#{stepExecution}") StepExecution stepExecution,
      SampleMetrics metrics,
      SlotProgress progress) {
    return new SampleStatusListener(stepExecution, metrics, progress);
  }
}
