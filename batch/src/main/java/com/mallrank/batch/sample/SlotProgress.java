package com.mallrank.batch.sample;

import com.mallrank.batch.text.Formats;
import com.mallrank.index.document.SampleDocument;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The progress of running slots, fed by every partition: keywords done of total, samples by status,
 * ETA. On a terminal (when {@link #useTerminal} was called by an interactive command) it redraws
 * one progress bar on stderr; otherwise it logs one plain line per sample.
 */
@Component
public class SlotProgress {

  private static final Logger log = LoggerFactory.getLogger(SlotProgress.class);
  private static final int BAR = 30;

  private final Map<Long, Run> runs = new ConcurrentHashMap<>();
  private volatile PrintStream terminal;

  /** Draw a progress bar on this stream (a terminal) instead of logging lines. */
  public void useTerminal(PrintStream stream) {
    this.terminal = stream;
  }

  void started(long jobExecutionId, String label, int total, Map<String, Long> done) {
    runs.put(jobExecutionId, new Run(label, total, done));
  }

  void stored(long jobExecutionId, SampleDocument sample) {
    Run run = runs.get(jobExecutionId);
    if (run == null) {
      return;
    }
    synchronized (run) {
      run.byStatus.merge(sample.status(), 1L, Long::sum);
      run.doneNow++;
      long done = run.done();
      if (terminal != null) {
        terminal.print("\r" + run.bar(done));
        terminal.flush();
      } else {
        // Not a terminal (a log file, CI): one line per ten samples; each sample at debug level.
        log.debug(
            "[{}/{}] {} @ {}: {} ({} listings, {} ms)",
            done,
            run.total,
            sample.keyword(),
            sample.vantage(),
            sample.status(),
            sample.resultCount(),
            sample.durationMillis());
        if (done % 10 == 0) {
          log.info("[{}/{}] {}: samples by status {}", done, run.total, run.label, run.byStatus);
        }
      }
    }
  }

  /**
   * Closes a slot's progress and logs its samples by status.
   *
   * @param stored the slot's samples by status as its partitions recorded them (the JobRepository:
   *     also what other processes, the workers of a manager, stored), or {@code null} for what this
   *     process counted
   */
  void finished(long jobExecutionId, Map<String, Long> stored) {
    Run run = runs.remove(jobExecutionId);
    if (run == null) {
      return;
    }
    synchronized (run) {
      Map<String, Long> byStatus = stored == null ? run.byStatus : new TreeMap<>(stored);
      if (terminal != null) {
        terminal.println("\r" + run.bar(run.done()));
      }
      log.info("{}: samples by status {}", run.label, byStatus);
    }
  }

  private static final class Run {
    final String label;
    final int total;
    final long doneBefore;
    final Map<String, Long> byStatus;
    final Instant start = Instant.now();
    long doneNow;

    Run(String label, int total, Map<String, Long> done) {
      this.label = label;
      this.total = total;
      this.byStatus = new TreeMap<>(done);
      this.doneBefore = done.values().stream().mapToLong(Long::longValue).sum();
    }

    long done() {
      return doneBefore + doneNow;
    }

    String bar(long done) {
      int filled = total == 0 ? BAR : (int) (BAR * Math.min(done, total) / total);
      Duration elapsed = Duration.between(start, Instant.now());
      String eta = "--:--";
      if (doneNow > 0 && done < total) {
        long seconds = elapsed.toMillis() * (total - done) / doneNow / 1000;
        eta = Formats.minutesSeconds(seconds);
      } else if (done >= total) {
        eta = "00:00";
      }
      return String.format(
          "%s [%s%s] %d/%d ETA %s %s",
          label, "#".repeat(filled), ".".repeat(BAR - filled), done, total, eta, byStatus);
    }
  }
}
