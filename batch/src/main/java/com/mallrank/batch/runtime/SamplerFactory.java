package com.mallrank.batch.runtime;

import com.mallrank.batch.config.CrawlerProperties;
import com.mallrank.crawler.fetch.Fetcher;
import com.mallrank.crawler.fetch.JsoupFetcher;
import com.mallrank.crawler.fetch.har.HarInboxes;
import com.mallrank.crawler.net.Connector;
import com.mallrank.crawler.politeness.HostThrottle;
import com.mallrank.crawler.politeness.NeedsLogin;
import com.mallrank.crawler.politeness.RequestBudget;
import com.mallrank.crawler.politeness.TimeSource;
import com.mallrank.crawler.sampler.KeywordSampler;
import com.mallrank.crawler.sampler.SamplerSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Builds the {@link KeywordSampler} of a run. The in-process sandbox mall is sampled without
 * delays; every real site with the configured politeness ({@code crawler.politeness.*}).
 *
 * <p>A slot's partitions share one sampler ({@link #forRun}), with one fetcher per thread: host
 * pacing and identity cool-downs hold for the whole slot, not per partition. Profiles with {@code
 * fetch.with: browser} are rendered by the application's {@link BrowserRuntime}; profiles with
 * {@code fetch.with: har} read the process's one {@link HarInboxes} ({@code crawler.har-dir}, a
 * folder per vantage).
 */
@Component
public class SamplerFactory {

  private final CrawlerProperties properties;
  private final BrowserRuntime browser;
  private final Map<Long, Run> runs = new ConcurrentHashMap<>();
  private final Map<Boolean, HostThrottle> throttles = new ConcurrentHashMap<>();
  private final Map<Instant, NeedsLogin> loggedOut = new ConcurrentHashMap<>();
  private final HarInboxes harInboxes;

  public SamplerFactory(CrawlerProperties properties, BrowserRuntime browser) {
    this.properties = properties;
    this.browser = browser;
    // One inbox per process: each phone capture is read once, whatever slots and groups need it.
    this.harInboxes = properties.harDir() == null ? null : new HarInboxes(properties.harDir());
  }

  /** A sampler for one run; it keeps its hosts' delays and its identities' cool-downs. */
  public KeywordSampler sampler(boolean sandbox) {
    return sampler(fetcher(), sandbox);
  }

  /**
   * The host pacing of the process: one per mode, shared by every sampler and by the main-image
   * downloads, so each host is paced across all of them.
   */
  public HostThrottle throttle(boolean sandbox) {
    return throttles.computeIfAbsent(
        sandbox, s -> KeywordSampler.throttle(settings(s), new Random(), TimeSource.system()));
  }

  private KeywordSampler sampler(Fetcher fetcher, boolean sandbox) {
    return sampler(fetcher, sandbox, new NeedsLogin(), RequestBudget.UNLIMITED);
  }

  private KeywordSampler sampler(
      Fetcher fetcher, boolean sandbox, NeedsLogin needsLogin, RequestBudget budget) {
    return KeywordSampler.builder(fetcher, settings(sandbox))
        .browser(browser.fetcher())
        .throttle(throttle(sandbox))
        .needsLogin(needsLogin)
        .har(harInboxes, properties.harWindow())
        .budget(budget)
        .build();
  }

  /**
   * The sampler shared by the partitions of one job execution, created on first use. The groups
   * sampling the same slot in this process share which accounts were found logged out in it, so an
   * expired login is fetched once per slot, not once per group.
   */
  public KeywordSampler forRun(long jobExecutionId, boolean sandbox, Instant slot) {
    return forRun(jobExecutionId, sandbox, slot, RequestBudget.UNLIMITED);
  }

  /**
   * The sampler shared by the partitions of one job execution, asking {@code budget} before each
   * request (the plan's per-identity budgets, see {@link
   * com.mallrank.batch.budget.RequestBudgets}).
   */
  public KeywordSampler forRun(
      long jobExecutionId, boolean sandbox, Instant slot, RequestBudget budget) {
    return runs.computeIfAbsent(
            jobExecutionId,
            id -> {
              PerThreadFetcher fetchers = new PerThreadFetcher(this::fetcher);
              // The browser fetcher keeps one Chromium per thread itself.
              return new Run(sampler(fetchers, sandbox, needsLogin(slot), budget), fetchers);
            })
        .sampler();
  }

  /** The logged-out accounts of a slot; slots over a day old are forgotten. */
  private NeedsLogin needsLogin(Instant slot) {
    loggedOut.keySet().removeIf(s -> s.isBefore(slot.minus(Duration.ofDays(1))));
    return loggedOut.computeIfAbsent(slot, s -> new NeedsLogin());
  }

  /** Closes the fetchers of a finished job execution. */
  public void endRun(long jobExecutionId) {
    Run run = runs.remove(jobExecutionId);
    if (run != null) {
      run.fetchers().close();
    }
  }

  /** A static fetcher with the configured timeout, page-size cap, User-Agent and redirect limit. */
  public JsoupFetcher fetcher() {
    return new JsoupFetcher(
        new JsoupFetcher.Settings(
            properties.timeout(),
            Math.toIntExact(properties.maxPageSize().toBytes()),
            properties.userAgent(),
            JsoupFetcher.Settings.DEFAULTS.acceptLanguage(),
            properties.maxRedirects()),
        Clock.systemUTC(),
        Connector.direct(),
        browser.proxyRoutes());
  }

  private SamplerSettings settings(boolean sandbox) {
    return sandbox ? SamplerSettings.UNTHROTTLED : properties.politeness().settings();
  }

  private record Run(KeywordSampler sampler, PerThreadFetcher fetchers) {}
}
