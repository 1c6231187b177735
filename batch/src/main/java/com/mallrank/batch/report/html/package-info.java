/**
 * The self-contained HTML report: one file with inline CSS, tables and ECharts charts (the library
 * inlined from its webjar), readable offline and safe with titles from the web (every text escaped,
 * chart data escaped for a script element, a Content-Security-Policy that allows only the page's
 * own scripts and no network).
 */
package com.mallrank.batch.report.html;
