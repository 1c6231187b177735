/** Retention: raw listings for a window, daily summaries and change events for the rest. */
package com.mallrank.batch.retention;
