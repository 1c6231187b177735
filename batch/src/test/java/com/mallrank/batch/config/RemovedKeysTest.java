package com.mallrank.batch.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mallrank.batch.MallrankApplication;
import com.mallrank.batch.cli.FriendlyErrors;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The removed {@code batch.browser-executable} stops the start with one line naming its heir. */
class RemovedKeysTest {

  private static final String LINE =
      "configuration key batch.browser-executable was removed: set crawler.browser.executable (the"
          + " one Chromium key: it runs the browser fetcher and is the one /actuator/health checks)"
          + " instead";

  @Test
  void onTheCommandLineTheApplicationDoesNotStartAndSaysWhatToSetInOneLine() {
    Throwable failure = null;
    try {
      MallrankApplication.application("--batch.browser-executable=/usr/bin/chromium", "--help")
          .run("--batch.browser-executable=/usr/bin/chromium", "--help");
    } catch (RuntimeException e) {
      failure = e;
    }
    assertThat(failure).isInstanceOf(RemovedKeys.RemovedKeyException.class);
    assertThat(FriendlyErrors.startupFailure(failure)).isEqualTo(LINE);
  }

  @Test
  void inTheEnvironmentItIsRefusedToo() {
    StandardEnvironment environment = new StandardEnvironment();
    environment
        .getPropertySources()
        .addFirst(
            new SystemEnvironmentPropertySource(
                "test-env", Map.of("BATCH_BROWSER_EXECUTABLE", "/opt/chromium")));
    assertThatThrownBy(() -> RemovedKeys.check(environment::containsProperty))
        .isInstanceOf(RemovedKeys.RemovedKeyException.class)
        .hasMessage(LINE);
  }

  @Test
  void theStepsWriteRetriesAreRefusedForTheIndexsOneRetry() {
    StandardEnvironment environment = new StandardEnvironment();
    environment
        .getPropertySources()
        .addFirst(
            new SystemEnvironmentPropertySource("test-env", Map.of("BATCH_WRITE_RETRIES", "3")));
    assertThatThrownBy(() -> RemovedKeys.check(environment::containsProperty))
        .isInstanceOf(RemovedKeys.RemovedKeyException.class)
        .hasMessage(
            "configuration key batch.write-retries was removed: set index.bulk-retry (the one"
                + " retry of a slot's writes: how long a bulk, and the look-up and deletion of a"
                + " rewritten sample's stale listings, are retried while the cluster heals)"
                + " instead");
  }

  @Test
  void theDefaultsDoNotSetIt() {
    StandardEnvironment environment = new StandardEnvironment();
    ApplicationYaml.sources().forEach(environment.getPropertySources()::addLast);
    assertThat(environment.getProperty("crawler.browser.executable"))
        .isEqualTo("/usr/bin/chromium");
    RemovedKeys.check(environment::containsProperty);
  }
}
