package com.mallrank.batch.remote;

import com.mallrank.batch.broker.BrokerSettings;
import com.mallrank.batch.runtime.PlanRepository;
import com.mallrank.batch.sample.SampleJobConfiguration;
import jakarta.jms.ConnectionFactory;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.MessageChannelPartitionHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.config.EnableIntegration;
import org.springframework.integration.core.MessagingTemplate;
import org.springframework.integration.jms.JmsSendingMessageHandler;
import org.springframework.jms.connection.CachingConnectionFactory;
import org.springframework.jms.core.JmsTemplate;

/**
 * {@code batch.role=manager}: the slot step's partitions go to the broker instead of local threads.
 * Requests leave through a Spring Integration channel and its JMS outbound adapter; the results are
 * read back from the JobRepository (no reply queue to lose).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnRole(Role.MANAGER)
@EnableIntegration
public class RemoteManagerConfiguration {

  /** The channel partition requests are sent on. */
  @Bean
  DirectChannel partitionRequests() {
    return new DirectChannel();
  }

  /** Sends each request on the channel to the queue, as {@link PartitionRequests} text. */
  @Bean
  JmsSendingMessageHandler partitionRequestSender(
      DirectChannel partitionRequests,
      ConnectionFactory connectionFactory,
      JobRepository jobRepository,
      RemoteProperties properties) {
    JmsTemplate template = new JmsTemplate(connectionFactory);
    template.setMessageConverter(
        new PartitionRequests(
            id -> {
              StepExecution partition = jobRepository.getStepExecution(id);
              return partition == null
                  ? null
                  : partition
                      .getExecutionContext()
                      .getString(IdentityShardPartitioner.VANTAGE, null);
            }));
    JmsSendingMessageHandler sender = new JmsSendingMessageHandler(template);
    sender.setDestinationName(properties.queue());
    partitionRequests.subscribe(sender);
    return sender;
  }

  @Bean
  PartitionHandler slotPartitionHandler(
      DirectChannel partitionRequests,
      JmsSendingMessageHandler partitionRequestSender,
      JobRepository jobRepository,
      ConnectionFactory connectionFactory,
      RemoteProperties properties,
      Environment environment)
      throws Exception {
    MessagingTemplate template = new MessagingTemplate();
    template.setDefaultChannel(partitionRequests);
    MessageChannelPartitionHandler handler = new MessageChannelPartitionHandler();
    handler.setStepName(SampleJobConfiguration.STEP_NAME);
    handler.setGridSize(1); // the partitioner sizes the split itself
    handler.setJobRepository(jobRepository); // poll the repository for results
    handler.setPollInterval(properties.pollInterval().toMillis());
    handler.setTimeout(properties.partitionTimeout().toMillis());
    handler.setMessagingOperations(template);
    handler.afterPropertiesSet();
    ConnectionFactory probe =
        connectionFactory instanceof CachingConnectionFactory caching
                && caching.getTargetConnectionFactory() != null
            ? caching.getTargetConnectionFactory()
            : connectionFactory;
    return new RemotePartitionHandler(
        handler, jobRepository, probe, BrokerSettings.shown(environment), properties);
  }

  @Bean
  @StepScope
  Partitioner slotPartitioner(
      PlanRepository plans,
      RemoteProperties properties,
      @Value("#{jobParameters['" + SampleJobConfiguration.GROUP + "']}") String group) {
    var plan = plans.plan();
    return new IdentityShardPartitioner(
        plan.requireGroup(group), properties.shardsPerIdentity(), PlanVersion.of(plan));
  }
}
