package com.mallrank.batch.report;

import com.mallrank.batch.report.model.ReportDocument;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mallrank report daily}: the morning report. */
@Command(
    name = "daily",
    mixinStandardHelpOptions = true,
    description =
        "One document for the day: the Top-20 of the last slot, rank histories, the coverage heatmap and tables, the change log and timeline, and sampling health. Use -o daily.html or -o daily.xlsx (the extension chooses the format) or --format.",
    footer = {"", WindowReportCommand.WINDOW_HELP + " Default: the 24 h up to the latest slot."})
public class DailyCommand extends WindowReportCommand {

  @Option(
      names = "--limit",
      defaultValue = "2000",
      paramLabel = "N",
      description = "At most N change-log events (default ${DEFAULT-VALUE}).")
  int limit;

  public DailyCommand(ReportWindows windows, WindowReports reports) {
    super(windows, reports, "daily", 24);
  }

  @Override
  ReportDocument document(ReportWindow window) {
    return reports.daily(window, limit);
  }
}
