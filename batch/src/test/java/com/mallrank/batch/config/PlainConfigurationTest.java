package com.mallrank.batch.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mallrank.batch.cli.CallerPaths;
import com.mallrank.batch.config.PlainConfiguration.Inputs;
import com.mallrank.batch.config.PlainConfiguration.NeedsSpring;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.logging.LogLevel;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertiesPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

/**
 * {@link PlainConfiguration} reads what Spring Boot reads: for the same arguments, environment,
 * system properties and files, the records and log levels it binds equal those of a Spring
 * application (its real environment preparation: command line, {@code CommandLineEnvironment},
 * config data, relaxed binding), or it refuses ({@link NeedsSpring}) and the command starts Spring.
 */
class PlainConfigurationTest {

  @TempDir Path work;

  private int cases;

  /** A command line's configuration inputs; its files in a working directory of its own. */
  private final class Case {
    final Path dir = work.resolve("case" + ++cases);
    final List<String> args = new ArrayList<>();
    final Map<String, String> environment = new LinkedHashMap<>();
    final Map<String, String> system = new LinkedHashMap<>();

    Case args(String... values) {
      args.addAll(List.of(values));
      return this;
    }

    Case env(String name, String value) {
      environment.put(name, value);
      return this;
    }

    Case system(String name, String value) {
      system.put(name, value);
      return this;
    }

    Case file(String path, String text) throws IOException {
      Path file = dir.resolve(path);
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
      return this;
    }

    Inputs inputs() {
      return new Inputs(
          args, environment, system, dir, PlainConfigurationTest.class.getClassLoader());
    }

    PlainConfiguration plain() throws NeedsSpring {
      return PlainConfiguration.read(inputs(), CallerPaths::commandLineValue);
    }
  }

  private Case with() {
    return new Case();
  }

  /** The configuration records of a Spring application, nothing else. */
  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties({CrawlerProperties.class, BatchProperties.class})
  static class Records {}

  private record Bound(
      CrawlerProperties crawler, BatchProperties batch, Map<String, String> levels) {}

  /** What Spring Boot binds for the case, started as the application starts. */
  private Bound spring(Case c) {
    Properties system = new Properties();
    system.putAll(c.system);
    StandardEnvironment environment =
        new StandardEnvironment() {
          @Override
          protected void customizePropertySources(MutablePropertySources sources) {
            sources.addLast(
                new PropertiesPropertySource(SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME, system));
            sources.addLast(
                new SystemEnvironmentPropertySource(
                    SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new LinkedHashMap<>(c.environment)));
          }
        };
    // a relative file (Spring asks for "file:config/application.yml") is in the case's directory
    DefaultResourceLoader loader =
        new DefaultResourceLoader() {
          @Override
          public Resource getResource(String location) {
            if (location.startsWith("file:") && !location.startsWith("file:/")) {
              String relative = location.substring("file:".length());
              return new FileSystemResource(
                  c.dir.resolve(relative.startsWith("./") ? relative.substring(2) : relative));
            }
            return super.getResource(location);
          }
        };
    try (ConfigurableApplicationContext context =
        new SpringApplicationBuilder(Records.class)
            .web(WebApplicationType.NONE)
            .environment(environment)
            .resourceLoader(loader)
            .run(c.args.toArray(String[]::new))) {
      Map<String, String> levels = new LinkedHashMap<>();
      Binder.get(context.getEnvironment())
          .bind("logging.level", Bindable.mapOf(String.class, LogLevel.class))
          .orElse(Map.of())
          .forEach(
              (name, level) ->
                  levels.putIfAbsent(
                      name.equalsIgnoreCase("root") ? "ROOT" : name,
                      level == LogLevel.FATAL ? "ERROR" : level.name()));
      return new Bound(
          context.getBean(CrawlerProperties.class), context.getBean(BatchProperties.class), levels);
    }
  }

  private void agrees(Case c) throws Exception {
    PlainConfiguration plain = c.plain();
    Bound spring = spring(c);
    assertThat(plain.crawler()).as("crawler.* of %s", c.args).isEqualTo(spring.crawler());
    assertThat(plain.batch()).as("batch.* of %s", c.args).isEqualTo(spring.batch());
    assertThat(plain.levels()).as("logging.level.* of %s", c.args).isEqualTo(spring.levels());
  }

