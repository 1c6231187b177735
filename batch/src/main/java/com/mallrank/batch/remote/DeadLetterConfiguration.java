package com.mallrank.batch.remote;

import com.mallrank.batch.alert.AlertDispatcher;
import jakarta.jms.ConnectionFactory;
import java.time.Clock;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jms.connection.CachingConnectionFactory;

/**
 * The dead-lettered partition requests of {@code serve --role manager|worker}: listed by the health
 * endpoint ({@code deadLetters}) on both, watched and alerted by the manager ({@link
 * DeadLetterWatch}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnRole({Role.MANAGER, Role.WORKER})
public class DeadLetterConfiguration {

  @Bean
  DeadLetters partitionDeadLetters(
      ConnectionFactory connectionFactory, RemoteProperties properties) {
    ConnectionFactory target =
        connectionFactory instanceof CachingConnectionFactory caching
                && caching.getTargetConnectionFactory() != null
            ? caching.getTargetConnectionFactory()
            : connectionFactory;
    return new DeadLetters(target, properties.queue(), properties.deadLetterQueue());
  }

  /** Named {@code deadLetters} in the health endpoint. */
  @Bean
  DeadLetterHealthIndicator deadLettersHealthIndicator(
      DeadLetters deadLetters, JobRepository jobRepository) {
    return new DeadLetterHealthIndicator(deadLetters, jobRepository);
  }

  @Bean
  @ConditionalOnRole(Role.MANAGER)
  DeadLetterWatch deadLetterWatch(
      DeadLetters deadLetters,
      JobRepository jobRepository,
      AlertDispatcher alertDispatcher,
      RemoteProperties properties) {
    return new DeadLetterWatch(
        deadLetters,
        jobRepository,
        alertDispatcher,
        properties.deadLetterCheck(),
        Clock.systemUTC());
  }
}
