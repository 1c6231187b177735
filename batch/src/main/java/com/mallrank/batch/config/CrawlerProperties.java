package com.mallrank.batch.config;

import com.mallrank.crawler.sampler.SamplerSettings;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code crawler.*}: how pages are fetched and read.
 *
 * @param profilesDir a folder of extra site profiles ({@code <id>.yml}) that override the built-in
 *     ones
 * @param baseUrl the value of {@code {base}} in profile URL templates; blank = the default target
 *     (the demo's simulated mall, {@code crawler.sandbox.*}, see {@code runtime.Targets})
 * @param timeout the timeout of one page fetch
 * @param userAgent the User-Agent sent by the static fetcher
 * @param acceptLanguage the Accept-Language sent by the static fetcher
 * @param maxPageSize pages larger than this are an error (no out-of-memory on a huge page)
 * @param browser the real browser that renders the pages of {@code fetch.with: browser} profiles
 * @param images main-image fingerprints (perceptual hashes)
 * @param maxRedirects the most redirects one fetch (static page, browser navigation, image)
 *     follows; every hop passes the address guard, the host allow-list and the host throttle
 * @param evidence what is kept of samples that produce no ranks
 * @param harDir where HAR files captured on a phone are dropped, read by {@code fetch.with: har}
 *     profiles
 * @param harWindow a HAR capture belongs to a slot when it started within this long after the
 *     slot's time
 * @param politeness how the site of {@code crawler.base-url} is paced and retried (the default
 *     target brings its own pacing): bound straight into the crawler's {@link SamplerSettings},
 *     which documents each key and checks its bounds at start-up (a value out of them stops it with
 *     one line naming the key)
 */
@ConfigurationProperties("crawler")
public record CrawlerProperties(
    Path profilesDir,
    String baseUrl,
    Duration timeout,
    String userAgent,
    String acceptLanguage,
    DataSize maxPageSize,
    Browser browser,
    Images images,
    int maxRedirects,
    Evidence evidence,
    Path harDir,
    Duration harWindow,
    SamplerSettings politeness) {

  public CrawlerProperties {
    if (maxRedirects < 0 || maxRedirects > 20) {
      throw new IllegalArgumentException(
          "crawler.max-redirects must be 0..20, was " + maxRedirects);
    }
  }

  /**
   * Chromium, driven by Playwright, for JavaScript-rendered pages.
   *
   * @param executable the Chromium binary (Debian: /usr/bin/chromium); Playwright downloads nothing
   * @param device {@code mobile} (phone emulation: Douyin Mall is a phone app) or {@code desktop}
   * @param recycleAfterPages a browser context (one per identity) is replaced after this many pages
   * @param relaunchAfterPages the whole browser is relaunched after this many pages; 0 = never
   * @param headless run without a window
   * @param blockResources images, fonts and media are aborted before they leave the browser
   * @param timeouts the bound of every wait of a page render
   */
  public record Browser(
      Path executable,
      String device,
      int recycleAfterPages,
      int relaunchAfterPages,
      boolean headless,
      boolean blockResources,
      Timeouts timeouts) {}

  /**
   * {@code crawler.browser.timeouts.*}: every wait of a page render is bounded by one of these.
   *
   * @param launch starting the browser
   * @param navigation until the main document's DOM is loaded
   * @param waitForSelector until the profile's wait-for selector appears (then the page is read as
   *     it is)
   * @param growth after a scroll or a "load more" click, until more listings appear
   * @param page the whole render, from navigation to the returned body
   */
  public record Timeouts(
      Duration launch,
      Duration navigation,
      Duration waitForSelector,
      Duration growth,
      Duration page) {}

  /**
   * Main-image fingerprints: each listing's main image downloaded (size-capped, once per image key)
   * and hashed, so a re-uploaded copy of the same picture under a new key is not reported as a
   * changed main image, and a changed picture is.
   *
   * @param fingerprint download and hash main images while sampling (costs one image request per
   *     new image key)
   * @param maxSize images larger than this are not hashed (the key alone then decides)
   */
  public record Images(boolean fingerprint, DataSize maxSize) {}

  /**
   * Evidence kept for fixing a profile: the body (or captured responses) of every sample that is
   * not ok/partial, secrets removed, and a browser page's screenshot.
   *
   * @param enabled keep evidence
   * @param dir the evidence folder ({@code <slot>/<profile>/<vantage>/<keyword>.*})
   * @param maxSize the most bytes kept of one body or screenshot
   */
  public record Evidence(boolean enabled, Path dir, DataSize maxSize) {}
}
