package com.mallrank.batch.report;

import com.mallrank.batch.report.model.ReportDocument;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mallrank report changelog}: the competitor change log over a window. */
@Command(
    name = "changelog",
    mixinStandardHelpOptions = true,
    description =
        "The competitive analyst's log: every stored change event in the window, newest first (price in yuan, commission in %%, main image key, title, shop, entries/exits of the Top-20, new shops, your own moves), with the rank before and after, and a timeline.",
    footer = {"", WindowReportCommand.WINDOW_HELP + " Default: 24 h."})
public class ChangeLogCommand extends WindowReportCommand {

  @Option(
      names = "--kind",
      paramLabel = "KIND",
      description =
          "Only this kind (repeatable): price, commission, main_image, title, shop, entered_top20,"
              + " left_top20, new_shop, own_moved.")
  List<String> kinds;

  @Option(names = "--shop", paramLabel = "SHOP_ID", description = "Only this shop id (repeatable).")
  List<String> shops;

  @Option(
      names = "--limit",
      defaultValue = "500",
      paramLabel = "N",
      description = "At most N events (default ${DEFAULT-VALUE}); the title says when cut.")
  int limit;

  public ChangeLogCommand(ReportWindows windows, WindowReports reports) {
    super(windows, reports, "changelog", 24);
  }

  @Override
  ReportDocument document(ReportWindow window) {
    return reports.changelog(window, ChangeLogTables.kinds(kinds), shops, limit);
  }
}
