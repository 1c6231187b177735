/**
 * Reports computed from samples, listings, change events and daily summaries: Top-20 per keyword,
 * slot-to-slot changes, counts, rank history, vantage spread, the change log, coverage, rank-drop
 * explanations and sampling health. One public entry, {@link com.mallrank.index.report.Reports};
 * everything else public here is a record (a question's parameters or an answer). Aggregations and
 * bounded searches only.
 */
package com.mallrank.index.report;
