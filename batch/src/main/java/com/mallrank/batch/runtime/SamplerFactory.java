package com.mallrank.batch.runtime;

import com.mallrank.batch.config.CrawlerProperties;
import com.mallrank.crawler.fetch.Fetcher;
import com.mallrank.crawler.fetch.JsoupFetcher;
import com.mallrank.crawler.fetch.har.HarInboxes;
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
import java.util.function.Function;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Builds the {@link KeywordSampler} of a run, paced with its {@link Target}'s politeness.
 *
 * <p>A slot's partitions share one sampler ({@link #forRun}), with one fetcher per thread: host
 * pacing and identity cool-downs hold for the whole slot, not per partition. Profiles with {@code
 * fetch.with: browser} are rendered by the application's {@link BrowserRuntime}; profiles with
 * {@code fetch.with: har} read the process's one {@link HarInboxes} ({@code crawler.har-dir}, a
 * folder per vantage).
 *
 * <p>The accounts found logged out in a slot ({@link NeedsLogin}) are kept in the application's
 * database when it has one ({@link JdbcNeedsLoginMarks}), so every worker process sampling the slot
 * skips them; the offline commands, without a database, keep them in memory.
 */
@Component
public class SamplerFactory {

  private final CrawlerProperties properties;
  private final BrowserRuntime browser;
  private final Map<Long, Run> runs = new ConcurrentHashMap<>();
  private final Map<SamplerSettings, HostThrottle> throttles = new ConcurrentHashMap<>();
  private final Map<Instant, NeedsLogin> loggedOut = new ConcurrentHashMap<>();
  private final HarInboxes harInboxes;
  private final Function<Instant, NeedsLogin.Marks> slotMarks;

  /** Marks kept in this process's memory: for the commands that have no database. */
  public SamplerFactory(CrawlerProperties properties, BrowserRuntime browser) {
    this(properties, browser, (DataSource) null);
  }

  /** Marks kept in the application's database, when the context has one. */
  @Autowired
  public SamplerFactory(
      CrawlerProperties properties, BrowserRuntime browser, ObjectProvider<DataSource> database) {
    this(properties, browser, database.getIfAvailable());
  }

  /**
   * @param database where the slots' needs-login marks are kept, shared by every process using it;
   *     {@code null}: in this process's memory
   */
  public SamplerFactory(CrawlerProperties properties, BrowserRuntime browser, DataSource database) {
    this.properties = properties;
    this.browser = browser;
    this.slotMarks =
        database == null
            ? slot -> null
            : slot -> new JdbcNeedsLoginMarks(database, slot, Clock.systemUTC());
    // One inbox per process: each phone capture is read once, whatever slots and groups need it.
    this.harInboxes = properties.harDir() == null ? null : new HarInboxes(properties.harDir());
  }

  /** A sampler for one run; it keeps its hosts' delays and its identities' cool-downs. */
  public KeywordSampler sampler(Target target) {
    return sampler(fetcher(), target.politeness());
  }

  /**
   * The host pacing of the process: one per politeness, shared by every sampler and by the
   * main-image downloads, so each host is paced across all of them.
   */
  public HostThrottle throttle(Target target) {
    return throttle(target.politeness());
  }

  private HostThrottle throttle(SamplerSettings politeness) {
    return throttles.computeIfAbsent(
        politeness, s -> KeywordSampler.throttle(s, new Random(), TimeSource.system()));
  }

  private KeywordSampler sampler(Fetcher fetcher, SamplerSettings politeness) {
    return sampler(fetcher, politeness, new NeedsLogin(), RequestBudget.UNLIMITED);
  }

  private KeywordSampler sampler(
      Fetcher fetcher, SamplerSettings politeness, NeedsLogin needsLogin, RequestBudget budget) {
    return KeywordSampler.builder(fetcher, politeness)
        .browser(browser.fetcher())
        .throttle(throttle(politeness))
        .needsLogin(needsLogin)
        .har(harInboxes, properties.harWindow())
        .budget(budget)
        .build();
  }

  /**
   * The sampler shared by the partitions of one job execution, created on first use. The groups
   * sampling the same slot, in this process and (through the database) in every other worker, share
   * which accounts were found logged out in it, so an expired login is fetched once per slot, not
   * once per group or worker.
   */
  public KeywordSampler forRun(long jobExecutionId, Target target, Instant slot) {
    return forRun(jobExecutionId, target, slot, RequestBudget.UNLIMITED);
  }

  /**
   * The sampler shared by the partitions of one job execution, asking {@code budget} before each
   * request (the plan's per-identity budgets, see {@link
   * com.mallrank.batch.budget.RequestBudgets}).
   */
  public KeywordSampler forRun(
      long jobExecutionId, Target target, Instant slot, RequestBudget budget) {
    return runs.computeIfAbsent(
            jobExecutionId,
            id -> {
              PerThreadFetcher fetchers = new PerThreadFetcher(this::fetcher);
              // The browser fetcher keeps one Chromium per thread itself.
              return new Run(
                  sampler(fetchers, target.politeness(), needsLogin(slot), budget), fetchers);
            })
        .sampler();
  }

  /**
   * The logged-out accounts of a slot, in the database when there is one; slots over a day old are
   * forgotten here (the table keeps them a few days).
   */
  private NeedsLogin needsLogin(Instant slot) {
    loggedOut.keySet().removeIf(s -> s.isBefore(slot.minus(Duration.ofDays(1))));
    return loggedOut.computeIfAbsent(
        slot,
        s -> {
          NeedsLogin.Marks shared = slotMarks.apply(s);
          return shared == null ? new NeedsLogin() : new NeedsLogin(shared);
        });
  }

  /** Closes the fetchers of a finished job execution. */
  public void endRun(long jobExecutionId) {
    Run run = runs.remove(jobExecutionId);
    if (run != null) {
      run.fetchers().close();
    }
  }

  /**
   * A static fetcher with the configured timeout, page-size cap, User-Agent, Accept-Language and
   * redirect limit, on the process's clients (each identity's own network), saving the cookies a
   * site rotates into the account's login state.
   */
  public JsoupFetcher fetcher() {
    return new JsoupFetcher(
            new JsoupFetcher.Settings(
                properties.timeout(),
                Math.toIntExact(properties.maxPageSize().toBytes()),
                properties.userAgent(),
                properties.acceptLanguage(),
                properties.maxRedirects()),
            Clock.systemUTC(),
            browser.httpClients())
        .savingRotatedCookies(browser.storageStates());
  }

  private record Run(KeywordSampler sampler, PerThreadFetcher fetchers) {}
}
