package com.mallrank.batch.report;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mallrank report explain}: why your listings dropped. */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    description =
        "Rank-drop explainer: for each drop of your listings in the window (or of --product), the competitor changes in the same keyword and vantage between the two slots, and who overtook you.",
    footer = {
      "",
      "Window: --from/--to slots (2026-11-28T14:00 in batch.zone), or -d/--days N or --hours N up to --to (default: the latest slot). Default: 24 h."
    })
public class ExplainCommand implements Callable<Integer> {

  @Mixin ReportWindowOptions window;

  @Mixin ReportOutputOptions output;

  @Option(
      names = {"-p", "--product"},
      paramLabel = "PRODUCT_ID",
      description = "Only drops of this product.")
  String product;

  private final ReportWindows windows;
  private final WindowReports reports;

  public ExplainCommand(ReportWindows windows, WindowReports reports) {
    this.windows = windows;
    this.reports = reports;
  }

  @Override
  public Integer call() {
    ReportWindow w = windows.resolve(window, 24);
    output.write(reports.explain(w, product), w.fileName("explain"), System.out);
    return 0;
  }
}
