package com.mallrank.batch.report;

import com.mallrank.batch.report.model.ChartSpec;
import com.mallrank.batch.report.model.ReportDocument;
import com.mallrank.batch.report.model.ReportTable;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * What a window report is about: the slots from {@code first} to {@code last} (both included), the
 * keywords and vantages ({@code null} = all), the plan group they came from, and the plan's matrix
 * accounts (columns of the coverage grid, even those that cover nothing).
 *
 * @param first the first slot of the window
 * @param last the last slot of the window
 * @param keywords the keywords, or {@code null} for every keyword sampled
 * @param vantages the vantages, or {@code null} for every vantage
 * @param group the plan group named with {@code --group}, or {@code null}
 * @param accounts the plan's matrix-account ids (may be empty)
 * @param zone the zone slots are shown in
 * @param profile the site profile (surface) reported on: {@code --profile}, else the {@code
 *     --group}'s profile, else {@code null} for every profile
 */
public record ReportWindow(
    Instant first,
    Instant last,
    List<String> keywords,
    List<String> vantages,
    String group,
    List<String> accounts,
    ZoneId zone,
    String profile) {

  public ReportWindow {
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(last, "last");
    Objects.requireNonNull(zone, "zone");
    if (last.isBefore(first)) {
      throw new IllegalArgumentException(
          "the window ends before it starts: " + first + " > " + last);
    }
    keywords = keywords == null || keywords.isEmpty() ? null : List.copyOf(keywords);
    vantages = vantages == null || vantages.isEmpty() ? null : List.copyOf(vantages);
    accounts = accounts == null ? List.of() : List.copyOf(accounts);
  }

  /** The exclusive end the index queries take: just after the last slot (slots are minutes). */
  public Instant end() {
    return last.plus(1, ChronoUnit.MINUTES);
  }

  /** The single vantage of single-vantage views (Top-20): the first asked for, else anonymous. */
  public String primaryVantage() {
    return vantages == null ? "anonymous" : vantages.get(0);
  }

  /**
   * A report over this window: its first and last slot, its vantages (comma-separated; {@code null}
   * for every vantage) and zone.
   */
  public ReportDocument document(
      String title, Instant generatedAt, List<ReportTable> tables, List<ChartSpec> charts) {
    return new ReportDocument(
        title,
        first,
        last,
        vantages == null ? null : String.join(",", vantages),
        zone,
        generatedAt,
        tables,
        charts,
        List.of());
  }

  /**
   * The default file name of a report over this window, e.g. {@code
   * mallrank-coverage-<first>-<last>}.
   */
  public String fileName(String report) {
    return ReportOutputOptions.baseName(report, first(), last(), null);
  }
}
