package com.mallrank.batch.remote;

import java.util.List;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * {@code deadLetters} ({@code serve --role manager|worker}): the partition requests the broker
 * moved to its dead-letter queue. DOWN while any is there (its keywords are not sampled), each
 * named with its partition, group and slot, and the command that moves them back. Not part of the
 * liveness or readiness probes: restarting mallrank does not bring a request back.
 */
public record DeadLetterHealthIndicator(DeadLetters deadLetters, JobRepository jobRepository)
    implements HealthIndicator {

  /** Requests named one by one in the details; the rest are counted. */
  static final int SHOWN = 20;

  @Override
  public Health health() {
    List<DeadLetterWatch.Named> found;
    try {
      found = DeadLetterWatch.named(deadLetters.list(), jobRepository);
    } catch (Exception e) {
      return Health.unknown()
          .withDetail("error", e.getClass().getSimpleName() + ": " + e.getMessage())
          .build();
    }
    if (found.isEmpty()) {
      return Health.up().withDetail("deadLettered", 0).build();
    }
    return Health.down()
        .withDetail("deadLettered", found.size())
        .withDetail(
            "partitions", found.stream().limit(SHOWN).map(DeadLetterWatch.Named::describe).toList())
        .withDetail("action", "mallrank broker requeue (--dry-run lists them)")
        .build();
  }
}
