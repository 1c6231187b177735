package com.mallrank.batch.report.format;

import com.mallrank.batch.report.model.Column;
import com.mallrank.batch.report.model.ColumnType;
import com.mallrank.batch.report.model.ReportTable;
import com.mallrank.batch.text.Escaping;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;

/**
 * Writes one table as CSV (RFC 4180): UTF-8 starting with a byte-order mark, so Excel reads Chinese
 * text correctly; CRLF line ends; a field is quoted when it holds a comma, a quote, CR or LF, and
 * quotes inside are doubled. Money is yuan with two decimals, rates percentages, times local to the
 * report's zone. Text that a spreadsheet would run as a formula gets a leading apostrophe ({@link
 * Escaping#spreadsheet}): titles come from the web.
 */
public final class CsvTableWriter {

  /** The UTF-8 byte-order mark. */
  public static final String BOM = "\uFEFF";

  private final ZoneId zone;

  public CsvTableWriter(ZoneId zone) {
    this.zone = zone;
  }

  /** Writes the table, BOM first. The stream is flushed, not closed. */
  public void write(ReportTable table, OutputStream out) throws IOException {
    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    writer.write(BOM);
    writeRows(table, writer);
    writer.flush();
  }

  /** Writes the header and rows without a BOM (for a second table in the same stream). */
  public void writeRows(ReportTable table, Writer writer) throws IOException {
    List<Column> columns = table.columns();
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < columns.size(); i++) {
      line.append(i == 0 ? "" : ",").append(field(Escaping.spreadsheet(columns.get(i).header())));
    }
    writer.write(line.append("\r\n").toString());
    for (List<Object> row : table.rows()) {
      line.setLength(0);
      for (int i = 0; i < columns.size(); i++) {
        ColumnType type = columns.get(i).type();
        String text = type.text(row.get(i), zone);
        if (type == ColumnType.TEXT) {
          text = defuseFormula(text);
        }
        line.append(i == 0 ? "" : ",").append(field(text));
      }
      writer.write(line.append("\r\n").toString());
    }
  }

  /** One field, quoted when RFC 4180 requires it. */
  static String field(String text) {
    boolean quote =
        text.indexOf(',') >= 0
            || text.indexOf('"') >= 0
            || text.indexOf('\r') >= 0
            || text.indexOf('\n') >= 0;
    return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
  }

  /** A text cell made inert for a spreadsheet: {@link Escaping#spreadsheet}. */
  static String defuseFormula(String text) {
    return Escaping.spreadsheet(text);
  }
}
