/**
 * The file formats of a {@link com.mallrank.batch.report.model.ReportDocument}: terminal text, CSV
 * (UTF-8 with BOM), XLSX, JSON; {@link com.mallrank.batch.report.format.ReportFiles} picks the
 * writer and the files for {@code --format} and {@code --output}. The HTML report is in {@code
 * report.html}.
 */
package com.mallrank.batch.report.format;
