package com.mallrank.crawler.bench;

import com.mallrank.crawler.fetch.FetchRequest;
import com.mallrank.crawler.fetch.FetchResponse;
import com.mallrank.crawler.fetch.JsoupFetcher;
import com.mallrank.crawler.net.TestNet;
import com.mallrank.crawler.sandbox.SandboxMall;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Static fetch latency and throughput against the sandbox mall: the production static fetcher
 * ({@link JsoupFetcher}: address guard, cookies per URL, body bound, the way out it uses) fetching
 * the sandbox's v1 search page (60 cards, about 120 KB) of each keyword in turn, as a logged-in
 * identity (its identity cookie sent). First one thread, each fetch timed (mean, p50, p90, p99);
 * then several threads sharing one fetcher, fetches per second. Every response is checked (HTTP
 * 200, at least 20 cards). Not a test; see docs/benchmarks.md.
 *
 * <pre>
 * ./mvnw -q -B -pl crawler test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
 * java -cp crawler/target/test-classes:crawler/target/classes:$(cat crawler/target/bench.classpath) \
 *     com.mallrank.crawler.bench.StaticFetchBench --fetches 400 --threads 4
 * </pre>
 */
public final class StaticFetchBench {

  private static final String IDENTITY = "mx-hangzhou";

  private StaticFetchBench() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = options(args);
    int fetches = Integer.parseInt(opts.getOrDefault("fetches", "400"));
    int threads = Integer.parseInt(opts.getOrDefault("threads", "4"));
    try (SandboxMall mall = SandboxMall.start()) {
      mall.setTime(Instant.parse("2026-11-28T14:00:00Z"));
      List<URI> urls =
          mall.world().keywords().stream()
              .filter(k -> mall.world().poolSize(k) > 0)
              .map(k -> URI.create(mall.searchUrl(k)))
              .toList();
      JsoupFetcher fetcher = new JsoupFetcher(JsoupFetcher.Settings.DEFAULTS);
      System.out.printf(
          "sandbox v1 search pages, %d keywords, %d cores%n",
          urls.size(), Runtime.getRuntime().availableProcessors());
      for (int i = 0; i < 50; i++) {
        fetch(fetcher, urls.get(i % urls.size())); // warm-up: JIT, connections
      }
      long[] nanos = new long[fetches];
      long start = System.nanoTime();
      for (int i = 0; i < fetches; i++) {
        long t = System.nanoTime();
        fetch(fetcher, urls.get(i % urls.size()));
        nanos[i] = System.nanoTime() - t;
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      Arrays.sort(nanos);
      System.out.printf(
          "1 thread : %d fetches, %.1f fetches/s, mean %.2f ms, p50 %.2f ms, p90 %.2f ms,"
              + " p99 %.2f ms%n",
          fetches,
          fetches / seconds,
          Arrays.stream(nanos).average().orElse(0) / 1e6,
          nanos[fetches / 2] / 1e6,
          nanos[fetches * 9 / 10] / 1e6,
          nanos[fetches * 99 / 100] / 1e6);
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        List<Future<?>> done = new ArrayList<>();
        long t = System.nanoTime();
        for (int w = 0; w < threads; w++) {
          int offset = w;
          done.add(
              pool.submit(
                  () -> {
                    for (int i = 0; i < fetches; i++) {
                      fetch(fetcher, urls.get((i + offset) % urls.size()));
                    }
                    return null;
                  }));
        }
        for (Future<?> f : done) {
          f.get();
        }
        double s = (System.nanoTime() - t) / 1e9;
        System.out.printf(
            "%d threads: %d fetches, %.1f fetches/s%n",
            threads, threads * fetches, threads * fetches / s);
      } finally {
        pool.shutdownNow();
      }
    }
  }

  private static void fetch(JsoupFetcher fetcher, URI url) throws Exception {
    FetchResponse response =
        fetcher.fetch(
            new FetchRequest(url, IDENTITY, TestNet.sandboxCookies(IDENTITY), TestNet.loopback()));
    int cards = response.body().split("data-product-id=", -1).length - 1;
    if (response.httpStatus() != 200 || cards < 20) {
      throw new IllegalStateException(url + ": HTTP " + response.httpStatus() + ", " + cards);
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
