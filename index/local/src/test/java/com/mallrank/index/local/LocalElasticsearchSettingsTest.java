package com.mallrank.index.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalElasticsearchSettingsTest {

  @Test
  void defaults() {
    LocalElasticsearchSettings settings = LocalElasticsearchSettings.of(Path.of("x"), 9251);

    assertThat(settings.version()).isEqualTo("8.19.7");
    assertThat(settings.heap()).isEqualTo("512m");
    assertThat(settings.startTimeout()).isEqualTo(Duration.ofSeconds(90));
    assertThat(settings.registerShutdownHook()).isFalse();
    assertThat(settings.transportPort()).isEqualTo(9351);
    assertThat(settings.url()).isEqualTo("http://127.0.0.1:9251");
    assertThat(settings.dataDir()).isAbsolute();
    assertThat(settings.artifact())
        .isEqualTo("org.elasticsearch.distribution.integ-test-zip:elasticsearch:8.19.7:zip");
  }

  @Test
  void esJavaOptsHoldTheHeapThenTheFurtherOptions() {
    LocalElasticsearchSettings settings =
        LocalElasticsearchSettings.of(Path.of("x"), 9251).withHeap("256m");

    assertThat(settings.javaOptions()).isEmpty();
    assertThat(settings.esJavaOpts()).isEqualTo("-Xms256m -Xmx256m");
    LocalElasticsearchSettings quick =
        settings.withJavaOptions(List.of("-XX:TieredStopAtLevel=1", "-Dx=y"));
    assertThat(quick.esJavaOpts()).isEqualTo("-Xms256m -Xmx256m -XX:TieredStopAtLevel=1 -Dx=y");
    assertThat(quick.withNode(Path.of("y"), 9252).withCluster(null).javaOptions())
        .as("kept by every other wither")
        .containsExactly("-XX:TieredStopAtLevel=1", "-Dx=y");
  }

  @Test
  void rejectsBadValues() {
    Path dir = Path.of("x");
    assertThatThrownBy(() -> LocalElasticsearchSettings.of(dir, 80))
        .hasMessageContaining("httpPort");
    assertThatThrownBy(() -> LocalElasticsearchSettings.of(dir, 65500))
        .hasMessageContaining("transport port");
    assertThatThrownBy(() -> LocalElasticsearchSettings.of(dir, 9251).withVersion("latest"))
        .hasMessageContaining("version");
    assertThatThrownBy(() -> LocalElasticsearchSettings.of(dir, 9251).withHeap("512"))
        .hasMessageContaining("heap");
    assertThatThrownBy(
            () -> LocalElasticsearchSettings.of(dir, 9251).withStartTimeout(Duration.ZERO))
        .hasMessageContaining("startTimeout");
    for (String option : List.of("-Xmx1g", "-Xms1g", "-XX:A -XX:B", "TieredStopAtLevel=1", "")) {
      assertThatThrownBy(
              () -> LocalElasticsearchSettings.of(dir, 9251).withJavaOptions(List.of(option)))
          .as(option)
          .hasMessage(
              "a Java option must start with '-' and hold no space (heap is set apart), got '"
                  + option
                  + "'");
    }
    assertThatThrownBy(() -> LocalElasticsearchSettings.of(null, 9251))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void configBindsLoopbackSingleNodeWithoutSecurity() {
    LocalElasticsearchSettings settings = LocalElasticsearchSettings.of(Path.of("/d"), 9251);

    String yaml = LocalElasticsearch.config(settings, Path.of("/d"));

    assertThat(yaml)
        .contains("network.host: 127.0.0.1")
        .contains("http.port: 9251")
        .contains("transport.port: 9351")
        .contains("discovery.type: single-node")
        .contains("xpack.security.enabled: false")
        .contains("cluster.routing.allocation.disk.threshold_enabled: false")
        .contains("path.data: \"/d/data\"")
        .contains("path.logs: \"/d/logs\"");
  }

  @Test
  void fallbackDirectoryIsStablePerRequestedPath() {
    Path a = LocalElasticsearch.fallbackDirectory(Path.of("/root/a"));

    assertThat(a).isEqualTo(LocalElasticsearch.fallbackDirectory(Path.of("/root/./a")));
    assertThat(a).isNotEqualTo(LocalElasticsearch.fallbackDirectory(Path.of("/root/b")));
    assertThat(a.getParent()).isEqualTo(Path.of("/var/tmp/mallrank-es"));
  }

  @Test
  void zipPathInTheLocalRepository() {
    assertThat(
            LocalElasticsearchSettings.of(Path.of("/d"), 9200).distribution().in(Path.of("/repo")))
        .isEqualTo(
            Path.of(
                "/repo/org/elasticsearch/distribution/integ-test-zip/elasticsearch/8.19.7/"
                    + "elasticsearch-8.19.7.zip"));
  }

  @Test
  void mainRejectsUnknownCommandsAndOptions() {
    assertThatThrownBy(() -> LocalElasticsearchMain.run(new String[] {}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LocalElasticsearchMain.run(new String[] {"restart"}))
        .hasMessageContaining("unknown command");
    assertThatThrownBy(() -> LocalElasticsearchMain.run(new String[] {"status", "--port"}))
        .hasMessageContaining("needs a value");
    assertThatThrownBy(() -> LocalElasticsearchMain.run(new String[] {"status", "--port", "x"}))
        .hasMessageContaining("--port must be a number");
    assertThatThrownBy(
            () -> LocalElasticsearchMain.run(new String[] {"status", "--start-timeout", "1m"}))
        .hasMessageContaining("--start-timeout must be a number of seconds, got '1m'");
    assertThatThrownBy(
            () -> LocalElasticsearchMain.run(new String[] {"status", "--start-timeout", "0"}))
        .hasMessageContaining("startTimeout must be positive");
  }
}
