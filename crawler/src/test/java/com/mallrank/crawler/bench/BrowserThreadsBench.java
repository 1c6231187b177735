package com.mallrank.crawler.bench;

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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Rendered pages per second by browser threads on one machine: 1, 2, 4 threads, each with its own
 * {@link PlaywrightFetcher} (as each partition of a slot has its own fetcher and browser), fetching
 * the sandbox SPA's Top-20 (DOM mode, resources blocked) for a fixed number of pages per thread;
 * then the Chromium memory (RSS and PSS sums of this JVM's Chromium processes) with that many
 * browsers open. Feeds the capacity model of {@code docs/scaling.md}.
 *
 * <pre>
 * ./mvnw -q -B -pl crawler test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
 * java -cp crawler/target/test-classes:crawler/target/classes:$(cat crawler/target/bench.classpath) \
 *     com.mallrank.crawler.bench.BrowserThreadsBench --threads 1,2,4 --pages 40
 * </pre>
 */
public final class BrowserThreadsBench {

  private BrowserThreadsBench() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    int pagesPerThread = Integer.parseInt(opts.getOrDefault("pages", "40"));
    List<Integer> threadCounts = new ArrayList<>();
    for (String t : opts.getOrDefault("threads", "1,2,4").split(",")) {
      threadCounts.add(Integer.parseInt(t.trim()));
    }
    BrowserSettings settings = ApplicationDefaults.browser();
    RenderOptions options = SandboxSpaPages.topTwentyDom();
    try (SandboxMall mall = SandboxMall.start()) {
      List<String> urls = SandboxSpaPages.urls(mall);
      System.out.printf(
          "sandbox SPA, %d keywords, Top-20 DOM mode, %d cores, %d pages per thread%n",
          urls.size(), Runtime.getRuntime().availableProcessors(), pagesPerThread);
      System.out.println("threads | pages | seconds | pages/s | pages/s per thread | chromium");
      for (int threads : threadCounts) {
        run(threads, pagesPerThread, settings, options, urls);
      }
    }
  }

  private static void run(
      int threads,
      int pagesPerThread,
      BrowserSettings settings,
      RenderOptions options,
      List<String> urls)
      throws Exception {
    List<PlaywrightFetcher> fetchers = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (int t = 0; t < threads; t++) {
        fetchers.add(ApplicationDefaults.playwright(settings, options, StorageStates.none()));
      }
      AtomicInteger next = new AtomicInteger();
      // warm-up: every browser launched, one page each
      fetchAll(pool, fetchers, urls, next, 2);
      long start = System.nanoTime();
      fetchAll(pool, fetchers, urls, next, pagesPerThread);
      double seconds = (System.nanoTime() - start) / 1e9;
      int pages = threads * pagesPerThread;
      ChromiumMemory memory = ChromiumMemory.measure();
      System.out.printf(
          "%7d | %5d | %7.1f | %7.2f | %18.2f | %s%n",
          threads, pages, seconds, pages / seconds, pages / seconds / threads, memory);
    } finally {
      pool.shutdownNow();
      for (PlaywrightFetcher fetcher : fetchers) {
        fetcher.close();
      }
    }
  }

  private static void fetchAll(
      ExecutorService pool,
      List<PlaywrightFetcher> fetchers,
      List<String> urls,
      AtomicInteger next,
      int pagesPerThread)
      throws Exception {
    List<Future<Void>> running = new ArrayList<>();
    for (PlaywrightFetcher fetcher : fetchers) {
      running.add(
          pool.submit(
              () -> {
                for (int i = 0; i < pagesPerThread; i++) {
                  String url = urls.get(Math.floorMod(next.getAndIncrement(), urls.size()));
                  FetchResponse response =
                      fetcher.fetch(FetchRequest.anonymous(URI.create(url), TestNet.loopback()));
                  int cards = response.body().split("class=\"goods-card\"", -1).length - 1;
                  if (response.httpStatus() != 200 || cards < 20) {
                    throw new IllegalStateException(
                        url + ": HTTP " + response.httpStatus() + ", " + cards + " cards");
                  }
                }
                return null;
              }));
    }
    for (Future<Void> f : running) {
      f.get();
    }
  }
}
