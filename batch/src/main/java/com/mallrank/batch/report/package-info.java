/** Reports as people read them: terminal tables (and, later, CSV, XLSX and HTML files). */
package com.mallrank.batch.report;
