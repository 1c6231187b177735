/**
 * Retention: daily summaries of old listings, then deletion of the raw listings (change events and
 * samples are kept).
 */
package com.mallrank.index.retention;
