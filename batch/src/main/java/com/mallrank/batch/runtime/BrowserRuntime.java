package com.mallrank.batch.runtime;

import com.mallrank.batch.config.BatchProperties;
import com.mallrank.batch.config.CrawlerProperties;
import com.mallrank.batch.plan.MatrixAccount;
import com.mallrank.crawler.fetch.browser.BrowserSettings;
import com.mallrank.crawler.fetch.browser.Emulation;
import com.mallrank.crawler.fetch.browser.PlaywrightFetcher;
import com.mallrank.crawler.fetch.browser.RenderOptions;
import com.mallrank.crawler.fetch.browser.SecretStateFiles;
import com.mallrank.crawler.fetch.browser.StorageStates;
import com.mallrank.crawler.net.Connector;
import java.nio.file.Path;
import java.util.Optional;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The browser fetcher of the application: one per process, one Chromium per worker thread, started
 * on the first page that needs it and closed with the application.
 */
@Component
public class BrowserRuntime implements DisposableBean {

  private final CrawlerProperties.Browser properties;
  private final StorageStates states;
  private final int maxRedirects;
  private PlaywrightFetcher fetcher;

  /**
   * Login states have one home: a plan account's {@code storage-state} when it names one, else
   * {@code <batch.accounts-dir>/<account-id>.json}; either is checked (owner-only file and folder)
   * when it is used, and refused with an error naming the file otherwise.
   */
  public BrowserRuntime(
      CrawlerProperties properties, BatchProperties batch, ObjectProvider<PlanRepository> plans) {
    this.properties = properties.browser();
    this.maxRedirects = properties.maxRedirects();
    StorageStates folder = StorageStates.inDirectory(batch.accountsDir());
    this.states =
        identity -> {
          PlanRepository repository = plans.getIfAvailable();
          Path planned =
              repository == null
                  ? null
                  : repository
                      .plan()
                      .account(identity)
                      .map(MatrixAccount::storageState)
                      .orElse(null);
          return planned != null
              ? Optional.of(SecretStateFiles.require(planned))
              : folder.fileOf(identity);
        };
  }

  /**
   * Where each identity's login state is (the same files the browser loads): evidence of a failed
   * page masks the values they hold.
   */
  public StorageStates storageStates() {
    return states;
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
              settings, RenderOptions.dom("body"), states, Connector.direct(), maxRedirects);
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
