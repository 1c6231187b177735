package com.mallrank.batch.ops;

import com.mallrank.batch.config.BatchProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code browser}: the Chromium of {@code batch.browser-executable} is present and executable.
 * Missing, it is DOWN: browser profiles cannot sample (static profiles still can).
 */
@Component("browser")
public class BrowserHealthIndicator implements HealthIndicator {

  private final Path executable;

  public BrowserHealthIndicator(BatchProperties properties) {
    this.executable = properties.browserExecutable();
  }

  @Override
  public Health health() {
    boolean present = Files.isRegularFile(executable) && Files.isExecutable(executable);
    return (present ? Health.up() : Health.down())
        .withDetail("executable", executable.toString())
        .withDetail("present", present)
        .build();
  }
}
