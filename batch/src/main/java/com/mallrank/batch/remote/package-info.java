/**
 * Remote partitioning: {@code mallrank serve --role manager} splits each slot into partitions (by
 * identity, then keyword shard) and sends them over JMS to ActiveMQ Artemis with Spring Batch
 * Integration's {@link
 * org.springframework.batch.integration.partition.MessageChannelPartitionHandler}; {@code serve
 * --role worker} processes run them and report through the shared JobRepository, which the manager
 * polls. {@code --role all} (the default) is the single process of before, with local partitions on
 * threads.
 */
package com.mallrank.batch.remote;
