package com.mallrank.batch.report.format;

import com.mallrank.batch.report.TextTable;
import com.mallrank.batch.report.TextTable.Align;
import com.mallrank.batch.report.model.Column;
import com.mallrank.batch.report.model.ColumnType;
import com.mallrank.batch.report.model.ReportDocument;
import com.mallrank.batch.report.model.ReportTable;
import com.mallrank.batch.text.Escaping;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes every table of a report as an aligned plain-text table ({@link TextTable}): numbers right
 * aligned, text cut at 40 display columns, control characters shown visibly ({@link
 * Escaping#terminal}). Charts are not drawn.
 */
public final class TextReportWriter {

  private static final int MAX_TEXT_WIDTH = 40;

  /** Writes the report. The stream is flushed, not closed. */
  public void write(ReportDocument report, OutputStream out) throws IOException {
    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    writer.write(Escaping.terminal(report.title()) + "\n");
    for (ReportTable table : report.tables()) {
      writer.write("\n" + Escaping.terminal(table.title()) + "\n");
      if (table.rows().isEmpty()) {
        writer.write("  (none)\n");
        continue;
      }
      TextTable text = new TextTable();
      for (Column column : table.columns()) {
        if (column.type() == ColumnType.TEXT) {
          text.column(column.header(), Align.LEFT, MAX_TEXT_WIDTH);
        } else {
          text.column(column.header(), Align.RIGHT);
        }
      }
      for (List<Object> row : table.rows()) {
        Object[] cells = new Object[row.size()];
        for (int i = 0; i < cells.length; i++) {
          cells[i] = CellText.of(table.columns().get(i).type(), row.get(i), report.zone());
        }
        text.row(cells);
      }
      writer.write(text.render());
    }
    writer.flush();
  }
}
