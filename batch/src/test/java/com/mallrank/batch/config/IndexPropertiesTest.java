package com.mallrank.batch.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IndexPropertiesTest {

  @Test
  void aBulkRetryBoundThatIsNotPositiveIsRefusedNamingTheKey() {
    for (Duration bad : new Duration[] {Duration.ZERO, Duration.ofSeconds(-5), null}) {
      assertThatThrownBy(() -> properties(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("index.bulk-retry must be a positive duration");
    }
    assertThat(properties(Duration.ofSeconds(30)).bulkRetry()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void theLocalNodesJavaOptionsAreNoneByDefaultAndACommaListFromTheCommandLine() {
    IndexProperties defaults =
        ApplicationYaml.binder(Map.of()).bind("index", IndexProperties.class).get();
    IndexProperties given =
        ApplicationYaml.binder(Map.of("index.local.java-options", "-XX:TieredStopAtLevel=1,-Dx=y"))
            .bind("index", IndexProperties.class)
            .get();

    assertThat(defaults.local().javaOptions()).isEmpty();
    assertThat(given.local().javaOptions()).containsExactly("-XX:TieredStopAtLevel=1", "-Dx=y");
  }

  private static IndexProperties properties(Duration bulkRetry) {
    return new IndexProperties(
        "mallrank",
        "false",
        new IndexProperties.Es(null, null, null, null, null, null, null, null),
        new IndexProperties.Local(
            Path.of("data/elasticsearch"), 9200, "8.19.7", "512m", true, List.of()),
        0,
        bulkRetry);
  }
}
