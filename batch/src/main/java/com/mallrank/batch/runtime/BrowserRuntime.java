package com.mallrank.batch.runtime;

import com.mallrank.batch.config.BatchProperties;
import com.mallrank.batch.config.CrawlerProperties;
import com.mallrank.batch.plan.IdentityNetwork;
import com.mallrank.batch.plan.MatrixAccount;
import com.mallrank.batch.plan.Plan;
import com.mallrank.crawler.fetch.browser.BrowserSettings;
import com.mallrank.crawler.fetch.browser.BrowserTimeouts;
import com.mallrank.crawler.fetch.browser.Emulation;
import com.mallrank.crawler.fetch.browser.IdentityDevices;
import com.mallrank.crawler.fetch.browser.PlaywrightFetcher;
import com.mallrank.crawler.fetch.browser.RenderOptions;
import com.mallrank.crawler.fetch.browser.SecretStateFiles;
import com.mallrank.crawler.fetch.browser.StorageStates;
import com.mallrank.crawler.net.Connector;
import com.mallrank.crawler.net.HttpClients;
import com.mallrank.crawler.net.ProxyRoutes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The browser fetcher of the application: one per process, one Chromium per worker thread, started
 * on the first page that needs it and closed with the application. And the process's one way out
 * ({@link #httpClients()}): each identity's OkHttp client on its own proxy, shared by the browser's
 * requests, the static fetches and the main-image downloads.
 */
@Component
public class BrowserRuntime implements DisposableBean {

  private final CrawlerProperties.Browser properties;
  private final StorageStates states;
  private final ProxyRoutes routes;
  private final HttpClients clients;
  private final ObjectProvider<PlanRepository> plans;
  private final int maxRedirects;
  private final long maxPageBytes;
  private final Path planFile;
  private volatile CachedPlan cached;
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
    this.maxPageBytes = properties.maxPageSize().toBytes();
    this.plans = plans;
    this.planFile = batch.plan();
    // Each identity's own proxy, from the plan (read at each fetch: a reloaded plan applies).
    this.routes = identity -> Optional.ofNullable(network(identity).proxy());
    this.clients = new HttpClients(Connector.direct(), routes);
    StorageStates folder = StorageStates.inDirectory(batch.accountsDir());
    LoginStates logins = new LoginStates(batch.accountsDir());
    this.states =
        identity -> {
          PlanRepository repository = plans.getIfAvailable();
          MatrixAccount account =
              repository == null ? null : repository.plan().account(identity).orElse(null);
          return account != null
              ? logins.fileOf(account).map(SecretStateFiles::require)
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

  /**
   * Which identity leaves through which proxy (the plan's {@code proxy} keys): the static fetcher,
   * the browser and the image downloads all go only through it.
   */
  public ProxyRoutes proxyRoutes() {
    return routes;
  }

  /** Each identity's client on its own network (the plan's proxy), for every fetch. */
  public HttpClients httpClients() {
    return clients;
  }

  /**
   * The identity's network and device from the plan, re-read when the plan file changes. No plan
   * file: the direct network and the configured device. An invalid plan is its {@link
   * com.mallrank.batch.plan.PlanException} (failing closed: never a direct fetch for an identity
   * whose proxy could not be read).
   */
  private IdentityNetwork network(String identity) {
    PlanRepository repository = plans.getIfAvailable();
    if (repository == null || planFile == null || !Files.isRegularFile(planFile)) {
      return IdentityNetwork.DEFAULT;
    }
    FileTime modified;
    try {
      modified = Files.getLastModifiedTime(planFile);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + planFile, e);
    }
    CachedPlan current = cached;
    if (current == null || !current.modified().equals(modified)) {
      current = new CachedPlan(modified, repository.plan());
      cached = current;
    }
    return current.plan().network(identity);
  }

  private record CachedPlan(FileTime modified, Plan plan) {}

  public synchronized PlaywrightFetcher fetcher() {
    if (fetcher == null) {
      CrawlerProperties.Timeouts timeouts = properties.timeouts();
      BrowserSettings settings =
          new BrowserSettings(
              properties.executable(),
              properties.headless(),
              properties.recycleAfterPages(),
              properties.relaunchAfterPages(),
              emulation(properties.device()),
              new BrowserTimeouts(
                  timeouts.launch(),
                  timeouts.navigation(),
                  timeouts.waitForSelector(),
                  timeouts.growth(),
                  timeouts.page()),
              properties.blockResources(),
              maxPageBytes,
              List.of());
      Emulation configured = settings.emulation();
      IdentityDevices devices =
          identity -> Optional.of(network(identity).deviceProfile(configured));
      fetcher =
          new PlaywrightFetcher(
              settings, RenderOptions.dom("body"), states, clients, maxRedirects, devices);
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
    clients.close();
  }
}
