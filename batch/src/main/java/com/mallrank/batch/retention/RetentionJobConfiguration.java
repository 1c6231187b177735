package com.mallrank.batch.retention;

import com.mallrank.index.retention.RetentionResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.DefaultJobParametersValidator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The {@code retention} job: one tasklet that summarises raw listings older than {@code
 * batch.retention.keep-days} into daily summaries and deletes them (samples and change events
 * stay). Its identifying parameter is the {@value #DAY} it runs for, so it runs once a day however
 * many {@code serve} processes share the JobRepository.
 */
@Configuration
public class RetentionJobConfiguration {

  public static final String JOB_NAME = "retention";
  public static final String STEP_NAME = "summariseAndDelete";

  /** Job parameter: the local date the run belongs to, e.g. {@code 2026-11-28}. */
  public static final String DAY = "day";

  private static final Logger log = LoggerFactory.getLogger(RetentionJobConfiguration.class);

  @Bean
  public Job retentionJob(JobRepository jobRepository, Step summariseAndDeleteStep) {
    return new JobBuilder(JOB_NAME, jobRepository)
        .validator(new DefaultJobParametersValidator(new String[] {DAY}, new String[] {}))
        .start(summariseAndDeleteStep)
        .build();
  }

  @Bean
  public Step summariseAndDeleteStep(
      JobRepository jobRepository,
      PlatformTransactionManager transactionManager,
      Retentions retentions) {
    return new StepBuilder(STEP_NAME, jobRepository)
        .tasklet(
            (contribution, context) -> {
              Retentions.Outcome outcome = retentions.run();
              RetentionResult result = outcome.listings();
              contribution.incrementWriteCount(result.summariesWritten());
              log.info(
                  "retention before {}: {} days summarised, {} listings deleted,"
                      + " {} evidence slot folders deleted",
                  result.cutoff(),
                  result.daysSummarised().size(),
                  result.listingsDeleted(),
                  outcome.evidenceSlots());
              return RepeatStatus.FINISHED;
            },
            transactionManager)
        .build();
  }
}
