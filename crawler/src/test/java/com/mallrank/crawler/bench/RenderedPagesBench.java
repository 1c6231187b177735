package com.mallrank.crawler.bench;

import com.mallrank.crawler.fetch.FetchException;
import com.mallrank.crawler.fetch.FetchRequest;
import com.mallrank.crawler.fetch.FetchResponse;
import com.mallrank.crawler.fetch.browser.BrowserSettings;
import com.mallrank.crawler.fetch.browser.PlaywrightFetcher;
import com.mallrank.crawler.fetch.browser.RenderOptions;
import com.mallrank.crawler.fetch.browser.StorageStates;
import com.mallrank.crawler.net.TestNet;
import com.mallrank.crawler.sandbox.SandboxMall;
import com.mallrank.crawler.testing.ApplicationDefaults;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rendered pages per second on the sandbox SPA (Top-20, DOM mode, resources blocked, one worker
 * thread): one reused browser with contexts recycled every 50 pages vs a fresh browser per page;
 * then Chromium's memory after many pages with recycling.
 *
 * <pre>
 * ./mvnw -q -B -pl crawler test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
 * java -cp crawler/target/test-classes:crawler/target/classes:$(cat crawler/target/bench.classpath) \
 *     com.mallrank.crawler.bench.RenderedPagesBench --reuse-pages 100 --fresh-pages 15 \
 *     --memory-pages 500
 * </pre>
 *
 * Options: {@code --reuse-pages N}, {@code --fresh-pages N}, {@code --memory-pages N} (0 skips),
 * {@code --recycle N} (pages per context), {@code --executable PATH}.
 */
public final class RenderedPagesBench {

  private RenderedPagesBench() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = options(args);
    int reusePages = Integer.parseInt(opts.getOrDefault("reuse-pages", "100"));
    int freshPages = Integer.parseInt(opts.getOrDefault("fresh-pages", "15"));
    int memoryPages = Integer.parseInt(opts.getOrDefault("memory-pages", "500"));
    int recycle = Integer.parseInt(opts.getOrDefault("recycle", "50"));
    BrowserSettings base =
        ApplicationDefaults.browser()
            .withRecycleAfterPages(recycle)
            .withExecutable(
                java.nio.file.Path.of(
                    opts.getOrDefault(
                        "executable", ApplicationDefaults.browser().executable().toString())));
    RenderOptions options = SandboxSpaPages.topTwentyDom();

    try (SandboxMall mall = SandboxMall.start()) {
      List<String> urls = SandboxSpaPages.urls(mall);
      System.out.printf(
          "sandbox SPA, %d keywords, Top-20 DOM mode, %d cores, %s%n",
          urls.size(), Runtime.getRuntime().availableProcessors(), base.executable());

      double reuse;
      try (PlaywrightFetcher fetcher =
          ApplicationDefaults.playwright(base, options, StorageStates.none())) {
        run(fetcher, urls, 5); // warm-up: launch, JIT, first context
        reuse = rate(fetcher, urls, reusePages);
        System.out.printf(
            "reuse  : %d pages, %.2f pages/s, %s%n", reusePages, reuse, fetcher.stats());
      }
      double fresh;
      try (PlaywrightFetcher fetcher =
          ApplicationDefaults.playwright(
              base.withRelaunchAfterPages(1), options, StorageStates.none())) {
        run(fetcher, urls, 1);
        fresh = rate(fetcher, urls, freshPages);
        System.out.printf(
            "fresh  : %d pages, %.2f pages/s, %s%n", freshPages, fresh, fetcher.stats());
      }
      System.out.printf("speed-up of reuse: %.1fx%n", reuse / fresh);

      if (memoryPages > 0) {
        try (PlaywrightFetcher fetcher =
            ApplicationDefaults.playwright(base, options, StorageStates.none())) {
          run(fetcher, urls, 20);
          System.out.printf("memory after %4d pages: %s%n", 20, ChromiumMemory.measure());
          long peakPss = 0;
          for (int done = 20; done < memoryPages; ) {
            int step = Math.min(recycle, memoryPages - done);
            run(fetcher, urls, step);
            done += step;
            ChromiumMemory m = ChromiumMemory.measure();
            peakPss = Math.max(peakPss, m.pssKib());
            if (done % 100 == 0 || done == memoryPages) {
              System.out.printf("memory after %4d pages: %s%n", done, m);
            }
          }
          System.out.printf("peak PSS sum %.0f MiB; %s%n", peakPss / 1024.0, fetcher.stats());
        }
      }
    }
  }

  private static double rate(PlaywrightFetcher fetcher, List<String> urls, int pages)
      throws FetchException {
    long start = System.nanoTime();
    run(fetcher, urls, pages);
    return pages / ((System.nanoTime() - start) / 1e9);
  }

  private static int next;

  private static void run(PlaywrightFetcher fetcher, List<String> urls, int pages)
      throws FetchException {
    for (int i = 0; i < pages; i++) {
      String url = urls.get(next++ % urls.size());
      FetchResponse response =
          fetcher.fetch(FetchRequest.anonymous(URI.create(url), TestNet.loopback()));
      int cards = response.body().split("class=\"goods-card\"", -1).length - 1;
      if (response.httpStatus() != 200 || cards < 20) {
        throw new IllegalStateException(url + ": HTTP " + response.httpStatus() + ", " + cards);
      }
    }
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> opts = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    return opts;
  }
}
