package com.mallrank.crawler.testing;

import com.mallrank.crawler.fetch.browser.BrowserSource;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.options.Proxy;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One Playwright and one Chromium per test JVM (a Chromium per distinct launch options), kept
 * running for every {@link com.mallrank.crawler.fetch.browser.PlaywrightFetcher} of the JVM's test
 * thread: each fetcher still gets its own contexts (closed with it), but no test class pays a
 * Playwright start and a Chromium launch. Playwright is not thread-safe, so only the thread that
 * first asked shares it; a session on any other thread (a test's worker thread) gets its own
 * Playwright and Chromium as in production. A test that counts launches builds its fetcher without
 * this source. The browsers end with the JVM.
 */
public final class SharedChromium implements BrowserSource {

  private static final SharedChromium INSTANCE = new SharedChromium();

  private Thread owner;
  private Playwright playwright;
  private final Map<List<Object>, Browser> browsers = new HashMap<>();

  private SharedChromium() {}

  /** For {@code PlaywrightFetcher.withBrowserSource}: the shared Chromium on the owning thread. */
  public static Supplier<BrowserSource> source() {
    return INSTANCE::forCurrentThread;
  }

  private synchronized BrowserSource forCurrentThread() {
    if (owner == null) {
      owner = Thread.currentThread();
    }
    return owner == Thread.currentThread() ? this : BrowserSource.own();
  }

  @Override
  public synchronized Browser launch(BrowserType.LaunchOptions options) {
    if (playwright == null) {
      playwright =
          Playwright.create(
              new Playwright.CreateOptions()
                  .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
      Playwright started = playwright;
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      started.close();
                    } catch (PlaywrightException e) {
                      // the JVM ends: the driver and its browsers go with it
                    }
                  }));
    }
    List<Object> key = keyOf(options);
    Browser browser = browsers.get(key);
    if (browser == null || !browser.isConnected()) {
      browser = playwright.chromium().launch(options);
      browsers.put(key, browser);
    }
    return browser;
  }

  /** What makes two launches the same browser: every option but the launch timeout. */
  private static List<Object> keyOf(BrowserType.LaunchOptions o) {
    Proxy p = o.proxy;
    return Arrays.asList(
        o.args == null ? null : List.copyOf(o.args),
        o.artifactsDir,
        o.channel,
        o.chromiumSandbox,
        o.downloadsPath,
        o.env,
        o.executablePath,
        o.firefoxUserPrefs,
        o.handleSIGHUP,
        o.handleSIGINT,
        o.handleSIGTERM,
        o.headless,
        o.ignoreAllDefaultArgs,
        o.ignoreDefaultArgs,
        p == null ? null : Arrays.asList(p.server, p.bypass, p.username, p.password),
        o.slowMo,
        o.tracesDir);
  }

  /** The session's contexts are closed; the browser stays for the next fetcher. */
  @Override
  public void release(Browser browser) {}

  /** The Playwright stays for the next fetcher. */
  @Override
  public void close() {}
}
