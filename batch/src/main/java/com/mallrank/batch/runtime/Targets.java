package com.mallrank.batch.runtime;

import com.mallrank.batch.config.CrawlerProperties;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The process's {@link Target}: the site of {@code crawler.base-url} with the configured politeness
 * ({@code crawler.politeness.*}), or, when that key is blank, the {@link DefaultTarget} (started on
 * first use, so {@code mallrank --help} starts nothing).
 */
@Component
public class Targets {

  private final CrawlerProperties properties;
  private final Optional<DefaultTarget> defaults;

  public Targets(CrawlerProperties properties, Optional<DefaultTarget> defaults) {
    this.properties = properties;
    this.defaults = defaults;
  }

  /** The target of this process. */
  public Target target() {
    String configured = properties.baseUrl();
    if (configured != null && !configured.isBlank()) {
      return Target.site(configured, properties.politeness());
    }
    return defaults
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "crawler.base-url is blank and no default target is wired: set"
                        + " crawler.base-url to the site to sample"))
        .target();
  }
}
