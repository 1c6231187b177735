package com.mallrank.batch.runtime;

import com.mallrank.batch.config.CrawlerProperties;
import com.mallrank.crawler.fetch.browser.BrowserSettings;
import com.mallrank.crawler.fetch.browser.Emulation;
import com.mallrank.crawler.fetch.browser.PlaywrightFetcher;
import com.mallrank.crawler.fetch.browser.RenderOptions;
import com.mallrank.crawler.fetch.browser.StorageStates;
import com.mallrank.crawler.net.Connector;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The browser fetcher of the application: one per process, one Chromium per worker thread, started
 * on the first page that needs it and closed with the application.
 */
@Component
public class BrowserRuntime implements DisposableBean {

  private final CrawlerProperties.Browser properties;
  private final int maxRedirects;
  private PlaywrightFetcher fetcher;

  public BrowserRuntime(CrawlerProperties properties) {
    this.properties = properties.browser();
    this.maxRedirects = properties.maxRedirects();
  }

  public synchronized PlaywrightFetcher fetcher() {
    if (fetcher == null) {
      BrowserSettings settings =
          BrowserSettings.defaults()
              .withExecutable(properties.executable())
              .withRecycleAfterPages(properties.recycleAfterPages())
              .withEmulation(emulation(properties.device()));
      fetcher =
          new PlaywrightFetcher(
              settings,
              RenderOptions.dom("body"),
              StorageStates.inDirectory(properties.storageStates()),
              Connector.direct(),
              maxRedirects);
    }
    return fetcher;
  }

  static Emulation emulation(String device) {
    return switch (device) {
      case "mobile" -> Emulation.mobile();
      case "desktop" -> Emulation.desktop();
      default ->
          throw new IllegalArgumentException(
              "crawler.browser.device must be mobile or desktop, was '" + device + "'");
    };
  }

  @Override
  public synchronized void destroy() {
    if (fetcher != null) {
      fetcher.close();
      fetcher = null;
    }
  }
}