  private static void refused(Case c, String reason) {
    assertThatThrownBy(c::plain).isInstanceOf(NeedsSpring.class).hasMessageContaining(reason);
  }

  @Test
  void theDefaultsAreThePackagedFilesAlone() throws Exception {
    Case defaults = with();
    agrees(defaults);
    PlainConfiguration plain = defaults.plain();
    assertThat(plain.crawler().profilesDir()).isEqualTo(Path.of("config/profiles"));
    assertThat(plain.crawler().baseUrl()).isEmpty();
    assertThat(plain.crawler().politeness().maxAttempts()).isEqualTo(3);
    assertThat(plain.crawler().acceptLanguage()).isEqualTo("zh-CN,zh;q=0.9");
    assertThat(plain.crawler().browser().timeouts().page()).isEqualTo(Duration.ofSeconds(60));
    assertThat(plain.crawler().browser().blockResources()).isTrue();
    assertThat(plain.batch().zone()).isEqualTo(java.time.ZoneId.of("Asia/Shanghai"));
    assertThat(plain.levels())
        .containsEntry("ROOT", "WARN")
        .containsEntry("com.mallrank", "INFO")
        .containsEntry("org.apache.http.wire", "OFF");
    assertThat(plain.consolePattern()).isEqualTo("%d{HH:mm:ss} %-5level %logger{0} - %msg%n");
  }

  @Test
  void argumentsInEveryRelaxedSpellingWithPathsFromTheCallersDirectory() throws Exception {
    for (String profiles :
        List.of(
            "--crawler.profiles-dir=mine",
            "--crawler.profilesDir=mine",
            "--crawler.profiles_dir=mine",
            "--Crawler.Profiles-Dir=mine")) {
      agrees(with().args(profiles));
      assertThat(with().args(profiles).plain().crawler().profilesDir())
          .isEqualTo(CallerPaths.resolve("mine"));
    }
    agrees(
        with()
            .args(
                "--crawler.timeout=5s",
                "--crawler.max-page-size=1MB",
                "--crawler.politeness.backoff-jitter=0.5",
                "--crawler.politeness.max-concurrent-per-host=2",
                "--crawler.sandbox.enabled=FALSE",
                "--crawler.base-url=https://example.com/mall",
                "--crawler.user-agent=a b, c",
                "--crawler.accept-language=en-US,en;q=0.8",
                "--crawler.browser.headless=false",
                "--crawler.browser.relaunch-after-pages=7",
                "--crawler.browser.timeouts.wait-for-selector=2s",
                "--crawler.browser.timeouts.page=90000",
                "--batch.zone=UTC",
                "--batch.plan=plans/../plan.yml",
                "--crawler.images.max-size=4096",
                "--crawler.har-window=90000",
                "--batch.schedule.concurrent-jobs=4",
                "profile",
                "test",
                "--profile=sandbox-static",
                "--json"));
  }

  /**
   * A region of the JDK's time-zone database is made a {@code ZoneId} on first use of {@code
   * batch()} (never loading the zone-rules providers otherwise); any other zone text at once. Both
   * bind as Spring binds them.
   */
  @Test
  void everyZoneAsSpringBindsIt() throws Exception {
    for (String zone :
        List.of(
            "Asia/Shanghai",
            "Europe/Paris",
            "America/Argentina/Buenos_Aires",
            "US/Pacific",
            "Etc/GMT-8",
            "UTC",
            "Z",
            "+08:00",
            "GMT+8",
            "UTC+01:30")) {
      agrees(with().args("--batch.zone=" + zone));
      assertThat(with().args("--batch.zone=" + zone).plain().batch().zone())
          .isEqualTo(java.time.ZoneId.of(zone));
    }
    agrees(with().env("BATCH_ZONE", "Europe/Paris"));
  }

