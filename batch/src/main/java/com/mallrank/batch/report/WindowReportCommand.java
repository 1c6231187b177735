package com.mallrank.batch.report;

import com.mallrank.batch.report.model.ReportDocument;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;

/**
 * A {@code mallrank report} command over a window: its window and filters ({@link
 * ReportWindowOptions}), resolved with a default length, one document built from them, written
 * where and how {@link ReportOutputOptions} say under a file name made of the report's name and the
 * window. Subclasses add their own options and build the document.
 */
abstract class WindowReportCommand implements Callable<Integer> {

  /**
   * The start of every window report's help footer: how the window is given ({@link
   * ReportWindowOptions}); each command ends it with its own default length.
   */
  static final String WINDOW_HELP =
      "Window: --from/--to slots (2026-11-28T14:00 in batch.zone), or -d/--days N or --hours N up"
          + " to --to (default: the latest slot).";

  @Mixin ReportWindowOptions window;

  @Mixin ReportOutputOptions output;

  /** What the reports are computed with. */
  final WindowReports reports;

  private final ReportWindows windows;
  private final String name;
  private final int defaultHours;

  /**
   * @param name the report's name, the start of its file name
   * @param defaultHours the window's length when neither --from nor --days/--hours is given
   */
  WindowReportCommand(ReportWindows windows, WindowReports reports, String name, int defaultHours) {
    this.windows = windows;
    this.reports = reports;
    this.name = name;
    this.defaultHours = defaultHours;
  }

  @Override
  public final Integer call() {
    ReportWindow w = windows.resolve(window, defaultHours);
    output.write(document(w), w.fileName(name), System.out);
    return 0;
  }

  /** The report of the resolved window. */
  abstract ReportDocument document(ReportWindow window);
}
