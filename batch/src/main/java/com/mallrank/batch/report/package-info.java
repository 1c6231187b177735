/**
 * Reports as people read them: the report commands (slot reports such as {@code top20}, window
 * reports such as {@code history}) and the {@code *Tables} classes that map the answers of {@code
 * index.report.Reports} to a {@link com.mallrank.batch.report.model.ReportDocument}, written by
 * {@link com.mallrank.batch.report.format.ReportFiles} as terminal text, CSV, XLSX, JSON or HTML.
 */
package com.mallrank.batch.report;
