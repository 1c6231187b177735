package com.mallrank.batch.remote;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.transport.TransportException;
import com.mallrank.batch.config.IndexProperties;
import com.mallrank.batch.runtime.ElasticsearchRuntime;
import com.mallrank.batch.runtime.PlanRepository;
import com.mallrank.batch.runtime.SamplerFactory;
import com.mallrank.batch.sample.SampleJobConfiguration;
import com.mallrank.index.client.Redaction;
import com.mallrank.index.security.MallrankRole;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Session;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
 *
 * <p>Elasticsearch: before a partition starts, {@link ElasticsearchGate} checks that this worker
 * reaches it; when not, the partition is not started (nothing written to the JobRepository), the
 * request goes back to the broker (the listener throws, so the session recovers it) and the
 * listener stops until Elasticsearch answers again, which lets the broker give the request's
 * message group to another worker.
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
  ElasticsearchGate elasticsearchGate(
      ElasticsearchRuntime elasticsearch, IndexProperties index, RemoteProperties properties) {
    IndexProperties.Es es = index.es();
    String url = es.external() ? Redaction.url(es.url()) : "the local server (index.local.*)";
    return new ElasticsearchGate(
        probe(elasticsearch, es.external() ? es.url() : null, properties.esCheckTimeout()),
        url,
        properties.esCheckInterval());
  }

  /**
   * A ping through the writer's client (the client partitions write with), bounded by {@code
   * timeout}: the first use of a client also puts the index templates, which an unreachable cluster
   * would make wait for the client's own timeouts. Any HTTP answer below 500 counts as reachable:
   * the writer's role has no cluster privilege, so the cluster may well answer 403 (or 405); what
   * this check is about is whether it answers at all.
   */
  static ElasticsearchGate.Probe probe(
      ElasticsearchRuntime elasticsearch, String rawUrl, Duration timeout) {
    ExecutorService pings =
        Executors.newCachedThreadPool(
            r -> {
              Thread thread = new Thread(r, "es-ping");
              thread.setDaemon(true);
              return thread;
            });
    return () -> {
      CompletableFuture<String> ping =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  elasticsearch.client(MallrankRole.WRITER).ping();
                  return null;
                } catch (java.io.IOException | RuntimeException e) {
                  return answered(e) ? null : reason(e, rawUrl);
                }
              },
              pings);
      try {
        return ping.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        ping.cancel(true);
        return "no answer within " + timeout.toMillis() + " ms";
      } catch (ExecutionException e) {
        return reason(e.getCause(), rawUrl);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return "interrupted";
      }
    };
  }

  /** Whether the failure is an HTTP answer of the cluster below 500 (it is up and answering). */
  static boolean answered(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      int status;
      try {
        status =
            t instanceof TransportException transport
                ? transport.statusCode()
                : t instanceof ElasticsearchException es ? es.status() : 0;
      } catch (RuntimeException noResponse) {
        status = 0;
      }
      if (status >= 100 && status < 500) {
        return true;
      }
    }
    return false;
  }

  /** The root cause's type and message, without the URL's credentials. */
  static String reason(Throwable failure, String rawUrl) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String text = root.getClass().getSimpleName();
    if (root.getMessage() != null) {
      text += ": " + root.getMessage().replaceAll("\\s+", " ");
    }
    String userInfo = null;
    try {
      userInfo = rawUrl == null ? null : URI.create(rawUrl).getRawUserInfo();
    } catch (IllegalArgumentException e) {
      // not a URI: nothing to strip
    }
    if (userInfo != null && !userInfo.isEmpty()) {
      text = text.replace(userInfo, "***");
    }
    return text.length() > 200 ? text.substring(0, 200) + "…" : text;
  }

  @Bean
  DefaultMessageListenerContainer partitionListener(
      ConnectionFactory connectionFactory,
      PartitionWorker partitionWorker,
      ElasticsearchGate elasticsearchGate,
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
    container.setErrorHandler(
        e -> {
          if (!(e instanceof ElasticsearchUnreachableException)) {
            log.warn("the partition listener failed", e);
          } // else: the gate's one WARN line said it
        });
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
              if (!elasticsearchGate.admit(container)) {
                // recovered by the container (client acknowledgement): back to the broker
                throw new ElasticsearchUnreachableException(request);
              }
              PartitionWorker.Outcome outcome = partitionWorker.handle(request);
              log.debug("request {}: {}", request, outcome);
            });
    return container;
  }

  /** Thrown out of the listener so that the container hands the request back to the broker. */
  static final class ElasticsearchUnreachableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ElasticsearchUnreachableException(StepExecutionRequest request) {
      super(
          "Elasticsearch unreachable: " + request + " handed back to the broker",
          null,
          false,
          false);
    }
  }
}
