package com.mallrank.batch.report.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDateTime;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class XlsxReportWriterTest {

  private XSSFWorkbook reopen() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new XlsxReportWriter()
        .write(FormatFixtures.report("报告", FormatFixtures.top20(), FormatFixtures.samples()), out);
    return new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
  }

  @Test
  void oneSheetPerTableNamedByTitleThenTheAboutSheet() throws Exception {
    try (XSSFWorkbook workbook = reopen()) {
      assertThat(workbook.getNumberOfSheets()).isEqualTo(3);
      assertThat(workbook.getSheetName(0)).isEqualTo("前20名 Top-20");
      assertThat(workbook.getSheetName(1)).isEqualTo("采样状态");
      assertThat(workbook.getSheetName(2)).isEqualTo(XlsxReportWriter.ABOUT_SHEET);
      assertThat(workbook.getSheetAt(2).getRow(0).getCell(1).getStringCellValue()).isEqualTo("报告");
    }
  }

  @Test
  void headerIsStyledFrozenAndFiltered() throws Exception {
    try (XSSFWorkbook workbook = reopen()) {
      XSSFSheet sheet = workbook.getSheet("前20名 Top-20");
      Row header = sheet.getRow(0);
      assertThat(header.getCell(0).getStringCellValue()).isEqualTo("关键词");
      assertThat(header.getCell(5).getStringCellValue()).isEqualTo("采样时间");
      assertThat(workbook.getFontAt(header.getCell(0).getCellStyle().getFontIndex()).getBold())
          .isTrue();
      assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
      assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
      assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:F4");
    }
  }

  @Test
  void numbersAreRealNumbersWithFormats() throws Exception {
    try (XSSFWorkbook workbook = reopen()) {
      Row row = workbook.getSheet("前20名 Top-20").getRow(1);
      assertThat(row.getCell(0).getStringCellValue()).isEqualTo("羽绒服女");
      assertThat(row.getCell(1).getNumericCellValue()).isEqualTo(1.0);
      Cell price = row.getCell(3);
      assertThat(price.getCellType()).isEqualTo(CellType.NUMERIC);
      assertThat(price.getNumericCellValue()).isEqualTo(299.0);
      assertThat(price.getCellStyle().getDataFormatString())
          .isEqualTo(com.mallrank.batch.text.Formats.SPREADSHEET_MONEY);
      Cell commission = row.getCell(4);
      assertThat(commission.getNumericCellValue()).isEqualTo(0.125);
      assertThat(commission.getCellStyle().getDataFormatString())
          .isEqualTo(com.mallrank.batch.text.Formats.SPREADSHEET_PERCENT);
    }
  }

  @Test
  void timesAreExcelDatesInTheReportZone() throws Exception {
    try (XSSFWorkbook workbook = reopen()) {
      Cell sampled = workbook.getSheet("前20名 Top-20").getRow(1).getCell(5);
      assertThat(DateUtil.isCellDateFormatted(sampled)).isTrue();
      assertThat(sampled.getLocalDateTimeCellValue())
          .isEqualTo(LocalDateTime.of(2026, 11, 28, 14, 0));
      assertThat(sampled.getCellStyle().getDataFormatString())
          .isEqualTo(com.mallrank.batch.text.Formats.SPREADSHEET_TIME);
    }
  }

  @Test
  void emptyCellsStayEmptyAndFormulasAreDefusedText() throws Exception {
    try (XSSFWorkbook workbook = reopen()) {
      Row row = workbook.getSheet("前20名 Top-20").getRow(3);
      assertThat(row.getCell(2).getCellType()).isEqualTo(CellType.STRING);
      assertThat(row.getCell(2).getStringCellValue()).isEqualTo("'=HYPERLINK(\"http://x\")");
      assertThat(row.getCell(3)).isNull();
    }
  }

  @Test
  void columnsAreWideEnoughForChineseText() throws Exception {
    try (XSSFWorkbook workbook = reopen()) {
      XSSFSheet sheet = workbook.getSheet("前20名 Top-20");
      // 加厚长款羽绒服女冬季2026新款: 12 wide characters and 4 digits = 28 display columns.
      assertThat(sheet.getColumnWidth(2)).isGreaterThanOrEqualTo(28 * 256);
      assertThat(sheet.getColumnWidth(1)).isLessThan(12 * 256);
    }
  }
}
