package com.mallrank.batch.runtime;

import com.mallrank.batch.config.CrawlerProperties;
import com.mallrank.crawler.fetch.JsoupFetcher;
import com.mallrank.crawler.sampler.KeywordSampler;
import com.mallrank.crawler.sampler.SamplerSettings;
import org.springframework.stereotype.Component;

/**
 * Builds the {@link KeywordSampler} of a run. The in-process sandbox mall is sampled without
 * delays; every real site with the polite defaults ({@link SamplerSettings#DEFAULTS}).
 */
@Component
public class SamplerFactory {

  private final CrawlerProperties properties;
  private final BrowserRuntime browser;

  public SamplerFactory(CrawlerProperties properties, BrowserRuntime browser) {
    this.properties = properties;
    this.browser = browser;
  }

  /** A sampler for one run; it keeps its hosts' delays and its identities' cool-downs. */
  public KeywordSampler sampler(boolean sandbox) {
    JsoupFetcher fetcher =
        new JsoupFetcher(
            new JsoupFetcher.Settings(
                properties.timeout(),
                Math.toIntExact(properties.maxPageSize().toBytes()),
                properties.userAgent(),
                JsoupFetcher.Settings.DEFAULTS.acceptLanguage()));
    return new KeywordSampler(
        fetcher,
        browser.fetcher(),
        sandbox ? SamplerSettings.UNTHROTTLED : SamplerSettings.DEFAULTS);
  }
}
