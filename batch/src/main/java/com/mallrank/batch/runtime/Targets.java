package com.mallrank.batch.runtime;

import com.mallrank.batch.config.CrawlerProperties;
import com.mallrank.crawler.profile.SiteProfile;
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

  /**
   * The target {@code profile} is sampled on. Only a profile whose search URL is under the base URL
   * ({@code {base}}) needs {@link #target()}; with {@code crawler.base-url} blank, one on a site of
   * its own (an absolute URL template, e.g. douyin-buyin) or read from phone captures (douyin-mall)
   * is sampled as a real site, {@code crawler.politeness.*}, with no base URL: no default target is
   * started for it.
   */
  public Target target(SiteProfile profile) {
    return blank(properties.baseUrl()) && !profile.search().usesBase()
        ? Target.site("", properties.politeness())
        : target();
  }

  /** The target of this process. */
  public Target target() {
    String configured = properties.baseUrl();
    if (!blank(configured)) {
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

  private static boolean blank(String baseUrl) {
    return baseUrl == null || baseUrl.isBlank();
  }
}
