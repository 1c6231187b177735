package com.mallrank.batch.report;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mallrank report daily}: the morning report. */
@Command(
    name = "daily",
    mixinStandardHelpOptions = true,
    description =
        "One document for the day: the Top-20 of the last slot, rank histories, the coverage heatmap and tables, the change log and timeline, and sampling health. Use -o daily.html or -o daily.xlsx (the extension chooses the format) or --format.",
    footer = {
      "",
      "Window: --from/--to slots (2026-11-28T14:00 in batch.zone), or -d/--days N or --hours N up to --to (default: the latest slot). Default: the 24 h up to the latest slot."
    })
public class DailyCommand implements Callable<Integer> {

  @Mixin ReportWindowOptions window;

  @Mixin ReportOutputOptions output;

  @Option(
      names = "--limit",
      defaultValue = "2000",
      paramLabel = "N",
      description = "At most N change-log events (default ${DEFAULT-VALUE}).")
  int limit;

  private final ReportWindows windows;
  private final WindowReports reports;

  public DailyCommand(ReportWindows windows, WindowReports reports) {
    this.windows = windows;
    this.reports = reports;
  }

  @Override
  public Integer call() {
    ReportWindow w = windows.resolve(window, 24);
    output.write(reports.daily(w, limit), w.fileName("daily"), System.out);
    return 0;
  }
}
