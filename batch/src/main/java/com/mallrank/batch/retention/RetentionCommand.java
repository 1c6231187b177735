package com.mallrank.batch.retention;

import com.mallrank.index.retention.RetentionResult;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mallrank retention}: keeps raw listing documents for a window and older history as daily
 * per-keyword summaries plus every change event, so history stays small and reports still work.
 */
@Command(
    name = "retention",
    mixinStandardHelpOptions = true,
    description = {
      "Summarises listings older than the window into daily per-keyword summaries, then deletes"
          + " those raw listings. Samples and change events are kept. Safe to run again: days"
          + " already summarised are skipped.",
      "Run it daily (cron, or a systemd timer) after the night's slots."
    })
public class RetentionCommand implements Callable<Integer> {

  @Option(
      names = "--keep-days",
      description = "Days of raw listings to keep (default: batch.retention.keep-days, 35).")
  Integer keepDays;

  private final Retentions retentions;

  public RetentionCommand(Retentions retentions) {
    this.retentions = retentions;
  }

  @Override
  public Integer call() throws java.io.IOException {
    if (keepDays != null && keepDays < 1) {
      throw new IllegalArgumentException("--keep-days must be at least 1, was " + keepDays);
    }
    Retentions.Outcome outcome = keepDays == null ? retentions.run() : retentions.run(keepDays);
    RetentionResult result = outcome.listings();
    System.out.printf(
        "listings before %s: %d days summarised (%d summaries), %d listings deleted%s%n",
        result.cutoff(),
        result.daysSummarised().size(),
        result.summariesWritten(),
        result.listingsDeleted(),
        result.indicesDeleted().isEmpty()
            ? ""
            : " (whole indices: " + String.join(", ", result.indicesDeleted()) + ")");
    System.out.printf(
        "evidence before %s: %d slot folder(s) deleted%n",
        result.cutoff(), outcome.evidenceSlots());
    return 0;
  }
}