  /** What the pending zone takes for a region, {@code ZoneId.of} makes that very region of. */
  @Test
  void everyZoneTakenForARegionIsOne() {
    ClassLoader loader = PlainConfigurationTest.class.getClassLoader();
    int regions = 0;
    for (String id : java.util.TimeZone.getAvailableIDs()) {
      if (PlainConfiguration.PendingZone.isTzdbRegion(id, loader)) {
        assertThat(java.time.ZoneId.of(id).getId()).as(id).isEqualTo(id);
        regions++;
      }
    }
    assertThat(regions).isGreaterThan(400);
    for (String id : List.of("PST", "EST", "UTC", "GMT", "Z", "+08:00", "Mars/Olympus", "Asia/")) {
      assertThat(PlainConfiguration.PendingZone.isTzdbRegion(id, loader)).as(id).isFalse();
    }
  }

  @Test
  void theDebugOptionAndCommandOptionsAreNoConfiguration() throws Exception {
    agrees(
        with().args("--debug", "plan", "validate", "--page=x.html", "--", "--crawler.timeout=1s"));
  }

  @Test
  void systemPropertiesThenEnvironmentThenFilesThenThePackagedFile() throws Exception {
    Case all =
        with()
            .args("--crawler.timeout=1s")
            .system("crawler.timeout", "2s")
            .system("crawler.user-agent", "from -D")
            .system("crawler.politeness.jitter", "3s")
            .env("CRAWLER_TIMEOUT", "4s")
            .env("CRAWLER_USERAGENT", "from the environment")
            .env("CRAWLER_POLITENESS_JITTER", "5s")
            .env("CRAWLER_POLITENESS_MAX_ATTEMPTS", "4")
            .env("CRAWLER_POLITENESS_MINDELAY", "0s")
            .env("BATCH_ZONE", "Europe/Paris")
            .env("PATH", "/usr/bin")
            .env("BATCH_SIZE", "unrelated")
            .file(
                "config/application.yml",
                """
                crawler:
                  timeout: 6s
                  politeness:
                    jitter: 7s
                    max-attempts: 5
                    cooldown: 1m
                  evidence.enabled: off
                batch:
                  zone: UTC
                  threads: 3
                """)
            .file(
                "application.yml",
                """
                crawler:
                  politeness:
                    cooldown: 2m
                    max-cooldown: 3h
                  max-redirects: 2
                """);
    agrees(all);
    PlainConfiguration plain = all.plain();
    assertThat(plain.crawler().timeout()).hasSeconds(1);
    assertThat(plain.crawler().userAgent()).isEqualTo("from -D");
    assertThat(plain.crawler().politeness().jitter()).hasSeconds(3);
    assertThat(plain.crawler().politeness().maxAttempts()).isEqualTo(4);
    assertThat(plain.crawler().politeness().cooldown()).hasMinutes(1);
    assertThat(plain.crawler().politeness().maxCooldown()).hasHours(3);
    assertThat(plain.crawler().maxRedirects()).isEqualTo(2);
    assertThat(plain.crawler().evidence().enabled()).isFalse();
    assertThat(plain.batch().zone()).isEqualTo(java.time.ZoneId.of("Europe/Paris"));
    assertThat(plain.batch().threads()).isEqualTo(3);
  }

  @Test
  void yamlScalarsAsSpringReadsThem() throws Exception {
    agrees(
        with()
            .file(
                "config/application.yaml",
                """
                crawler:
                  user-agent: yes
                  base-url: 010
                  timeout: 1500
                  max-page-size: 1048576
                  sandbox: {enabled: false, port: 0x10}
                  browser:
                    executable: /opt/chromium/./chrome
                    device: desktop
                  politeness.backoff-multiplier: 3
                  har-dir: 2026-11-30
                batch:
                  plan: 2026-11-30.yml
                logging:
                  level:
                    com.mallrank.batch: debug
                    org.jsoup: OFF
                    root: info
                """));
  }

  @Test
  void logLevelsFromEverySourceTheHighestWins() throws Exception {
    agrees(
        with()
            .args("--logging.level.com.mallrank=DEBUG", "--logging.level.com.Mixed.Case=trace")
            .system("logging.level.org.jsoup", "warn")
            .system("logging.level.com.mallrank", "error")
            .env("LOGGING_LEVEL_COM_MALLRANK_CRAWLER", "TRACE")
            .env("LOGGING_LEVEL_ROOT", "ERROR")
            .file("config/application.yml", "logging.level.com.zaxxer.hikari: fatal\n"));
  }

