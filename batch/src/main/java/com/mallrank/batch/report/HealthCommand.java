package com.mallrank.batch.report;

import com.mallrank.batch.report.model.ReportDocument;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mallrank report health}: sampling health. */
@Command(
    name = "health",
    mixinStandardHelpOptions = true,
    description =
        "Is sampling healthy? Samples by status (ok, partial, empty, blocked, login_required, layout_changed, error, skipped) per slot, per identity and per keyword, and the expected slots with no sample at all.",
    footer = {"", WindowReportCommand.WINDOW_HELP + " Default: 24 h."})
public class HealthCommand extends WindowReportCommand {

  @Option(
      names = "--cadence-minutes",
      defaultValue = "60",
      paramLabel = "MINUTES",
      description =
          "Expected minutes between slots (default ${DEFAULT-VALUE}; the plan has no cadence key yet).")
  int cadenceMinutes;

  public HealthCommand(ReportWindows windows, WindowReports reports) {
    super(windows, reports, "health", 24);
  }

  @Override
  ReportDocument document(ReportWindow window) {
    return reports.health(window, java.time.Duration.ofMinutes(cadenceMinutes));
  }
}
