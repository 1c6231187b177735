package com.mallrank.batch.report;

import com.mallrank.batch.report.model.ReportDocument;
import picocli.CommandLine.Command;

/** {@code mallrank report coverage}: which keywords each matrix account covers. */
@Command(
    name = "coverage",
    mixinStandardHelpOptions = true,
    description =
        "The matrix-account manager's view: which keywords each matrix account holds in the Top-20 (best rank, samples held), each account's share of the Top-20, keywords where two of your accounts compete (cannibalisation), keywords nobody covers (gaps, with the account to assign), near misses (ranks 21-50), and keywords with only blocked/empty samples (unranked: no evidence, not a gap).",
    footer = {"", WindowReportCommand.WINDOW_HELP + " Default: 24 h."})
public class CoverageCommand extends WindowReportCommand {

  public CoverageCommand(ReportWindows windows, WindowReports reports) {
    super(windows, reports, "coverage", 24);
  }

  @Override
  ReportDocument document(ReportWindow window) {
    return reports.coverage(window);
  }
}
