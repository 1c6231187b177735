package com.mallrank.batch.report;

import com.mallrank.batch.report.model.ReportDocument;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mallrank report explain}: why your listings dropped. */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    description =
        "Rank-drop explainer: for each drop of your listings in the window (or of --product), the competitor changes in the same keyword and vantage between the two slots, and who overtook you.",
    footer = {"", WindowReportCommand.WINDOW_HELP + " Default: 24 h."})
public class ExplainCommand extends WindowReportCommand {

  @Option(
      names = {"-p", "--product"},
      paramLabel = "PRODUCT_ID",
      description = "Only drops of this product.")
  String product;

  public ExplainCommand(ReportWindows windows, WindowReports reports) {
    super(windows, reports, "explain", 24);
  }

  @Override
  ReportDocument document(ReportWindow window) {
    return reports.explain(window, product);
  }
}
