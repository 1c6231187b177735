package com.mallrank.batch.capacity;

import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * What one worker was measured to do, in one place (docs/scaling.md says how): rendered pages per
 * second of the sandbox SPA by browser threads, and the Chromium memory with that many browsers.
 * The CPU side of the capacity model; the politeness side comes from the sampler's settings.
 *
 * @param pagesPerSecondByThreads rendered Top-20 pages per second of one worker, by browser threads
 * @param chromiumPssMibByThreads proportional set size of the worker's Chromium processes (MiB)
 * @param cores the cores of the machine measured
 * @param source how and when it was measured (printed with the estimate)
 */
public record MeasuredThroughput(
    Map<Integer, Double> pagesPerSecondByThreads,
    Map<Integer, Integer> chromiumPssMibByThreads,
    int cores,
    String source) {

  /**
   * {@code BrowserThreadsBench --threads 1,2,4 --pages 40}, 2026-11-30 17:12 UTC, on the 2-core
   * build machine shared with seven other builds (load average 7-33 during the run).
   */
  public static final MeasuredThroughput MEASURED =
      new MeasuredThroughput(
          Map.of(1, 2.10, 2, 2.09, 4, 2.17),
          Map.of(1, 522, 2, 1036, 4, 1240),
          2,
          "BrowserThreadsBench, sandbox SPA Top-20, 2 cores, 2026-11-30 (docs/benchmarks.md)");

  public MeasuredThroughput {
    if (pagesPerSecondByThreads.isEmpty() || !pagesPerSecondByThreads.containsKey(1)) {
      throw new IllegalArgumentException("a measurement with 1 thread is needed");
    }
    pagesPerSecondByThreads = Map.copyOf(pagesPerSecondByThreads);
    chromiumPssMibByThreads = Map.copyOf(chromiumPssMibByThreads);
  }

  /** Pages per second with {@code threads} browser threads: the largest measured count ≤ it. */
  public double pagesPerSecond(int threads) {
    return new TreeMap<>(pagesPerSecondByThreads).floorEntry(Math.max(1, threads)).getValue();
  }

  /** Chromium PSS with {@code threads} browsers: the largest measured count ≤ it. */
  public int chromiumPssMib(int threads) {
    NavigableMap<Integer, Integer> pss = new TreeMap<>(chromiumPssMibByThreads);
    Map.Entry<Integer, Integer> floor = pss.floorEntry(Math.max(1, threads));
    return floor == null ? 0 : floor.getValue();
  }

  /** Seconds one rendered page takes on one thread. */
  public double secondsPerPage() {
    return 1.0 / pagesPerSecondByThreads.get(1);
  }
}
