package com.mallrank.batch.runtime;

import com.mallrank.index.report.Reports;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * The one {@link Reports} of the application: every report command, the change-detection step's
 * alert input and the demo ask it. Lazy twice over: the bean is made on first injection, and it
 * asks {@link ElasticsearchRuntime#client()} (which connects, or starts the local server) only when
 * a report runs, so commands that need no Elasticsearch never touch it.
 */
@Configuration(proxyBeanMethods = false)
public class ReportsConfiguration {

  @Bean
  @Lazy
  public Reports reports(ElasticsearchRuntime elasticsearch) {
    return new Reports(elasticsearch::client, elasticsearch.names());
  }
}
