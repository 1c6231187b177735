package com.mallrank.batch.changes;

import com.mallrank.batch.sample.SampleJobConfiguration;
import java.time.Instant;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The step that follows sampling in the {@code sample} job: detect the slot's changes and send its
 * alerts. It reads the slot and the group from the job's identifying {@code slot} and {@code group}
 * parameters: the changes of the group's samples are detected, not those of other groups sampled in
 * the same slot.
 */
@Configuration
public class ChangeDetectionConfiguration {

  public static final String STEP_NAME = "detectChanges";

  @Bean
  public Step detectChangesStep(
      JobRepository jobRepository,
      PlatformTransactionManager transactionManager,
      SlotChanges slotChanges) {
    return new StepBuilder(STEP_NAME, jobRepository)
        .tasklet(
            (contribution, context) -> {
              var parameters = context.getStepContext().getStepExecution().getJobParameters();
              var result =
                  slotChanges.process(
                      Instant.parse(parameters.getString(SampleJobConfiguration.SLOT)),
                      parameters.getString(SampleJobConfiguration.GROUP));
              contribution.incrementWriteCount(result.events());
              return RepeatStatus.FINISHED;
            },
            transactionManager)
        .build();
  }
}
