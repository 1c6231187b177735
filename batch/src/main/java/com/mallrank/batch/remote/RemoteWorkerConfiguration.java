package com.mallrank.batch.remote;

import com.mallrank.batch.runtime.PlanRepository;
import com.mallrank.batch.runtime.SamplerFactory;
import com.mallrank.batch.sample.SampleJobConfiguration;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Session;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepLocator;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.batch.integration.partition.StepExecutionRequestHandler;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jms.connection.CachingConnectionFactory;
import org.springframework.jms.listener.DefaultMessageListenerContainer;
import org.springframework.jms.listener.SessionAwareMessageListener;
import org.springframework.jms.support.converter.MessageConversionException;

/**
 * {@code batch.role=worker}: a listener on the partition queue that runs each request with {@link
 * PartitionWorker}. Started by {@code mallrank serve} only (so no other command consumes
 * partitions).
 *
 * <p>Delivery: the listener acknowledges a request after its partition has ended (client
 * acknowledgement), so the broker gives the request of a worker that dies mid-partition to another
 * worker, which resumes the partition from its last committed chunk. The consumer window is 0: a
 * worker holds no request it is not running, so an idle worker gets the next one.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnRole(Role.WORKER)
public class RemoteWorkerConfiguration {

  private static final Logger log = LoggerFactory.getLogger(RemoteWorkerConfiguration.class);

  @Bean
  PartitionWorker partitionWorker(
      JobRepository jobRepository,
      @Qualifier("sampleKeywordsStep") Step sampleKeywordsStep,
      PlanRepository plans,
      SamplerFactory samplers) {
    StepLocator locator =
        name -> {
          if (!SampleJobConfiguration.STEP_NAME.equals(name)) {
            throw new IllegalArgumentException("no step '" + name + "' on this worker");
          }
          return sampleKeywordsStep;
        };
    StepExecutionRequestHandler handler = new StepExecutionRequestHandler();
    handler.setJobRepository(jobRepository);
    handler.setStepLocator(locator);
    return new PartitionWorker(handler, jobRepository, plans, samplers);
  }

  @Bean
  DefaultMessageListenerContainer partitionListener(
      ConnectionFactory connectionFactory,
      PartitionWorker partitionWorker,
      RemoteProperties properties) {
    ConnectionFactory target =
        connectionFactory instanceof CachingConnectionFactory caching
                && caching.getTargetConnectionFactory() != null
            ? caching.getTargetConnectionFactory()
            : connectionFactory;
    if (target instanceof ActiveMQConnectionFactory artemis) {
      artemis.setConsumerWindowSize(0);
    }
    DefaultMessageListenerContainer container = new DefaultMessageListenerContainer();
    container.setConnectionFactory(target);
    container.setDestinationName(properties.queue());
    container.setSessionAcknowledgeMode(Session.CLIENT_ACKNOWLEDGE);
    container.setConcurrentConsumers(properties.workerThreads());
    container.setMaxConcurrentConsumers(properties.workerThreads());
    container.setAutoStartup(false);
    container.setRecoveryInterval(5_000);
    container.setMessageListener(
        (SessionAwareMessageListener<jakarta.jms.Message>)
            (message, session) -> {
              StepExecutionRequest request;
              try {
                request =
                    (StepExecutionRequest) new PartitionRequests(id -> null).fromMessage(message);
              } catch (MessageConversionException e) {
                // acknowledged and dropped: redelivering it would fail the same way
                log.error("dropping a message on {}: {}", properties.queue(), e.getMessage());
                return;
              }
              PartitionWorker.Outcome outcome = partitionWorker.handle(request);
              log.debug("request {}: {}", request, outcome);
            });
    return container;
  }
}
