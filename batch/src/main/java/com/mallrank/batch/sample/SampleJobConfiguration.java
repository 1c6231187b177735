package com.mallrank.batch.sample;

import com.mallrank.batch.config.BatchProperties;
import com.mallrank.batch.plan.KeywordGroup;
import com.mallrank.batch.plan.Plan;
import com.mallrank.batch.runtime.ElasticsearchRuntime;
import com.mallrank.batch.runtime.PlanRepository;
import com.mallrank.batch.runtime.SamplerFactory;
import com.mallrank.batch.runtime.SandboxRuntime;
import com.mallrank.batch.runtime.SiteProfileRegistry;
import com.mallrank.index.write.Snapshot;
import java.time.Instant;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.DefaultJobParametersValidator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The {@code sample} job: one step that reads a group's (keyword, vantage) tasks, samples each, and
 * bulk-writes the samples with their listings. Identifying parameters: {@value #GROUP} and {@value
 * #SLOT}, so a slot of a group runs once and a failed slot restarts where it stopped.
 */
@Configuration
public class SampleJobConfiguration {

  public static final String JOB_NAME = "sample";
  public static final String STEP_NAME = "sampleKeywords";

  /** Job parameter: the keyword group. */
  public static final String GROUP = "group";

  /** Job parameter: the slot, an ISO-8601 instant. */
  public static final String SLOT = "slot";

  @Bean
  public Job sampleJob(JobRepository jobRepository, Step sampleKeywordsStep) {
    return new JobBuilder(JOB_NAME, jobRepository)
        .validator(new DefaultJobParametersValidator(new String[] {GROUP, SLOT}, new String[] {}))
        .start(sampleKeywordsStep)
        .build();
  }

  @Bean
  public Step sampleKeywordsStep(
      JobRepository jobRepository,
      PlatformTransactionManager transactionManager,
      BatchProperties properties,
      SampleTaskReader sampleTaskReader,
      SampleProcessor sampleProcessor,
      SnapshotItemWriter snapshotItemWriter,
      SampleProgress sampleProgress) {
    return new StepBuilder(STEP_NAME, jobRepository)
        .<SampleTask, Snapshot>chunk(properties.chunkSize())
        .transactionManager(transactionManager)
        .reader(sampleTaskReader)
        .processor(sampleProcessor)
        .writer(snapshotItemWriter)
        .listener(sampleProgress)
        .build();
  }

  @Bean
  @StepScope
  public SampleTaskReader sampleTaskReader(
      PlanRepository plans, @Value("#{jobParameters['" + GROUP + "']}") String group) {
    return new SampleTaskReader(plans.plan().requireGroup(group));
  }

  @Bean
  @StepScope
  SampleProcessor sampleProcessor(
      PlanRepository plans,
      SiteProfileRegistry profiles,
      SamplerFactory samplers,
      SandboxRuntime sandbox,
      @Value("#{jobParameters['" + SLOT + "']}") String slot) {
    boolean useSandbox = sandbox.usesSandbox();
    Plan plan = plans.plan();
    return new SampleProcessor(
        Instant.parse(slot),
        samplers.sampler(useSandbox),
        profiles::get,
        sandbox.baseUrl(),
        useSandbox,
        plan.ownership());
  }

  @Bean
  @StepScope
  SnapshotItemWriter snapshotItemWriter(ElasticsearchRuntime elasticsearch) {
    return new SnapshotItemWriter(elasticsearch.snapshotWriter());
  }

  @Bean
  @StepScope
  SampleProgress sampleProgress(
      PlanRepository plans, @Value("#{jobParameters['" + GROUP + "']}") String group) {
    KeywordGroup keywordGroup = plans.plan().requireGroup(group);
    return new SampleProgress(keywordGroup.keywords().size() * keywordGroup.vantages().size());
  }
}
