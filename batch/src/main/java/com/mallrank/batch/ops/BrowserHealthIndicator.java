package com.mallrank.batch.ops;

import com.mallrank.batch.config.CrawlerProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code browser}: the Chromium of {@code crawler.browser.executable} (the one the browser fetcher
 * runs) is present and executable. Missing, it is DOWN: browser profiles cannot sample (static
 * profiles still can).
 */
@Component("browser")
public class BrowserHealthIndicator implements HealthIndicator {

  private final Path executable;

  public BrowserHealthIndicator(CrawlerProperties properties) {
    this.executable = properties.browser().executable();
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