  @Test
  void whatThisReaderDoesNotReadIsLeftToSpring() throws Exception {
    refused(with().file("config/application.properties", "crawler.timeout=3s\n"), "files");
    refused(with().file("application-default.yml", "crawler.timeout: 3s\n"), "files");
    refused(with().file("config/local/application.yml", "crawler.timeout: 3s\n"), "local");
    refused(
        with().file("config/application.yml", "a: 1\n").file("config/application.yaml", "b: 2\n"),
        "files");
    refused(
        with().file("config/application.yml", "crawler.timeout: 3s\n---\ncrawler.timeout: 4s\n"),
        "several YAML documents");
    refused(with().file("config/application.yml", "crawler:\n  timeout: [1s]\n"), "list");
    refused(with().args("--spring.profiles.active=dev"), "spring.profiles.active");
    refused(with().env("SPRING_CONFIG_LOCATION", "/etc/mallrank/"), "SPRING_CONFIG_LOCATION");
    refused(with().env("SPRING_APPLICATION_JSON", "{}"), "SPRING_APPLICATION_JSON");
    refused(with().env("DEBUG", "true"), "DEBUG");
    refused(with().env("crawler_timeout", "3s"), "not upper case");
    refused(with().env("CRAWLER_POLITENESS", "x"), "CRAWLER_POLITENESS");
    refused(with().args("--crawler.politeness=x"), "crawler.politeness");
    refused(with().args("--crawler.timeout=${TIMEOUT:3s}"), "placeholder");
    refused(with().args("--crawler.timeout= 3s"), "blanks");
    refused(with().args("--crawler.evidence.enabled=yes"), "String");
    refused(with().args("--crawler.timeout=1s", "--crawler.timeout=2s"), "twice");
    refused(with().args("--logging.file.name=mallrank.log"), "logging.file.name");
    refused(with().args("--logging.level.web=debug"), "group");
    refused(with().args("--logging.level.ROOT=debug"), "root spelled otherwise");
    refused(with().file("config/application.yml", "crawler.profiles-dir: file:/x\n"), "URL");
    // on the command line it is a path relative to the caller, for Spring as here
    agrees(with().args("--crawler.profiles-dir=classpath:x"));
    refused(
        with().file("config/application.yml", "crawler.evidence.dir: mallrank/profiles\n"),
        "class path resource");
    refused(with().file("config/application.yml", "batch:\n  accounts-dir: ~\n"), "blank");
  }

  @Test
  void aValueSpringRefusesIsRefusedHereAndSpringNamesTheKey() throws Exception {
    for (String bad :
        List.of(
            "--crawler.timeout=soon",
            "--crawler.max-redirects=50",
            "--crawler.politeness.max-attempts=0",
            "--batch.zone=Mars/Olympus",
            "--batch.browser-executable=/usr/bin/chromium")) {
      Case c = with().args(bad);
      assertThatThrownBy(c::plain).as(bad).isInstanceOf(NeedsSpring.class);
      assertThatThrownBy(() -> spring(c))
          .as(bad)
          .hasStackTraceContaining(bad.substring(2, bad.indexOf('=')));
    }
  }

  @Test
  void everyComponentOfTheRecordsIsAKeyItReads() {
    assertThat(PlainConfiguration.keys())
        .contains(
            "crawler.profiles-dir",
            "crawler.max-page-size",
            "crawler.politeness.max-concurrent-per-host",
            "crawler.accept-language",
            "crawler.browser.headless",
            "crawler.browser.relaunch-after-pages",
            "crawler.browser.block-resources",
            "crawler.browser.timeouts.launch",
            "crawler.browser.timeouts.wait-for-selector",
            "batch.accounts-dir",
            "batch.schedule.shutdown-grace")
        .allMatch(key -> key.equals(key.toLowerCase(Locale.ROOT)));
  }
}
