package com.mallrank.batch.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import co.elastic.clients.elasticsearch._types.ExpandWildcard;
import co.elastic.clients.elasticsearch._types.Refresh;
import com.mallrank.batch.runtime.ElasticsearchRuntime;
import com.mallrank.index.schema.IndexBootstrap;
import com.mallrank.index.testing.LocalElasticsearchExtension;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * {@link MallrankIT} keeps its promises: a class runs with its own prefix and H2 database, and
 * after the class not one index or template of that prefix is left on the shared cluster.
 */
class MallrankITCleanupIT {

  /** Run by the test below through the JUnit engine, never on its own (a nested static class). */
  @MallrankIT(properties = "batch.threads=1")
  static class WritesIndicesOfItsPrefix {

    static volatile String prefix;
    static volatile String datasource;

    @Autowired ElasticsearchRuntime elasticsearch;

    @Value("${spring.datasource.url}")
    String datasourceUrl;

    @Value("${batch.threads}")
    int threads;

    @Test
    void writes() throws IOException {
      prefix = elasticsearch.names().prefix();
      datasource = datasourceUrl;
      assertThat(threads).isEqualTo(1); // the test's own properties still apply
      new IndexBootstrap(elasticsearch.client(), elasticsearch.names()).apply();
      elasticsearch
          .client()
          .index(
              i -> i.index(prefix + "-probe").document(Map.of("probe", 1)).refresh(Refresh.True));
      assertThat(indicesOf(prefix)).containsExactly(prefix + "-probe");
      assertThat(templatesOf(prefix)).isNotEmpty();
    }
  }

  @Test
  void aClassGetsItsOwnPrefixAndDatabaseAndLeavesNoIndexOrTemplateBehind() throws IOException {
    EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(WritesIndicesOfItsPrefix.class))
        .execute()
        .testEvents()
        .assertStatistics(stats -> stats.started(1).succeeded(1).failed(0));

    String prefix = WritesIndicesOfItsPrefix.prefix;
    assertThat(prefix).matches("t-writesindicesofitsprefix-[0-9a-f]{8}");
    assertThat(WritesIndicesOfItsPrefix.datasource)
        .isEqualTo("jdbc:h2:mem:" + prefix + ";DB_CLOSE_DELAY=-1");
    assertThat(indicesOf(prefix)).isEmpty();
    assertThat(templatesOf(prefix)).isEmpty();
  }

  static Set<String> indicesOf(String prefix) throws IOException {
    return LocalElasticsearchExtension.client()
        .indices()
        .get(
            g ->
                g.index(prefix + "*")
                    .expandWildcards(ExpandWildcard.All)
                    .ignoreUnavailable(true)
                    .allowNoIndices(true))
        .result()
        .keySet();
  }

  static Set<String> templatesOf(String prefix) throws IOException {
    return LocalElasticsearchExtension.client()
        .indices()
        .getIndexTemplate()
        .indexTemplates()
        .stream()
        .map(t -> t.name())
        .filter(name -> name.startsWith(prefix))
        .collect(java.util.stream.Collectors.toSet());
  }
}
