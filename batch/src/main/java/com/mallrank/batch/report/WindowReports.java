package com.mallrank.batch.report;

import com.mallrank.batch.report.model.ReportDocument;
import com.mallrank.index.document.ChangeEvent;
import com.mallrank.index.report.ChangeLogPage;
import com.mallrank.index.report.ChangeLogQuery;
import com.mallrank.index.report.RankDropExplanation;
import com.mallrank.index.report.RankSeries;
import com.mallrank.index.report.Reports;
import com.mallrank.index.report.SampleStatusRow;
import com.mallrank.index.report.SpreadRow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The window reports as {@link ReportDocument}s: runs the index report queries (all computation is
 * there, in Elasticsearch) for a {@link ReportWindow} and maps their records with the {@code
 * *Tables} mappers. What the {@code report} subcommands print, and what tests call directly.
 */
@Component
public class WindowReports {

  /** The most events one change-log page asks for. */
  static final int PAGE = 1_000;

  private final Reports reports;
  private final Clock clock;

  @Autowired
  public WindowReports(Reports reports) {
    this(reports, Clock.systemUTC());
  }

  WindowReports(Reports reports, Clock clock) {
    this.reports = reports;
    this.clock = clock;
  }

  /** {@code report coverage}. */
  public ReportDocument coverage(ReportWindow window) {
    return CoverageTables.document(coverageReport(window), window, clock.instant());
  }

  /**
   * {@code report changelog}: every event of the window and filters, paged through, at most {@code
   * limit}.
   *
   * @param kinds kind codes, {@code null}/empty for all
   * @param shops shop ids, {@code null}/empty for all
   */
  public ReportDocument changelog(
      ReportWindow window, List<String> kinds, List<String> shops, int limit) {
    ChangeLogResult result = changes(window, kinds, shops, limit);
    return ChangeLogTables.document(result.events(), result.truncated(), window, clock.instant());
  }

  /**
   * {@code report history}: own listings (or {@code products}) per keyword and vantage; the vantage
   * spread of the last slot.
   */
  public ReportDocument history(ReportWindow window, List<String> products) {
    Reports scoped = reports.onProfile(window.profile());
    List<RankSeries> series =
        scoped.history(
            window.first(), window.end(), window.keywords(), window.vantages(), products);
    List<SampleStatusRow> samples = samples(window);
    List<SpreadRow> spread = scoped.spread(window.last(), window.keywords());
    return HistoryTables.document(series, samples, spread, window.last(), window, clock.instant());
  }

  /** {@code report health}: expected slots every {@code cadence} from the window's last slot. */
  public ReportDocument health(ReportWindow window, Duration cadence) {
    return HealthTables.document(healthReport(window, cadence), window, clock.instant());
  }

  /** {@code report explain}: the drops of own listings (or of {@code product}) in the window. */
  public ReportDocument explain(ReportWindow window, String product) {
    Reports explainer = reports.onProfile(window.profile());
    List<RankDropExplanation> drops = new ArrayList<>();
    for (String keyword : orAll(window.keywords())) {
      for (String vantage : orAll(window.vantages())) {
        drops.addAll(explainer.drops(window.first(), window.end(), keyword, vantage, product));
      }
    }
    return ExplainTables.document(drops, window, clock.instant());
  }

  /**
   * {@code report daily}: the latest slot's Top-20 and the window's history, coverage, log, health.
   */
  public ReportDocument daily(ReportWindow window, int changeLimit) {
    Reports scoped = reports.onProfile(window.profile());
    ChangeLogResult changes = changes(window, null, null, changeLimit);
    DailyTables.Parts parts =
        new DailyTables.Parts(
            scoped.top20(window.last(), window.primaryVantage(), window.keywords()),
            scoped.history(
                window.first(), window.end(), window.keywords(), window.vantages(), null),
            samples(window),
            coverageReport(window),
            changes.events(),
            changes.truncated(),
            healthReport(window, Duration.ofHours(1)));
    return DailyTables.document(parts, window, clock.instant());
  }

  private com.mallrank.index.report.CoverageReport coverageReport(ReportWindow window) {
    return reports
        .onProfile(window.profile())
        .coverage(window.first(), window.end(), window.keywords(), window.vantages());
  }

  private com.mallrank.index.report.SamplingHealthReport healthReport(
      ReportWindow window, Duration cadence) {
    List<Instant> expected = new ArrayList<>();
    for (Instant s = window.last(); !s.isBefore(window.first()); s = s.minus(cadence)) {
      expected.add(s);
    }
    return reports.onProfile(window.profile()).health(window.first(), window.end(), expected);
  }

  private List<SampleStatusRow> samples(ReportWindow window) {
    return reports
        .onProfile(window.profile())
        .statuses(window.first(), window.end(), window.keywords(), window.vantages());
  }

  private ChangeLogResult changes(
      ReportWindow window, List<String> kinds, List<String> shops, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("--limit must be at least 1, was " + limit);
    }
    Reports log = reports.onProfile(window.profile());
    ChangeLogQuery query =
        ChangeLogQuery.window(window.first(), window.end())
            .keywords(window.keywords())
            .vantages(window.vantages())
            .kinds(kinds)
            .shops(shops)
            .pageSize(Math.min(PAGE, limit));
    List<ChangeEvent> events = new ArrayList<>();
    ChangeLogPage page = log.changeLog(query);
    while (true) {
      for (ChangeEvent event : page.events()) {
        if (events.size() == limit) {
          return new ChangeLogResult(events, true);
        }
        events.add(event);
      }
      if (page.next() == null) {
        return new ChangeLogResult(events, false);
      }
      if (events.size() == limit) {
        // a full last page: one more look tells whether anything was cut
        return new ChangeLogResult(
            events, !log.changeLog(query.pageSize(1).after(page.next())).events().isEmpty());
      }
      page =
          log.changeLog(query.pageSize(Math.min(PAGE, limit - events.size())).after(page.next()));
    }
  }

  private static List<String> orAll(List<String> values) {
    List<String> all = new ArrayList<>();
    if (values == null) {
      all.add(null);
    } else {
      all.addAll(values);
    }
    return all;
  }

  private record ChangeLogResult(List<ChangeEvent> events, boolean truncated) {}
}
