package com.mallrank.batch.report;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mallrank report health}: sampling health. */
@Command(
    name = "health",
    mixinStandardHelpOptions = true,
    description =
        "Is sampling healthy? Samples by status (ok, partial, empty, blocked, login_required, layout_changed, error, skipped) per slot, per identity and per keyword, and the expected slots with no sample at all.",
    footer = {
      "",
      "Window: --from/--to slots (2026-11-28T14:00 in batch.zone), or -d/--days N or --hours N up to --to (default: the latest slot). Default: 24 h."
    })
public class HealthCommand implements Callable<Integer> {

  @Mixin ReportWindowOptions window;

  @Mixin ReportOutputOptions output;

  @Option(
      names = "--cadence-minutes",
      defaultValue = "60",
      paramLabel = "MINUTES",
      description =
          "Expected minutes between slots (default ${DEFAULT-VALUE}; the plan has no cadence key yet).")
  int cadenceMinutes;

  private final ReportWindows windows;
  private final WindowReports reports;

  public HealthCommand(ReportWindows windows, WindowReports reports) {
    this.windows = windows;
    this.reports = reports;
  }

  @Override
  public Integer call() {
    ReportWindow w = windows.resolve(window, 24);
    output.write(
        reports.health(w, java.time.Duration.ofMinutes(cadenceMinutes)),
        w.fileName("health"),
        System.out);
    return 0;
  }
}
