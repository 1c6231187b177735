package com.mallrank.crawler.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.mallrank.crawler.fetch.JsoupFetcher;
import com.mallrank.crawler.fetch.browser.BrowserSettings;
import com.mallrank.crawler.fetch.browser.PlaywrightFetcher;
import com.mallrank.crawler.fetch.browser.RenderOptions;
import com.mallrank.crawler.fetch.browser.StorageStates;
import com.mallrank.crawler.net.TestNet;
import com.mallrank.crawler.profile.SiteProfile;
import com.mallrank.crawler.sampler.KeywordSampler;
import com.mallrank.crawler.sampler.SampleResult;
import com.mallrank.crawler.sampler.SamplerSettings;
import com.mallrank.crawler.sandbox.SandboxMall;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real-browser test fixture, written once: skips the class when Debian's Chromium is missing,
 * starts the sandbox mall at a fixed time (or no mall), builds the class's {@link
 * PlaywrightFetcher} on first use (so a test's own {@code @BeforeAll} may prepare what the factory
 * needs) on the JVM's {@link SharedChromium}, optionally clears the mall's faults after each test,
 * and closes fetcher (its contexts) and mall after the class. Register it as a {@code static}
 * {@code @RegisterExtension} field.
 */
public final class BrowserFixture
    implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

  private final SandboxMallFixture mall;
  private final Supplier<PlaywrightFetcher> factory;
  private PlaywrightFetcher fetcher;

  private BrowserFixture(SandboxMallFixture mall, Supplier<PlaywrightFetcher> factory) {
    this.mall = mall;
    this.factory = factory;
  }

  /** A sandbox mall whose clock stands at {@code time}; no fetcher unless one is added. */
  public static BrowserFixture sandboxMallAt(Instant time) {
    return new BrowserFixture(SandboxMallFixture.at(time), null);
  }

  /** Chromium only: the test serves its own pages. */
  public static BrowserFixture withoutMall() {
    return new BrowserFixture(null, null);
  }

  /** The class's fetcher, built by {@code factory} on the first {@link #fetcher()} call. */
  public BrowserFixture withFetcher(Supplier<PlaywrightFetcher> factory) {
    return new BrowserFixture(mall, Objects.requireNonNull(factory, "factory"));
  }

  /**
   * The class's fetcher with these settings and default options, its saved logins from {@code
   * states} (asked on first use, so a {@code @TempDir} field may hold them).
   */
  public BrowserFixture withFetcher(
      BrowserSettings settings, RenderOptions options, Supplier<StorageStates> states) {
    return withFetcher(() -> ApplicationDefaults.playwright(settings, options, states.get()));
  }

  /** Clears every fault set on the mall after each test. */
  public BrowserFixture clearingFaultsAfterEach() {
    return new BrowserFixture(mall.clearingFaultsAfterEach(), factory);
  }

  /** Skips the calling test (class) when Debian's Chromium is not installed. */
  public static void assumeChromium() {
    assumeTrue(
        Files.isExecutable(ApplicationDefaults.browser().executable()),
        "real-browser tests skipped: no Chromium at "
            + ApplicationDefaults.browser().executable()
            + " (apt-get install chromium)");
  }

  /** The running sandbox mall. */
  public SandboxMall mall() {
    if (mall == null) {
      throw new IllegalStateException("no sandbox mall: use sandboxMallAt(time)");
    }
    return mall.mall();
  }

  /** The class's fetcher, built on first use. */
  public synchronized PlaywrightFetcher fetcher() {
    if (fetcher == null) {
      if (factory == null) {
        throw new IllegalStateException("no fetcher: use withFetcher(factory)");
      }
      // One Chromium per test JVM: the class's fetcher opens its contexts in the shared browser.
      fetcher = factory.get().withBrowserSource(SharedChromium.source());
    }
    return fetcher;
  }

  /**
   * One unthrottled sample of {@code keyword} from the mall with {@code profile} as {@code
   * identity} (with its sandbox cookie): static pages through a default {@link JsoupFetcher},
   * browser pages through this fixture's fetcher.
   */
  public SampleResult sample(SiteProfile profile, String keyword, String identity, int depth) {
    return KeywordSampler.builder(
            new JsoupFetcher(ApplicationDefaults.jsoup()), SamplerSettings.UNTHROTTLED)
        .browser(fetcher())
        .build()
        .sample(
            profile, mall().baseUrl(), keyword, identity, TestNet.sandboxCookies(identity), depth);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    assumeChromium();
    if (mall != null) {
      mall.beforeAll(context);
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (mall != null) {
      mall.afterEach(context);
    }
  }

  @Override
  public synchronized void afterAll(ExtensionContext context) {
    try {
      if (fetcher != null) {
        fetcher.close();
      }
    } finally {
      fetcher = null;
      if (mall != null) {
        mall.afterAll(context);
      }
    }
  }
}
