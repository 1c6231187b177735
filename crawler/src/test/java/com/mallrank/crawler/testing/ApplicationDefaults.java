package com.mallrank.crawler.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.mallrank.crawler.fetch.JsoupFetcher;
import com.mallrank.crawler.fetch.browser.BrowserSettings;
import com.mallrank.crawler.fetch.browser.BrowserTimeouts;
import com.mallrank.crawler.fetch.browser.Emulation;
import com.mallrank.crawler.fetch.browser.PlaywrightFetcher;
import com.mallrank.crawler.fetch.browser.RenderOptions;
import com.mallrank.crawler.fetch.browser.StorageStates;
import com.mallrank.crawler.net.Connector;
import com.mallrank.crawler.repair.ProfileRepair;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Settings built from the defaults of {@code batch/src/main/resources/application.yml}, the one
 * home of defaults, read from the checkout: tests of the crawler run with what production runs
 * with, and no production class carries a default of its own. (The crawler has no Spring: this
 * reads the few values it needs; {@code ConfigDefaultsTest} checks the yml itself.)
 */
public final class ApplicationDefaults {

  private static final JsonNode YML = read();
  private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)");
  private static final Pattern SIZE = Pattern.compile("(\\d+)(B|KB|MB|GB)");

  private ApplicationDefaults() {}

  /** The static fetcher as {@code crawler.*} configures it. */
  public static JsoupFetcher.Settings jsoup() {
    return new JsoupFetcher.Settings(
        duration("crawler.timeout"),
        Math.toIntExact(bytes("crawler.max-page-size")),
        text("crawler.user-agent"),
        text("crawler.accept-language"),
        Integer.parseInt(text("crawler.max-redirects")));
  }

  /** The static fetcher's defaults with another timeout. */
  public static JsoupFetcher.Settings jsoup(Duration timeout) {
    return jsoup(timeout, jsoup().maxBodyBytes());
  }

  /** The static fetcher's defaults with another timeout and page-size cap. */
  public static JsoupFetcher.Settings jsoup(Duration timeout, int maxBodyBytes) {
    JsoupFetcher.Settings d = jsoup();
    return new JsoupFetcher.Settings(
        timeout, maxBodyBytes, d.userAgent(), d.acceptLanguage(), d.maxRedirects());
  }

  /**
   * {@code profile repair}'s settings: its {@code --min-agreement} default (90 %) and {@code
   * crawler.max-page-size}.
   */
  public static ProfileRepair.Settings repair() {
    return new ProfileRepair.Settings(0.9, bytes("crawler.max-page-size"));
  }

  /** {@code crawler.browser.timeouts.*}. */
  public static BrowserTimeouts browserTimeouts() {
    return new BrowserTimeouts(
        duration("crawler.browser.timeouts.launch"),
        duration("crawler.browser.timeouts.navigation"),
        duration("crawler.browser.timeouts.wait-for-selector"),
        duration("crawler.browser.timeouts.growth"),
        duration("crawler.browser.timeouts.page"));
  }

  /** The browser as {@code crawler.browser.*} configures it (a phone: {@code device: mobile}). */
  public static BrowserSettings browser() {
    String device = text("crawler.browser.device");
    return new BrowserSettings(
        Path.of(text("crawler.browser.executable")),
        Boolean.parseBoolean(text("crawler.browser.headless")),
        Integer.parseInt(text("crawler.browser.recycle-after-pages")),
        Integer.parseInt(text("crawler.browser.relaunch-after-pages")),
        device.equals("desktop") ? Emulation.desktop() : Emulation.mobile(),
        browserTimeouts(),
        Boolean.parseBoolean(text("crawler.browser.block-resources")),
        bytes("crawler.max-page-size"),
        List.of());
  }

  /**
   * A browser fetcher on the direct network, following {@code crawler.max-redirects} redirects as
   * production's does.
   */
  public static PlaywrightFetcher playwright(
      BrowserSettings settings, RenderOptions options, StorageStates states) {
    return new PlaywrightFetcher(
        settings, options, states, Connector.direct(), jsoup().maxRedirects());
  }

  /** The text of a key ({@code crawler.user-agent}); fails the test when it is absent. */
  public static String text(String key) {
    JsonNode node = YML;
    for (String part : key.split("\\.")) {
      node = node.path(part);
    }
    if (!node.isValueNode()) {
      throw new IllegalStateException("no " + key + " in application.yml");
    }
    return node.asText();
  }

  /** A duration key as Spring reads its simple form ({@code 20s}, {@code 250ms}, {@code 7d}). */
  public static Duration duration(String key) {
    Matcher m = DURATION.matcher(text(key));
    if (!m.matches()) {
      throw new IllegalStateException(key + ": not a simple duration: " + text(key));
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofDays(n);
    };
  }

  /** A data size key as Spring reads it ({@code 8MB} is 8 MiB). */
  public static long bytes(String key) {
    Matcher m = SIZE.matcher(text(key));
    if (!m.matches()) {
      throw new IllegalStateException(key + ": not a simple data size: " + text(key));
    }
    int shift =
        switch (m.group(2)) {
          case "B" -> 0;
          case "KB" -> 10;
          case "MB" -> 20;
          default -> 30;
        };
    return Long.parseLong(m.group(1)) << shift;
  }

  private static JsonNode read() {
    Path dir = Path.of("").toAbsolutePath();
    for (Path at = dir; at != null; at = at.getParent()) {
      Path yml = at.resolve("batch/src/main/resources/application.yml");
      if (Files.isRegularFile(yml)) {
        try {
          return new YAMLMapper().readTree(yml.toFile());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    throw new IllegalStateException("no batch/src/main/resources/application.yml above " + dir);
  }
}
