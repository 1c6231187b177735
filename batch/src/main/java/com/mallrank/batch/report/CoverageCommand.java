package com.mallrank.batch.report;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code mallrank report coverage}: which keywords each matrix account covers. */
@Command(
    name = "coverage",
    mixinStandardHelpOptions = true,
    description =
        "The matrix-account manager's view: which keywords each matrix account holds in the Top-20 (best rank, samples held), each account's share of the Top-20, keywords where two of your accounts compete (cannibalisation), keywords nobody covers (gaps, with the account to assign), near misses (ranks 21-50), and keywords with only blocked/empty samples (unranked: no evidence, not a gap).",
    footer = {
      "",
      "Window: --from/--to slots (2026-11-28T14:00 in batch.zone), or -d/--days N or --hours N up to --to (default: the latest slot). Default: 24 h."
    })
public class CoverageCommand implements Callable<Integer> {

  @Mixin ReportWindowOptions window;

  @Mixin ReportOutputOptions output;

  private final ReportWindows windows;
  private final WindowReports reports;

  public CoverageCommand(ReportWindows windows, WindowReports reports) {
    this.windows = windows;
    this.reports = reports;
  }

  @Override
  public Integer call() {
    ReportWindow w = windows.resolve(window, 24);
    output.write(reports.coverage(w), w.fileName("coverage"), System.out);
    return 0;
  }
}
