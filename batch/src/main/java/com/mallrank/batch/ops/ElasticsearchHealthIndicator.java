package com.mallrank.batch.ops;

import co.elastic.clients.elasticsearch.cluster.HealthResponse;
import com.mallrank.batch.runtime.ElasticsearchRuntime;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** {@code elasticsearch}: the cluster samples are written to answers, and is not red. */
@Component("elasticsearch")
public class ElasticsearchHealthIndicator implements HealthIndicator {

  private final ElasticsearchRuntime elasticsearch;

  public ElasticsearchHealthIndicator(ElasticsearchRuntime elasticsearch) {
    this.elasticsearch = elasticsearch;
  }

  @Override
  public Health health() {
    try {
      HealthResponse health = elasticsearch.client().cluster().health();
      String status = health.status().jsonValue();
      Health.Builder builder = status.equals("red") ? Health.down() : Health.up();
      return builder
          .withDetail("cluster", health.clusterName())
          .withDetail("status", status)
          .withDetail("prefix", elasticsearch.names().prefix())
          .build();
    } catch (Exception e) {
      return Health.down()
          .withDetail("error", e.getClass().getSimpleName() + ": " + e.getMessage())
          .build();
    }
  }
}
