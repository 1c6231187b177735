/**
 * The view model every report format renders: a {@link
 * com.mallrank.batch.report.model.ReportDocument} of typed {@link
 * com.mallrank.batch.report.model.ReportTable}s and chart specs. Report queries (in {@code index})
 * are mapped to it in {@code batch}; the formats never see an index type.
 */
package com.mallrank.batch.report.model;
