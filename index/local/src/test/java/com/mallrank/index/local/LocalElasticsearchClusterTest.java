package com.mallrank.index.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The layout of a cluster on one host and each node's elasticsearch.yml. */
class LocalElasticsearchClusterTest {

  private static final LocalElasticsearchSettings BASE =
      LocalElasticsearchSettings.of(Path.of("/tmp/es"), 9400).withHeap("256m");

  @Test
  void eachNodeHasItsPortsItsDirectoryAndEveryOtherAsSeed() {
    List<LocalElasticsearchSettings> nodes = LocalElasticsearchCluster.nodeSettings(BASE, 3);

    assertThat(nodes)
        .extracting(LocalElasticsearchSettings::httpPort)
        .containsExactly(9400, 9401, 9402);
    assertThat(nodes)
        .extracting(LocalElasticsearchSettings::transportPort)
        .containsExactly(9500, 9501, 9502);
    assertThat(nodes)
        .extracting(LocalElasticsearchSettings::dataDir)
        .containsExactly(
            Path.of("/tmp/es/node-1"), Path.of("/tmp/es/node-2"), Path.of("/tmp/es/node-3"));
    assertThat(nodes).extracting(LocalElasticsearchSettings::heap).containsOnly("256m");

    String yml = LocalElasticsearch.config(nodes.get(1), Path.of("/tmp/es/node-2"));
    assertThat(yml)
        .contains("cluster.name: mallrank-local\n")
        .contains("node.name: mallrank-local-9401\n")
        .contains("http.port: 9401\n")
        .contains("transport.port: 9501\n")
        .contains(
            "discovery.seed_hosts: [\"127.0.0.1:9500\", \"127.0.0.1:9501\", \"127.0.0.1:9502\"]\n")
        .contains(
            "cluster.initial_master_nodes: [\"mallrank-local-9400\", \"mallrank-local-9401\","
                + " \"mallrank-local-9402\"]\n")
        .doesNotContain("single-node");
  }

  @Test
  void oneNodeIsTheSingleNodeServerInTheDataDirectoryItself() {
    List<LocalElasticsearchSettings> nodes = LocalElasticsearchCluster.nodeSettings(BASE, 1);

    assertThat(nodes).hasSize(1);
    assertThat(nodes.get(0).dataDir()).isEqualTo(Path.of("/tmp/es"));
    assertThat(LocalElasticsearch.config(nodes.get(0), Path.of("/tmp/es")))
        .contains("discovery.type: single-node\n")
        .doesNotContain("seed_hosts");
  }

  @Test
  void theNodeCountIsBounded() {
    assertThatThrownBy(() -> LocalElasticsearchCluster.nodeSettings(BASE, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("nodes must be between 1 and 9 on one host, got 0");
    assertThatThrownBy(() -> LocalElasticsearchMain.run(new String[] {"start", "--nodes", "x"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--nodes must be a number, got 'x'");
  }
}
