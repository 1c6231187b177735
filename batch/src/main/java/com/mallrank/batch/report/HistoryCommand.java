package com.mallrank.batch.report;

import com.mallrank.batch.report.model.ReportDocument;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mallrank report history}: rank history of your listings. */
@Command(
    name = "history",
    mixinStandardHelpOptions = true,
    description =
        "The search operator's view: where each of your listings ranked per keyword and vantage over the window (a chart per keyword and vantage, slots without ranks shaded as not sampled, never as drops), best/worst/latest/movement per listing, and the spread across vantages in the last slot.",
    footer = {"", WindowReportCommand.WINDOW_HELP + " Default: 7 days."})
public class HistoryCommand extends WindowReportCommand {

  @Option(
      names = {"-p", "--product"},
      paramLabel = "PRODUCT_ID",
      description =
          "These products (repeatable; competitors too). Default: every listing of a matrix account.")
  List<String> products;

  public HistoryCommand(ReportWindows windows, WindowReports reports) {
    super(windows, reports, "history", 7 * 24);
  }

  @Override
  ReportDocument document(ReportWindow window) {
    return reports.history(window, products);
  }
}
