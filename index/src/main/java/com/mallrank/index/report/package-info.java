/** Reports computed from samples and listings: Top-20 per keyword, slot-to-slot changes, counts. */
package com.mallrank.index.report;
