package com.mallrank.batch.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallrank.batch.config.ApplicationYaml;
import com.mallrank.batch.config.CrawlerProperties;
import com.mallrank.crawler.sampler.SamplerSettings;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Which target a profile is sampled on, with the built-in profiles: with {@code crawler.base-url}
 * blank, only a profile whose search URL is under {@code {base}} starts the default target (the
 * demo wiring's mall); a phone surface (douyin-mall) or a site of its own (douyin-buyin) is sampled
 * as a real site with {@code crawler.politeness.*} and starts nothing. Before, every sample job
 * asked the default target, whatever its group's profile.
 */
class TargetsTest {

  private static final Target LOCAL =
      new Target(
          "a local site",
          "http://127.0.0.1:9",
          SamplerSettings.UNTHROTTLED,
          true,
          List.of(),
          "uid",
          null);

  private final AtomicInteger started = new AtomicInteger();

  private Targets targets(CrawlerProperties properties) {
    return new Targets(
        properties,
        Optional.of(
            () -> {
              started.incrementAndGet();
              return LOCAL;
            }));
  }

  @Test
  void withABlankBaseUrlOnlyAProfileUnderBaseStartsTheDefaultTarget() {
    CrawlerProperties properties =
        ApplicationYaml.bind("crawler", CrawlerProperties.class, Map.of());
    SiteProfileRegistry profiles = new SiteProfileRegistry(properties);
    Targets targets = targets(properties);

    Target phone = targets.target(profiles.get("douyin-mall"));
    Target ownSite = targets.target(profiles.get("douyin-buyin"));
    assertThat(started).as("nothing started for a phone surface or a site of its own").hasValue(0);
    for (Target real : List.of(phone, ownSite)) {
      assertThat(real)
          .isEqualTo(
              new Target(
                  "crawler.base-url", "", properties.politeness(), false, List.of(), null, null));
    }
    assertThat(properties.politeness()).isNotEqualTo(SamplerSettings.UNTHROTTLED);

    for (String underBase : List.of("sandbox-static", "sandbox-spa", "sandbox-selection")) {
      assertThat(targets.target(profiles.get(underBase))).as(underBase).isSameAs(LOCAL);
    }
    assertThat(started).hasValue(3);
  }

  @Test
  void aConfiguredBaseUrlIsEveryProfilesTarget() {
    CrawlerProperties properties =
        ApplicationYaml.bind(
            "crawler",
            CrawlerProperties.class,
            Map.of("crawler.base-url", "https://mall.example.com"));
    SiteProfileRegistry profiles = new SiteProfileRegistry(properties);
    Targets targets = targets(properties);

    for (String id : List.of("douyin-mall", "douyin-buyin", "sandbox-static")) {
      assertThat(targets.target(profiles.get(id)))
          .as(id)
          .isEqualTo(Target.site("https://mall.example.com", properties.politeness()));
    }
    assertThat(started).hasValue(0);
  }
}
