package com.mallrank.batch.report.format;

import com.mallrank.batch.report.model.Column;
import com.mallrank.batch.report.model.ColumnType;
import com.mallrank.batch.report.model.ReportDocument;
import com.mallrank.batch.report.model.ReportTable;
import com.mallrank.batch.text.Escaping;
import com.mallrank.batch.text.Formats;
import com.mallrank.batch.text.TextTable;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes a report as an XLSX workbook: one sheet per table (named by its title), a styled header
 * row that stays frozen, an auto-filter over the data, real numbers with number formats (money in
 * yuan {@value Formats#SPREADSHEET_MONEY}, rates {@value Formats#SPREADSHEET_PERCENT}), real Excel
 * dates local to the report's zone ({@value Formats#SPREADSHEET_TIME}), and column widths that fit
 * Chinese text (wide characters count double). Text cells that a spreadsheet would run as a formula
 * get a leading apostrophe ({@link Escaping#spreadsheet}): titles come from the web. A last sheet,
 * {@value #ABOUT_SHEET}, says what the report covers. Charts are not drawn.
 */
public final class XlsxReportWriter {

  /** The number format of whole-number columns. */
  public static final String INT_FORMAT = "0";

  /** The name of the sheet that describes the report. */
  public static final String ABOUT_SHEET = "报告说明";

  private static final int MIN_WIDTH = 6;
  private static final int MAX_WIDTH = 60;

  /** Writes the workbook. The stream is not closed. */
  public void write(ReportDocument report, OutputStream out) throws IOException {
    try (Workbook workbook = new XSSFWorkbook()) {
      Styles styles = new Styles(workbook);
      Set<String> names = new HashSet<>();
      for (ReportTable table : report.tables()) {
        Sheet sheet = workbook.createSheet(sheetName(table, names));
        writeTable(report, table, sheet, styles);
      }
      writeAbout(report, workbook.createSheet(sheetName(ABOUT_SHEET, "about", names)), styles);
      workbook.write(out);
    }
  }

  /** The sheet name a table gets in a workbook whose sheets so far are {@code taken}. */
  static String sheetName(ReportTable table, Set<String> taken) {
    return sheetName(table.title(), table.id(), taken);
  }

  private static String sheetName(String title, String id, Set<String> taken) {
    String base = WorkbookUtil.createSafeSheetName(title.isBlank() ? id : title, '_');
    String name = base;
    for (int n = 2; !taken.add(name.toLowerCase(Locale.ROOT)); n++) {
      String suffix = " (" + n + ")";
      name = base.substring(0, Math.min(base.length(), 31 - suffix.length())) + suffix;
    }
    return name;
  }

  private void writeTable(ReportDocument report, ReportTable table, Sheet sheet, Styles styles) {
    List<Column> columns = table.columns();
    int[] widths = new int[columns.size()];
    Row header = sheet.createRow(0);
    for (int i = 0; i < columns.size(); i++) {
      Cell cell = header.createCell(i);
      cell.setCellValue(Escaping.spreadsheet(columns.get(i).header()));
      cell.setCellStyle(styles.header);
      widths[i] = TextTable.width(columns.get(i).header()) + 3; // room for the filter button
    }
    int r = 1;
    for (List<Object> values : table.rows()) {
      Row row = sheet.createRow(r++);
      for (int i = 0; i < columns.size(); i++) {
        Column column = columns.get(i);
        Object value = values.get(i);
        if (value == null) {
          continue;
        }
        Cell cell = row.createCell(i);
        switch (column.type()) {
          case TEXT -> cell.setCellValue(Escaping.spreadsheet((String) value));
          case INT -> cell.setCellValue((double) (Long) value);
          case MONEY_FEN -> cell.setCellValue((Long) value / 100.0);
          case PERCENT_BP -> cell.setCellValue((Long) value / 10_000.0);
          case DATETIME ->
              cell.setCellValue(((Instant) value).atZone(report.zone()).toLocalDateTime());
        }
        cell.setCellStyle(styles.of(column.type()));
        String shown = column.type().text(value, report.zone());
        widths[i] = Math.max(widths[i], TextTable.width(shown) + 1);
      }
    }
    for (int i = 0; i < widths.length; i++) {
      int width = Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, widths[i] + 1));
      sheet.setColumnWidth(i, width * 256);
    }
    sheet.createFreezePane(0, 1);
    sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, r - 1), 0, columns.size() - 1));
  }

  private void writeAbout(ReportDocument report, Sheet sheet, Styles styles) {
    String[][] facts = {
      {"报告 report", report.title()},
      {"起始时段 from", Formats.time(report.from(), report.zone())},
      {"结束时段 to", Formats.time(report.to(), report.zone())},
      {"视角 vantage", report.vantage() == null ? "" : report.vantage()},
      {"时区 zone", report.zone().getId()},
      {"生成时间 generated", Formats.time(report.generatedAt(), report.zone())}
    };
    int width = 10;
    for (int i = 0; i < facts.length; i++) {
      Row row = sheet.createRow(i);
      Cell key = row.createCell(0);
      key.setCellValue(facts[i][0]);
      key.setCellStyle(styles.header);
      row.createCell(1).setCellValue(Escaping.spreadsheet(facts[i][1]));
      width = Math.max(width, TextTable.width(facts[i][1]) + 2);
    }
    sheet.setColumnWidth(0, 22 * 256);
    sheet.setColumnWidth(1, Math.min(MAX_WIDTH, width) * 256);
  }

  /** The cell styles of one workbook (a workbook holds at most 64,000 styles: share them). */
  private static final class Styles {
    final CellStyle header;
    private final Map<ColumnType, CellStyle> byType = new EnumMap<>(ColumnType.class);

    Styles(Workbook workbook) {
      Font bold = workbook.createFont();
      bold.setBold(true);
      bold.setColor(IndexedColors.WHITE.getIndex());
      header = workbook.createCellStyle();
      header.setFont(bold);
      header.setFillForegroundColor(IndexedColors.DARK_TEAL.getIndex());
      header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
      header.setBorderBottom(BorderStyle.THIN);
      header.setVerticalAlignment(VerticalAlignment.CENTER);
      var format = workbook.createDataFormat();
      for (ColumnType type : ColumnType.values()) {
        CellStyle style = workbook.createCellStyle();
        String pattern =
            switch (type) {
              case TEXT -> null;
              case INT -> INT_FORMAT;
              case MONEY_FEN -> Formats.SPREADSHEET_MONEY;
              case PERCENT_BP -> Formats.SPREADSHEET_PERCENT;
              case DATETIME -> Formats.SPREADSHEET_TIME;
            };
        if (pattern != null) {
          style.setDataFormat(format.getFormat(pattern));
        }
        style.setVerticalAlignment(VerticalAlignment.TOP);
        byType.put(type, style);
      }
    }

    CellStyle of(ColumnType type) {
      return byType.get(type);
    }
  }
}
