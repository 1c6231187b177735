package com.mallrank.batch.report.format;

import com.mallrank.batch.report.model.Column;
import com.mallrank.batch.report.model.ReportDocument;
import com.mallrank.batch.report.model.ReportTable;
import com.mallrank.batch.report.model.TextSection;
import com.mallrank.batch.text.Escaping;
import com.mallrank.batch.text.TextTable;
import com.mallrank.batch.text.TextTable.Align;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;

/**
 * Writes a report as aligned plain-text tables ({@link TextTable}), on the terminal or in a {@code
 * .txt} file: the report's {@linkplain ReportDocument#text() text sections} when it has them (the
 * slot reports), else its title and every table under its own title. Columns follow their {@link
 * Column.TextLayout} (numbers right aligned, text cut at 40 display columns); cells read as {@link
 * com.mallrank.batch.text.Formats} says; control characters are shown visibly ({@link
 * Escaping#terminal}). Charts are not drawn.
 */
public final class TextReportWriter {

  /** Writes the report. The stream is flushed, not closed. */
  public void write(ReportDocument report, OutputStream out) throws IOException {
    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    if (report.text().isEmpty()) {
      writer.write(Escaping.terminal(report.title()) + "\n");
      for (ReportTable table : report.tables()) {
        section(writer, new TextSection(table.title(), table, "  (none)", List.of()), report);
      }
    } else {
      for (TextSection section : report.text()) {
        section(writer, section, report);
      }
    }
    writer.flush();
  }

  private static void section(Writer writer, TextSection section, ReportDocument report)
      throws IOException {
    writer.write("\n" + Escaping.terminal(section.heading()) + "\n");
    ReportTable table = section.table();
    if (table != null) {
      writer.write(
          table.rows().isEmpty()
              ? Escaping.terminal(section.whenEmpty()) + "\n"
              : render(table, report.zone()));
    }
    for (String note : section.notes()) {
      writer.write(Escaping.terminal(note) + "\n");
    }
  }

  private static String render(ReportTable table, ZoneId zone) {
    TextTable text = new TextTable();
    for (Column column : table.columns()) {
      text.column(
          column.header(),
          column.layout().right() ? Align.RIGHT : Align.LEFT,
          column.layout().maxWidth());
    }
    for (List<Object> row : table.rows()) {
      Object[] cells = new Object[row.size()];
      for (int i = 0; i < cells.length; i++) {
        cells[i] = table.columns().get(i).type().text(row.get(i), zone);
      }
      text.row(cells);
    }
    return text.render();
  }
}
