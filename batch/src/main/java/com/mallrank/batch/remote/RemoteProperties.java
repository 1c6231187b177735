package com.mallrank.batch.remote;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code batch.remote.*}: remote partitioning between {@code serve --role manager} and {@code serve
 * --role worker} processes (the broker itself: {@code spring.artemis.*}).
 *
 * @param queue the JMS queue partition requests travel on; manager and workers must agree
 * @param partitionTimeout how long the manager waits for all partitions of a slot; a partition not
 *     finished by then (its worker died with no other alive, or hangs) fails the slot, and a
 *     restart reruns only the unfinished partitions
 * @param pollInterval how often the manager reads the partitions' state from the JobRepository
 * @param brokerWait how long the manager waits for an unreachable broker before it fails the slot
 *     (nothing sent, nothing marked done)
 * @param shardsPerIdentity each identity's (vantage's) keywords are split into this many
 *     partitions; all partitions of one identity go to one worker (JMS message groups)
 * @param workerThreads how many partitions a worker runs at once
 * @param esCheckTimeout how long a worker waits for Elasticsearch to answer its check before it
 *     takes a partition; no answer: unreachable, and the request goes back to the broker
 * @param esCheckInterval how long a worker trusts its last check, and how often it checks again
 *     while it has stopped taking partitions because Elasticsearch was unreachable
 * @param deadLetterQueue the broker's dead-letter queue, where it moves a request handed back too
 *     often ({@code DLQ} on Artemis); listed by the health endpoint, alerted, moved back by {@code
 *     mallrank broker requeue}
 * @param deadLetterCheck how often the manager looks into the dead-letter queue (and alerts)
 */
@ConfigurationProperties("batch.remote")
public record RemoteProperties(
    String queue,
    Duration partitionTimeout,
    Duration pollInterval,
    Duration brokerWait,
    int shardsPerIdentity,
    int workerThreads,
    Duration esCheckTimeout,
    Duration esCheckInterval,
    String deadLetterQueue,
    Duration deadLetterCheck) {

  public RemoteProperties {
    if (queue == null || queue.isBlank()) {
      throw new IllegalArgumentException("batch.remote.queue must not be blank");
    }
    if (shardsPerIdentity < 1) {
      throw new IllegalArgumentException(
          "batch.remote.shards-per-identity must be at least 1, not " + shardsPerIdentity);
    }
    if (workerThreads < 1) {
      throw new IllegalArgumentException(
          "batch.remote.worker-threads must be at least 1, not " + workerThreads);
    }
    if (esCheckTimeout == null || esCheckTimeout.isNegative() || esCheckTimeout.isZero()) {
      throw new IllegalArgumentException("batch.remote.es-check-timeout must be positive");
    }
    if (esCheckInterval == null || esCheckInterval.isNegative() || esCheckInterval.isZero()) {
      throw new IllegalArgumentException("batch.remote.es-check-interval must be positive");
    }
    if (deadLetterQueue == null || deadLetterQueue.isBlank()) {
      throw new IllegalArgumentException("batch.remote.dead-letter-queue must not be blank");
    }
    if (deadLetterCheck == null || deadLetterCheck.isNegative() || deadLetterCheck.isZero()) {
      throw new IllegalArgumentException("batch.remote.dead-letter-check must be positive");
    }
  }
}
