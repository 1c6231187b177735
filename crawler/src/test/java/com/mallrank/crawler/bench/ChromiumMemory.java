package com.mallrank.crawler.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Memory of the Chromium processes started by this JVM, read from {@code /proc}: the sum of RSS
 * (counts shared pages once per process, so it overstates) and of PSS (shares them out, the honest
 * total).
 */
record ChromiumMemory(int processes, long rssKib, long pssKib) {

  /** Every descendant of this JVM whose command line names chromium. */
  static ChromiumMemory measure() {
    List<ProcessHandle> chromium =
        ProcessHandle.current()
            .descendants()
            .filter(p -> p.info().command().map(c -> c.contains("chromium")).orElse(false))
            .toList();
    long rss = 0;
    long pss = 0;
    for (ProcessHandle p : chromium) {
      rss += kib(Path.of("/proc", String.valueOf(p.pid()), "status"), "VmRSS:");
      pss += kib(Path.of("/proc", String.valueOf(p.pid()), "smaps_rollup"), "Pss:");
    }
    return new ChromiumMemory(chromium.size(), rss, pss);
  }

  private static long kib(Path file, String key) {
    try {
      for (String line : Files.readAllLines(file)) {
        if (line.startsWith(key)) {
          return Long.parseLong(line.substring(key.length()).trim().split("\\s+")[0]);
        }
      }
    } catch (IOException | RuntimeException e) {
      // The process ended between listing and reading: it uses nothing any more.
    }
    return 0;
  }

  @Override
  public String toString() {
    return String.format(
        "%d processes, RSS sum %.0f MiB, PSS sum %.0f MiB",
        processes, rssKib / 1024.0, pssKib / 1024.0);
  }
}
