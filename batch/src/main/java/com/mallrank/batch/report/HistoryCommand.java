package com.mallrank.batch.report;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mallrank report history}: rank history of your listings. */
@Command(
    name = "history",
    mixinStandardHelpOptions = true,
    description =
        "The search operator's view: where each of your listings ranked per keyword and vantage over the window (a chart per keyword and vantage, slots without ranks shaded as not sampled, never as drops), best/worst/latest/movement per listing, and the spread across vantages in the last slot.",
    footer = {
      "",
      "Window: --from/--to slots (2026-11-28T14:00 in batch.zone), or -d/--days N or --hours N up to --to (default: the latest slot). Default: 7 days."
    })
public class HistoryCommand implements Callable<Integer> {

  @Mixin ReportWindowOptions window;

  @Mixin ReportOutputOptions output;

  @Option(
      names = {"-p", "--product"},
      paramLabel = "PRODUCT_ID",
      description =
          "These products (repeatable; competitors too). Default: every listing of a matrix account.")
  List<String> products;

  private final ReportWindows windows;
  private final WindowReports reports;

  public HistoryCommand(ReportWindows windows, WindowReports reports) {
    this.windows = windows;
    this.reports = reports;
  }

  @Override
  public Integer call() {
    ReportWindow w = windows.resolve(window, 7 * 24);
    output.write(reports.history(w, products), w.fileName("history"), System.out);
    return 0;
  }
}
