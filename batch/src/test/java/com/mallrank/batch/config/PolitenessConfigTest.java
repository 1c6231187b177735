package com.mallrank.batch.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallrank.batch.cli.FriendlyErrors;
import com.mallrank.batch.runtime.SamplerFactory;
import com.mallrank.batch.runtime.Target;
import com.mallrank.batch.runtime.Targets;
import com.mallrank.crawler.politeness.HostThrottle;
import com.mallrank.crawler.sampler.SamplerSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code crawler.politeness.*}: its defaults, its bounds, and that a real site is paced by it. */
class PolitenessConfigTest {

  private static CrawlerProperties crawler(Map<String, String> overrides) {
    return ApplicationYaml.bind("crawler", CrawlerProperties.class, overrides);
  }

  private static String startupError(String key, String value) {
    try {
      crawler(Map.of("crawler.politeness." + key, value));
    } catch (RuntimeException e) {
      return FriendlyErrors.startupFailure(e);
    }
    throw new AssertionError(key + "=" + value + " was accepted");
  }

  @Test
  void theDefaultsAreThePoliteOnesOfBefore() {
    assertThat(crawler(Map.of()).politeness())
        .isEqualTo(
            new SamplerSettings(
                Duration.ofSeconds(2),
                Duration.ofSeconds(1),
                1,
                3,
                Duration.ofSeconds(2),
                Duration.ofSeconds(30),
                2.0,
                0.2,
                Duration.ofSeconds(60),
                Duration.ofMinutes(30),
                Duration.ofHours(6)));
  }

  @Test
  void aValueOutOfBoundsIsOneLineNamingTheKey() {
    assertThat(startupError("min-delay", "20m"))
        .isEqualTo(
            "invalid configuration crawler.politeness: crawler.politeness.min-delay must be"
                + " 0s..10m, was 20m");
    assertThat(startupError("max-concurrent-per-host", "0"))
        .endsWith(": crawler.politeness.max-concurrent-per-host must be 1..16, was 0");
    assertThat(startupError("max-attempts", "11"))
        .endsWith(": crawler.politeness.max-attempts must be 1..10, was 11");
    assertThat(startupError("backoff-jitter", "1.5"))
        .endsWith(": crawler.politeness.backoff-jitter must be 0..1, was 1.5");
    assertThat(startupError("initial-backoff", "31s"))
        .endsWith(": crawler.politeness.initial-backoff must be 0s..30s, was 31s");
    assertThat(startupError("cooldown", "7h"))
        .endsWith(": crawler.politeness.cooldown must be 1s..6h, was 7h");
    assertThat(startupError("jitter", ""))
        .endsWith(": crawler.politeness.jitter is required (a duration, e.g. 2s)");
  }

  @Test
  void aRealSiteIsPacedByTheConfiguredDelayAndConcurrency() throws Exception {
    CrawlerProperties crawler =
        crawler(
            Map.of(
                "crawler.base-url", "https://shop.example",
                "crawler.politeness.min-delay", "300ms",
                "crawler.politeness.jitter", "0s",
                "crawler.politeness.max-concurrent-per-host", "2"));
    SamplerFactory factory = new SamplerFactory(crawler, null);
    HostThrottle throttle = factory.throttle(new Targets(crawler, Optional.empty()).target());
    long start = System.nanoTime();
    try (HostThrottle.Permit a = throttle.acquire("shop.example");
        HostThrottle.Permit b = throttle.acquire("shop.example")) {
      assertThat(throttle.inFlight("shop.example")).isEqualTo(2);
    }
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .as("the second request waits min-delay after the first")
        .isGreaterThanOrEqualTo(Duration.ofMillis(300));
    assertThat(throttle.inFlight("shop.example")).isZero();
    assertThat(
            factory.throttle(
                new Target(
                    "local",
                    "http://127.0.0.1:1",
                    SamplerSettings.UNTHROTTLED,
                    true,
                    List.of(),
                    null,
                    null)))
        .as("a target with other pacing (the unthrottled sandbox) has its own")
        .isNotSameAs(throttle);
  }
}
