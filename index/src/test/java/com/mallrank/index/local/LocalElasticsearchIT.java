package com.mallrank.index.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.mallrank.index.testing.LocalElasticsearchExtension;
import org.junit.jupiter.api.Test;

class LocalElasticsearchIT {

  @Test
  void aSecondEnsureRunningReusesTheServerAndItsCloseDoesNotStopIt() {
    LocalElasticsearch shared = LocalElasticsearchExtension.server();
    assumeTrue(shared != null, "an external cluster is configured");

    try (LocalElasticsearch again = LocalElasticsearch.ensureRunning(shared.settings())) {
      assertThat(again.startedHere()).isFalse();
      assertThat(again.url()).isEqualTo(shared.url());
    }

    assertThat(LocalElasticsearch.findRunning(shared.settings())).isPresent();
    assertThat(HealthProbe.probe(shared.url())).isEqualTo(HealthProbe.State.HEALTHY);
  }

  @Test
  void aPortWithNothingOnItIsNotRunning() {
    LocalElasticsearchSettings nothing =
        LocalElasticsearchSettings.of(java.nio.file.Path.of("target/none"), 9299 - 50);
    assumeTrue(HealthProbe.probe(nothing.url()) == HealthProbe.State.NOT_LISTENING);

    assertThat(LocalElasticsearch.findRunning(nothing)).isEmpty();
  }
}
