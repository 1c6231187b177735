package com.mallrank.batch.config;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code crawler.*}: how pages are fetched and read.
 *
 * @param profilesDir a folder of extra site profiles ({@code <id>.yml}) that override the built-in
 *     ones
 * @param baseUrl the value of {@code {base}} in profile URL templates; blank = the sandbox mall's
 *     URL
 * @param timeout the timeout of one page fetch
 * @param userAgent the User-Agent sent by the static fetcher
 * @param maxPageSize pages larger than this are an error (no out-of-memory on a huge page)
 * @param sandbox the in-process sandbox mall
 * @param browser the real browser that renders the pages of {@code fetch.with: browser} profiles
 * @param images main-image fingerprints (perceptual hashes)
 * @param maxRedirects the most redirects one fetch (static page, browser navigation, image)
 *     follows; every hop passes the address guard, the host allow-list and the host throttle
 * @param evidence what is kept of samples that produce no ranks
 * @param harDir where HAR files captured on a phone are dropped, read by {@code fetch.with: har}
 *     profiles
 * @param harWindow a HAR capture belongs to a slot when it started within this long after the
 *     slot's time
 */
@ConfigurationProperties("crawler")
public record CrawlerProperties(
    Path profilesDir,
    String baseUrl,
    Duration timeout,
    String userAgent,
    DataSize maxPageSize,
    Sandbox sandbox,
    Browser browser,
    Images images,
    int maxRedirects,
    Evidence evidence,
    Path harDir,
    Duration harWindow) {

  public CrawlerProperties {
    if (maxRedirects < 0 || maxRedirects > 20) {
      throw new IllegalArgumentException(
          "crawler.max-redirects must be 0..20, was " + maxRedirects);
    }
  }

  /**
   * The simulated mall, for the demo and for trying mallrank without touching a real site.
   *
   * @param enabled start it when a job needs {@code {base}} and no {@code crawler.base-url} is set
   * @param port its port on 127.0.0.1; 0 = any free port
   */
  public record Sandbox(boolean enabled, int port) {}

  /**
   * Chromium, driven by Playwright, for JavaScript-rendered pages.
   *
   * @param executable the Chromium binary (Debian: /usr/bin/chromium); Playwright downloads nothing
   * @param device {@code mobile} (phone emulation: Douyin Mall is a phone app) or {@code desktop}
   * @param recycleAfterPages a browser context (one per identity) is replaced after this many pages
   */
  public record Browser(Path executable, String device, int recycleAfterPages) {}

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
